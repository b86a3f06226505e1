/**
 * Byte-pair merging in O(n log n). gpt-tokenizer's merge (like tiktoken's reference one)
 * scans every pair for the lowest rank at every step, so one regex piece of n bytes costs
 * O(n²): a long line of letters (a DNA sequence, a run of spaces) took seconds to minutes.
 * This gives the same tokens: the lowest-ranked adjacent
 * pair merges first, the leftmost among equals.
 */

/** The rank of a byte sequence in the vocabulary, or undefined when it is not a token. */
export type RankOf = (bytes: Uint8Array) => number | undefined

/** A binary min-heap of candidate merges ordered by (rank, start), stored in two parallel arrays. */
class MergeHeap {
  private ranks: number[] = []
  private starts: number[] = []

  get size(): number {
    return this.ranks.length
  }

  push(rank: number, start: number): void {
    const { ranks, starts } = this
    let i = ranks.length
    ranks.push(rank)
    starts.push(start)
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.less(i, parent)) break
      this.swap(i, parent)
      i = parent
    }
  }

  /** Removes the smallest entry; returns [rank, start]. */
  pop(): [number, number] {
    const { ranks, starts } = this
    const top: [number, number] = [ranks[0], starts[0]]
    const lastRank = ranks.pop()!
    const lastStart = starts.pop()!
    if (ranks.length > 0) {
      ranks[0] = lastRank
      starts[0] = lastStart
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < ranks.length && this.less(l, m)) m = l
        if (r < ranks.length && this.less(r, m)) m = r
        if (m === i) break
        this.swap(i, m)
        i = m
      }
    }
    return top
  }

  private less(a: number, b: number): boolean {
    return this.ranks[a] < this.ranks[b] || (this.ranks[a] === this.ranks[b] && this.starts[a] < this.starts[b])
  }

  private swap(a: number, b: number): void {
    const { ranks, starts } = this
    ;[ranks[a], ranks[b]] = [ranks[b], ranks[a]]
    ;[starts[a], starts[b]] = [starts[b], starts[a]]
  }
}

/**
 * Merges the bytes of one piece into token ranks. Parts are a linked list keyed by their
 * start byte; each part's pair rank (with the part after it) sits in the heap, and entries
 * made stale by a merge are skipped when they come up.
 */
export function bytePairMergeFast(piece: Uint8Array, rankOf: RankOf): number[] {
  return bytePairMergeRanges(piece.length, (start, end) => rankOf(piece.subarray(start, end)))
}

/**
 * bytePairMergeFast over a piece of `n` bytes known only through `rankOfRange(start, end)`,
 * the rank of bytes [start, end) or undefined when they are not a token.
 */
export function bytePairMergeRanges(n: number, rankOfRange: (start: number, end: number) => number | undefined): number[] {
  if (n === 0) return []
  // next[s]: start of the part after the part starting at s (n for the last); prev likewise.
  const next = new Int32Array(n + 1)
  const prev = new Int32Array(n + 1)
  // pairRank[s]: rank of the part at s joined with the next part (Infinity: none).
  const pairRank = new Float64Array(n + 1)
  const alive = new Uint8Array(n + 1)
  const heap = new MergeHeap()
  const rankOfPair = (s: number): number => {
    const after = next[s]
    if (after >= n) return Infinity
    return rankOfRange(s, next[after]) ?? Infinity
  }
  for (let s = 0; s <= n; s++) {
    next[s] = s + 1
    prev[s] = s - 1
    alive[s] = 1
  }
  for (let s = 0; s < n; s++) {
    pairRank[s] = rankOfPair(s)
    if (pairRank[s] !== Infinity) heap.push(pairRank[s], s)
  }
  while (heap.size > 0) {
    const [rank, s] = heap.pop()
    if (!alive[s] || pairRank[s] !== rank) continue // stale
    // Merge the part at s with the next one.
    const gone = next[s]
    alive[gone] = 0
    next[s] = next[gone]
    if (next[s] <= n) prev[next[s]] = s
    pairRank[s] = rankOfPair(s)
    if (pairRank[s] !== Infinity) heap.push(pairRank[s], s)
    const before = prev[s]
    if (before >= 0) {
      pairRank[before] = rankOfPair(before)
      if (pairRank[before] !== Infinity) heap.push(pairRank[before], before)
    }
  }
  const out: number[] = []
  for (let s = 0; s < n; s = next[s]) {
    const rank = rankOfRange(s, next[s])
    if (rank === undefined) throw new Error(`No token for bytes ${s} to ${next[s]} of the piece`)
    out.push(rank)
  }
  return out
}

/** Pieces longer than this many bytes use the heap merge; shorter ones the simple quadratic merge, faster for them. */
export const LONG_PIECE_BYTES = 256
