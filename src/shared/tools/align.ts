/** A stretch of text where two segmentations meet at both ends: tokens [a0, a1) of one and [b0, b1) of the other. */
export interface AlignedGroup {
  from: number
  to: number
  a0: number
  a1: number
  b0: number
  b1: number
  /**
   * True when both encodings cut this stretch the same way: one token each, or (given the
   * tokens' byte lengths) the same number of tokens holding the same bytes, as when both
   * split a character into the same byte pieces.
   */
  same: boolean
}

/**
 * Aligns two segmentations of one text by their boundaries: each group ends where both
 * have a token boundary, so groups where the two cut differently hold several tokens on
 * at least one side. `startsA`/`startsB` hold each token's start plus the text length at
 * the end (TokenTable.starts); tokens of zero width (bytes of a split character) join
 * the group they sit in. `bytesA`/`bytesB` give each token's length in UTF-8 bytes: with them,
 * a group of a split character is `same` when both sides cut its bytes alike.
 */
export function alignSegmentations(
  startsA: ArrayLike<number>,
  startsB: ArrayLike<number>,
  bytesA?: (token: number) => number,
  bytesB?: (token: number) => number,
): AlignedGroup[] {
  const sameCuts = (a0: number, a1: number, b0: number, b1: number): boolean => {
    if (a1 - a0 === 1 && b1 - b0 === 1) return true
    if (!bytesA || !bytesB || a1 - a0 !== b1 - b0) return false
    for (let k = 0; k < a1 - a0; k++) if (bytesA(a0 + k) !== bytesB(b0 + k)) return false
    return true
  }
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
    groups.push({ from, to: endA, a0, a1: i, b0, b1: j, same: sameCuts(a0, i, b0, j) })
  }
  return groups
}
