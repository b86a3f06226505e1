/**
 * An n-gram model of a token sequence: what follows a context, counted in the sequence itself.
 * It is not a language model; it only repeats what the text already holds, which is how a
 * model "learns the probability that a token occurs in a context" from examples, in miniature.
 *
 * The index: every position p (0 ≤ p < n, the token at p being a "next" token) sorted by the
 * tokens before it read backwards (ids[p-1], ids[p-2], …, up to `maxContext`). Positions that
 * share their last k context tokens then form one run, for every k ≤ maxContext, so a query
 * is two binary searches and a count over the run. Built with a stable counting sort per
 * context slot (least significant first): O(maxContext × (n + vocabulary)), with progress after
 * each pass. Missing tokens before the start of the text sort first and match nothing.
 */

/** Longest context the lab offers (tokens before the caret). */
export const MAX_CONTEXT = 4

/** The counted continuations of a context. */
export interface Continuations {
  /** How many context tokens were matched (may be fewer than asked: backed off to a context the text has). */
  contextLength: number
  /** How many times that context occurs with a token after it. */
  total: number
  /** Next token ids with their counts, most frequent first (ties by id). */
  next: { id: number; count: number }[]
  /** Set when the list was cut to its most frequent entries: how many tokens, and how many occurrences, were left out. */
  omitted?: { tokens: number; count: number }
}

/** The continuations cut to the `max` most frequent, saying what was left out. */
export function mostFrequent(c: Continuations, max: number): Continuations {
  if (c.next.length <= max) return c
  const rest = c.next.slice(max)
  return { ...c, next: c.next.slice(0, max), omitted: { tokens: rest.length, count: rest.reduce((a, n) => a + n.count, 0) } }
}

/** An n-gram index over a token sequence. */
export class NgramModel {
  readonly ids: Uint32Array
  readonly maxContext: number
  /** Positions 0..n-1 sorted by their reversed context. */
  private readonly order: Uint32Array
  /** Unigram counts, for a context of length 0. */
  private readonly unigrams: { id: number; count: number }[]

  /** Builds the index; `progress(done, total)` is called after each sorting pass. */
  constructor(ids: Uint32Array, maxContext = MAX_CONTEXT, progress?: (done: number, total: number) => void) {
    if (!Number.isInteger(maxContext) || maxContext < 0 || maxContext > 16) throw new RangeError(`Context length must be 0 to 16, not ${maxContext}.`)
    this.ids = ids
    this.maxContext = maxContext
    const n = ids.length
    let maxId = 0
    for (let i = 0; i < n; i++) if (ids[i] > maxId) maxId = ids[i]
    // Key of position p at slot j (1 = the token just before p): ids[p-j] + 1, or 0 before the start.
    const buckets = new Uint32Array(maxId + 3)
    let order = new Uint32Array(n)
    let next = new Uint32Array(n)
    for (let p = 0; p < n; p++) order[p] = p
    for (let j = maxContext; j >= 1; j--) {
      buckets.fill(0)
      for (let p = 0; p < n; p++) buckets[(p >= j ? ids[p - j] + 1 : 0) + 1]++
      for (let b = 1; b < buckets.length; b++) buckets[b] += buckets[b - 1]
      for (let r = 0; r < n; r++) {
        const p = order[r]
        next[buckets[p >= j ? ids[p - j] + 1 : 0]++] = p
      }
      ;[order, next] = [next, order]
      progress?.(maxContext - j + 1, maxContext)
    }
    this.order = order
    const counts = new Map<number, number>()
    for (let p = 0; p < n; p++) counts.set(ids[p], (counts.get(ids[p]) ?? 0) + 1)
    this.unigrams = sortCounts(counts)
  }

  /**
   * What follows `context` (token ids, the last one just before the next token) in the text,
   * using at most `maxContext` of its last tokens and backing off to shorter ones until the
   * text has the context with a token after it (down to none: how often each token occurs).
   */
  continuations(context: ArrayLike<number>, wanted = this.maxContext): Continuations {
    const c = Array.from(context).slice(Math.max(0, context.length - Math.min(wanted, this.maxContext)))
    for (let k = c.length; k > 0; k--) {
      const key = c.slice(c.length - k)
      const from = this.bound(key, false)
      const to = this.bound(key, true)
      if (to > from) {
        const counts = new Map<number, number>()
        for (let r = from; r < to; r++) {
          const id = this.ids[this.order[r]]
          counts.set(id, (counts.get(id) ?? 0) + 1)
        }
        return { contextLength: k, total: to - from, next: sortCounts(counts) }
      }
    }
    return { contextLength: 0, total: this.ids.length, next: this.unigrams }
  }

  /** The first rank whose context is ≥ key (upper: > key), comparing the last key.length tokens. */
  private bound(key: number[], upper: boolean): number {
    let lo = 0
    let hi = this.order.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const cmp = this.compare(this.order[mid], key)
      if (cmp < 0 || (upper && cmp === 0)) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** Position p's reversed context against key (key's last element first), as the sort ordered them. */
  private compare(p: number, key: number[]): number {
    for (let j = 1; j <= key.length; j++) {
      const a = p >= j ? this.ids[p - j] + 1 : 0
      const b = key[key.length - j] + 1
      if (a !== b) return a - b
    }
    return 0
  }
}

function sortCounts(counts: Map<number, number>): { id: number; count: number }[] {
  return Array.from(counts, ([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || a.id - b.id)
}
