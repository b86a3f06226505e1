/**
 * Hugging Face's BPE merge (tokenizers' `Word::merge_all`): a word starts as symbol ids and
 * the adjacent pair with the lowest merge rank is joined first, the leftmost among equals,
 * until no adjacent pair has a merge. Unlike tiktoken's rank table, only listed merges join:
 * two parts whose concatenation is a token but not a listed merge of those two parts stay apart.
 */
export class PairMerges {
  /**
   * Rank of each merge, by its pair, in an open-addressing hash table of typed arrays (slot
   * left id, -1 when empty; right id; rank): sized once, so filling it never stops to rehash
   * (the page fills it in short slices), and lookups read no boxed numbers.
   */
  private readonly slotLeft: Int32Array
  private readonly slotRight: Int32Array
  private readonly slotRank: Int32Array
  private readonly mask: number
  /** Id of the token each merge (by rank) produces. */
  private readonly resultOf: Int32Array
  /** The merges as [left, right, result] id triples, in rank order (dropped once in the table). */
  private triples: Int32Array

  /**
   * @param pairs the merges in rank order, as [left id, right id, result id] (or those ids
   *   flat in one array)
   * @param _idLimit one more than the largest id (unused since the table is hashed; kept for callers)
   * @param deferred when true, the table is filled by `fillInSteps`, which must run to its
   *   end before the first merge (building in slices)
   */
  constructor(pairs: readonly (readonly [number, number, number])[] | Int32Array, _idLimit: number, deferred = false) {
    this.triples = pairs instanceof Int32Array ? pairs : Int32Array.from(pairs.flat())
    const count = this.triples.length / 3
    this.resultOf = new Int32Array(count)
    // At most three quarters full.
    let capacity = 16
    while (capacity * 3 < count * 4) capacity *= 2
    this.mask = capacity - 1
    this.slotLeft = new Int32Array(capacity).fill(-1)
    this.slotRight = new Int32Array(capacity)
    this.slotRank = new Int32Array(capacity)
    if (!deferred) for (const _ of this.fillInSteps()) continue
  }

  /** Fills the rank table, yielding every thousand merges. */
  *fillInSteps(): Generator<void, void, void> {
    const t = this.triples
    for (let rank = 0; rank < this.resultOf.length; rank++) {
      const left = t[3 * rank]
      const right = t[3 * rank + 1]
      // A repeated pair keeps its last rank, as the Rust map built from the list does.
      const slot = this.slotOf(left, right)
      this.slotLeft[slot] = left
      this.slotRight[slot] = right
      this.slotRank[slot] = rank
      this.resultOf[rank] = t[3 * rank + 2]
      if ((rank & 1023) === 1023) yield
    }
    // They may be a view on a whole compact file: let it go.
    this.triples = new Int32Array(0)
  }

  /** Number of merges. */
  get size(): number {
    return this.resultOf.length
  }

  /** The slot of the pair (left, right), or of the empty slot where it would go. */
  private slotOf(left: number, right: number): number {
    let h = Math.imul(left ^ Math.imul(right, 0x9e3779b1), 0x85ebca6b)
    h = (h ^ (h >>> 15)) & this.mask
    const lefts = this.slotLeft
    while (lefts[h] !== -1 && (lefts[h] !== left || this.slotRight[h] !== right)) h = (h + 1) & this.mask
    return h
  }

  /**
   * The merges `merge` applies to `symbols`, in its order (lowest rank first, the leftmost
   * among equals): each as the left part's index among the parts before it, the rank and the
   * id made. Quadratic, like mergeShort (the order the heap of mergeLong also follows).
   */
  traceMerge(symbols: readonly number[]): { left: number; rank: number; id: number }[] {
    const ids = symbols.slice()
    const steps: { left: number; rank: number; id: number }[] = []
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
      if (best < 0) return steps
      steps.push({ left: best, rank: bestRank, id: this.resultOf[bestRank] })
      ids.splice(best, 2, this.resultOf[bestRank])
    }
  }

  /** Merges `symbols` in place of a copy and returns the resulting ids. */
  merge(symbols: readonly number[]): number[] {
    const n = symbols.length
    if (n < 2) return symbols.slice()
    if (n <= 24) return this.mergeShort(symbols)
    return this.mergeLong(symbols)
  }

  private rank(left: number, right: number): number {
    const slot = this.slotOf(left, right)
    return this.slotLeft[slot] === -1 ? -1 : this.slotRank[slot]
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
