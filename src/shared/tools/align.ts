/** A stretch of text where two segmentations meet at both ends: tokens [a0, a1) of one and [b0, b1) of the other. */
export interface AlignedGroup {
  from: number
  to: number
  a0: number
  a1: number
  b0: number
  b1: number
  /** True when both encodings make this stretch a single token (they agree here). */
  same: boolean
}

/**
 * Aligns two segmentations of one text by their boundaries: each group ends where both
 * have a token boundary, so groups where the two cut differently hold several tokens on
 * at least one side. `startsA`/`startsB` hold each token's start plus the text length at
 * the end (TokenTable.starts); tokens of zero width (bytes of a split character) join
 * the group they sit in.
 */
export function alignSegmentations(startsA: ArrayLike<number>, startsB: ArrayLike<number>): AlignedGroup[] {
  const nA = startsA.length - 1
  const nB = startsB.length - 1
  if (nA < 0 || nB < 0 || startsA[nA] !== startsB[nB]) throw new RangeError('The segmentations are not of the same text')
  const groups: AlignedGroup[] = []
  let i = 0
  let j = 0
  while (i < nA || j < nB) {
    const from = Math.min(i < nA ? startsA[i] : startsA[nA], j < nB ? startsB[j] : startsB[nB])
    const a0 = i
    const b0 = j
    let endA = i < nA ? startsA[++i] : startsA[nA]
    let endB = j < nB ? startsB[++j] : startsB[nB]
    while (endA !== endB) {
      if (endA < endB) endA = startsA[++i]
      else endB = startsB[++j]
    }
    // Zero-width tokens right at the shared end belong to this group.
    while (i < nA && startsA[i + 1] === endA) i++
    while (j < nB && startsB[j + 1] === endB) j++
    groups.push({ from, to: endA, a0, a1: i, b0, b1: j, same: i - a0 === 1 && j - b0 === 1 })
  }
  return groups
}
