/**
 * Hugging Face's BPE merge (tokenizers' `Word::merge_all`): a word starts as symbol ids and
 * the adjacent pair with the lowest merge rank is joined first, the leftmost among equals,
 * until no adjacent pair has a merge. Unlike tiktoken's rank table, only listed merges join:
 * two parts whose concatenation is a token but not a listed merge of those two parts stay apart.
 */
export class PairMerges {
  /** Rank of the merge of (left, right), keyed left * shift + right. */
  private readonly rankOf = new Map<number, number>()
  /** Id of the token each merge (by rank) produces. */
  private readonly resultOf: Int32Array
  private readonly shift: number

  /**
   * @param pairs the merges in rank order, as [left id, right id, result id]
   * @param idLimit one more than the largest id
   */
  constructor(pairs: readonly (readonly [number, number, number])[], idLimit: number) {
    this.shift = 2 ** Math.ceil(Math.log2(Math.max(2, idLimit)))
    this.resultOf = new Int32Array(pairs.length)
    pairs.forEach(([left, right, result], rank) => {
      // A repeated pair keeps its last rank, as the Rust map built from the list does.
      this.rankOf.set(left * this.shift + right, rank)
      this.resultOf[rank] = result
    })
  }

  /** Number of merges. */
  get size(): number {
    return this.resultOf.length
  }

  /** Merges `symbols` in place of a copy and returns the resulting ids. */
  merge(symbols: readonly number[]): number[] {
    const n = symbols.length
    if (n < 2) return symbols.slice()
    if (n <= 24) return this.mergeShort(symbols)
    return this.mergeLong(symbols)
  }

  private rank(left: number, right: number): number {
    return this.rankOf.get(left * this.shift + right) ?? -1
  }

  /** Rescans every adjacent pair after each merge: fastest for the short words of prose. */
  private mergeShort(symbols: readonly number[]): number[] {
    const ids = symbols.slice()
    for (;;) {
      let best = -1
      let bestRank = Infinity
      for (let i = 0; i + 1 < ids.length; i++) {
        const r = this.rank(ids[i], ids[i + 1])
        if (r >= 0 && r < bestRank) {
          bestRank = r
          best = i
        }
      }
      if (best < 0) return ids
      ids.splice(best, 2, this.resultOf[bestRank])
    }
  }

  /** A heap of (rank, position) over a linked list of symbols: O(n log n) for long words. */
  private mergeLong(symbols: readonly number[]): number[] {
    const n = symbols.length
    const id = Int32Array.from(symbols)
    const next = new Int32Array(n)
    const prev = new Int32Array(n)
    const alive = new Uint8Array(n).fill(1)
    for (let i = 0; i < n; i++) {
      next[i] = i + 1 < n ? i + 1 : -1
      prev[i] = i - 1
    }
    // Heap keys: rank * 2^32 + position (exact in a double below 2^53).
    const heap: number[] = []
    const push = (key: number) => {
      let i = heap.push(key) - 1
      while (i > 0) {
        const p = (i - 1) >> 1
        if (heap[p] <= key) break
        heap[i] = heap[p]
        i = p
      }
      heap[i] = key
    }
    const pop = (): number => {
      const top = heap[0]
      const last = heap.pop()!
      if (heap.length > 0) {
        let i = 0
        for (;;) {
          const l = 2 * i + 1
          if (l >= heap.length) break
          const c = l + 1 < heap.length && heap[l + 1] < heap[l] ? l + 1 : l
          if (heap[c] >= last) break
          heap[i] = heap[c]
          i = c
        }
        heap[i] = last
      }
      return top
    }
    const TWO32 = 2 ** 32
    const consider = (pos: number) => {
      const nx = next[pos]
      if (nx < 0) return
      const r = this.rank(id[pos], id[nx])
      if (r >= 0) push(r * TWO32 + pos)
    }
    for (let i = 0; i + 1 < n; i++) consider(i)
    while (heap.length > 0) {
      const key = pop()
      const rank = Math.floor(key / TWO32)
      const pos = key - rank * TWO32
      const nx = next[pos]
      // Stale entries: the symbol was merged away or its pair changed.
      if (!alive[pos] || nx < 0 || this.rank(id[pos], id[nx]) !== rank) continue
      id[pos] = this.resultOf[rank]
      alive[nx] = 0
      next[pos] = next[nx]
      if (next[nx] >= 0) prev[next[nx]] = pos
      if (prev[pos] >= 0) consider(prev[pos])
      consider(pos)
    }
    const out: number[] = []
    for (let i = 0; i >= 0; i = next[i]) out.push(id[i])
    return out
  }
}
