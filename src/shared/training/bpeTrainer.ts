/**
 * Byte-level BPE training in the spirit of tiktoken's _educational.py, with the bookkeeping
 * that keeps each merge cheap: pair counts are updated where a merge touches them (never
 * recounted), each pair keeps the positions where it was seen (checked when used, so stale
 * entries cost nothing to leave), and the next pair comes from a max-heap whose outdated
 * entries are skipped or re-queued when they surface.
 *
 * The rules, which tests check against a plain recount (bpeTrainer.test.ts):
 * - Token ids 0-255 are the bytes; each merge makes the next id (256, 257, ...), unless its
 *   bytes are already a token, which it then reuses (as Hugging Face's trainer does).
 * - A merge joins the most frequent adjacent pair inside a pre-token, counted over all
 *   pre-tokens with their frequencies. Ties go to the pair with the smallest left id, then the
 *   smallest right id (earliest tokens first: bytes in byte order before any merged token).
 * - A merge rewrites each pre-token from left to right, so "aaa" with (a, a) becomes [aa, a].
 * - Training stops early when no adjacent pair is left.
 */

/** One learned merge: `left` and `right` joined into token `id`, seen `count` times when chosen. */
export interface LearnedMerge {
  left: number
  right: number
  id: number
  count: number
}

/** The largest number of merges a trainer learns (ids must stay below 2^16 for the pair keys). */
export const MAX_MERGES = 50_000

const KEY = 65536

/**
 * A BPE trainer over pre-tokens (byte strings with their counts; see PreTokenCounter). Learn
 * merges in batches with `learn`, so a worker can report progress and stop between batches.
 */
export class BpeTrainer {
  /** Each token's bytes as a byte string (one UTF-16 unit per byte), by id. */
  private readonly bytesOf: string[] = []
  private readonly idOfBytes = new Map<string, number>()
  /** The merges learned so far, in order. */
  readonly merges: LearnedMerge[] = []

  // Every pre-token's symbols laid end to end; a merged-away symbol is -1, and next/prev link
  // the live symbols of one pre-token (-1 at its ends). weight: the pre-token's count.
  private readonly sym: Int32Array
  private readonly next: Int32Array
  private readonly prev: Int32Array
  private readonly weight: Float64Array
  /** Current count of each pair (key = left * 65536 + right); pairs with no occurrence are absent. */
  private readonly counts = new Map<number, number>()
  /** Positions (of the left symbol) where each pair was made; some may be stale. */
  private readonly where = new Map<number, number[]>()
  // Max-heap of (count, key), ordered by count, then by smallest key.
  private heapCount: number[] = []
  private heapKey: number[] = []
  private finished = false

  /** @param preTokens each pre-token's bytes (a byte string) and how often it occurs */
  constructor(preTokens: ReadonlyMap<string, number>) {
    for (let b = 0; b < 256; b++) {
      const s = String.fromCharCode(b)
      this.bytesOf.push(s)
      this.idOfBytes.set(s, b)
    }
    let total = 0
    for (const bytes of preTokens.keys()) total += bytes.length
    this.sym = new Int32Array(total)
    this.next = new Int32Array(total)
    this.prev = new Int32Array(total)
    this.weight = new Float64Array(total)
    let at = 0
    for (const [bytes, count] of preTokens) {
      const n = bytes.length
      for (let i = 0; i < n; i++) {
        const p = at + i
        this.sym[p] = bytes.charCodeAt(i)
        this.next[p] = i + 1 < n ? p + 1 : -1
        this.prev[p] = i > 0 ? p - 1 : -1
        this.weight[p] = count
        if (i > 0) this.add(this.sym[p - 1] * KEY + this.sym[p], count, p - 1)
      }
      at += n
    }
    for (const [key, count] of this.counts) this.heapPush(count, key)
  }

  /** True once no adjacent pair is left to merge. */
  get done(): boolean {
    return this.finished
  }

  /** The number of tokens: 256 bytes plus each merge that made a new token. */
  get vocabSize(): number {
    return this.bytesOf.length
  }

  /** Token `id`'s bytes. */
  tokenBytes(id: number): Uint8Array {
    const s = this.bytesOf[id]
    const out = new Uint8Array(s.length)
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
    return out
  }

  /** Token `id`'s bytes as a byte string (one UTF-16 unit per byte). */
  tokenByteString(id: number): string {
    return this.bytesOf[id]
  }

  /**
   * Learns up to `max` more merges (never past MAX_MERGES in all) and returns them; fewer
   * when no pair is left (then `done` is true).
   */
  learn(max: number): LearnedMerge[] {
    const out: LearnedMerge[] = []
    while (out.length < max && this.merges.length < MAX_MERGES) {
      const key = this.popBest()
      if (key < 0) {
        this.finished = true
        break
      }
      const merge = this.apply(key)
      this.merges.push(merge)
      out.push(merge)
    }
    return out
  }

  /** The key of the most frequent pair (ties: smallest key), removed from the heap; -1 when none. */
  private popBest(): number {
    const { counts } = this
    while (this.heapCount.length > 0) {
      const count = this.heapCount[0]
      const key = this.heapKey[0]
      this.heapPop()
      const now = counts.get(key) ?? 0
      if (now === count) return key
      // Fell since queued: queue it again at its count. (A rise queued a newer entry already.)
      if (now > 0 && now < count) this.heapPush(now, key)
    }
    return -1
  }

  /** Merges pair `key` everywhere, updating the neighbouring pairs' counts. */
  private apply(key: number): LearnedMerge {
    const a = Math.floor(key / KEY)
    const b = key % KEY
    const count = this.counts.get(key) ?? 0
    const bytes = this.bytesOf[a] + this.bytesOf[b]
    let z = this.idOfBytes.get(bytes)
    if (z === undefined) {
      z = this.bytesOf.length
      this.bytesOf.push(bytes)
      this.idOfBytes.set(bytes, z)
    }
    const { sym, next, prev, weight } = this
    const list = this.where.get(key) ?? []
    this.where.delete(key)
    this.counts.delete(key)
    // Left to right within each pre-token (pre-tokens are laid out in order).
    const positions = Int32Array.from(list).sort()
    const touched = new Set<number>()
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i]
      if (sym[p] !== a) continue
      const n = next[p]
      if (n < 0 || sym[n] !== b) continue
      const w = weight[p]
      const pp = prev[p]
      const nn = next[n]
      if (pp >= 0) {
        const left = sym[pp] * KEY
        if (left + a !== key) this.remove(left + a, w)
        this.add(left + z, w, pp)
        touched.add(left + z)
      }
      if (nn >= 0) {
        const right = sym[nn]
        if (b * KEY + right !== key) this.remove(b * KEY + right, w)
        this.add(z * KEY + right, w, p)
        touched.add(z * KEY + right)
      }
      sym[p] = z
      sym[n] = -1
      next[p] = nn
      if (nn >= 0) prev[nn] = p
    }
    for (const k of touched) {
      const c = this.counts.get(k)
      if (c !== undefined) this.heapPush(c, k)
    }
    return { left: a, right: b, id: z, count }
  }

  private add(key: number, w: number, position: number): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + w)
    const list = this.where.get(key)
    if (list) list.push(position)
    else this.where.set(key, [position])
  }

  private remove(key: number, w: number): void {
    const c = (this.counts.get(key) ?? 0) - w
    if (c > 0) this.counts.set(key, c)
    else {
      this.counts.delete(key)
      this.where.delete(key)
    }
  }

  private before(i: number, j: number): boolean {
    const ci = this.heapCount[i]
    const cj = this.heapCount[j]
    return ci > cj || (ci === cj && this.heapKey[i] < this.heapKey[j])
  }

  private swap(i: number, j: number): void {
    const c = this.heapCount[i]
    this.heapCount[i] = this.heapCount[j]
    this.heapCount[j] = c
    const k = this.heapKey[i]
    this.heapKey[i] = this.heapKey[j]
    this.heapKey[j] = k
  }

  private heapPush(count: number, key: number): void {
    this.heapCount.push(count)
    this.heapKey.push(key)
    let i = this.heapCount.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.before(i, parent)) break
      this.swap(i, parent)
      i = parent
    }
  }

  private heapPop(): void {
    const last = this.heapCount.length - 1
    this.swap(0, last)
    this.heapCount.pop()
    this.heapKey.pop()
    const n = this.heapCount.length
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let best = i
      if (l < n && this.before(l, best)) best = l
      if (r < n && this.before(r, best)) best = r
      if (best === i) break
      this.swap(i, best)
      i = best
    }
  }
}
