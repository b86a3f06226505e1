import { addCounts, ZERO_COUNTS, type TextCounts } from '../text/counts'
import { indexAt } from './documentModel'
import type { ChunkTokens } from './tokenize'
import { tokenAt } from '../tokenizer/tokenSpans'
import type { TokenView } from './tokenView'

/** One chunk as the UI holds it: its place in the text and its tokens, or null while pending. */
export interface IndexedChunk {
  start: number
  end: number
  tokens: ChunkTokens | null
}

/** A change to the chunk list (see ChunkSplice), with tokens for chunks already encoded. */
export interface TokenSplice {
  from: number
  remove: number
  shift: number
  insert: IndexedChunk[]
}

/**
 * The whole document's tokens as a list of chunks, each with its own typed arrays. Edits
 * replace a few chunks and shift the rest, so a keystroke in a 10 MB document costs work
 * proportional to the number of chunks, not tokens. Implements TokenView with global
 * token indexes (chunks still pending count as empty until filled).
 */
export class TokenIndex implements TokenView {
  private chunks: IndexedChunk[] = []
  private prefix = new Float64Array(1)
  private prefixValid = true
  private totals: TextCounts = ZERO_COUNTS
  private pendingCount = 0

  /** Applies a splice from the tokenizer. */
  applySplice(s: TokenSplice): void {
    const removed = this.chunks.splice(s.from, s.remove, ...s.insert.map((c) => ({ ...c })))
    for (let k = s.from + s.insert.length; k < this.chunks.length; k++) {
      this.chunks[k].start += s.shift
      this.chunks[k].end += s.shift
    }
    for (const c of removed) this.account(c, -1)
    for (const c of s.insert) this.account(c, 1)
    this.prefixValid = false
  }

  /** Supplies the tokens of pending chunk k. */
  fill(k: number, tokens: ChunkTokens): void {
    const c = this.chunks[k]
    if (!c) throw new RangeError(`No chunk ${k}`)
    this.account(c, -1)
    c.tokens = tokens
    this.account(c, 1)
    this.prefixValid = false
  }

  private account(c: IndexedChunk, sign: 1 | -1): void {
    if (c.tokens) {
      const t = c.tokens.counts
      this.totals = addCounts(this.totals, sign === 1 ? t : { characters: -t.characters, words: -t.words, bytes: -t.bytes, newlines: -t.newlines })
    } else this.pendingCount += sign
  }

  /** Chunks still waiting for tokens. */
  get pending(): number {
    return this.pendingCount
  }

  /** Number of chunks. */
  get chunkCount(): number {
    return this.chunks.length
  }

  /** The chunk list (read-only use). */
  chunk(k: number): IndexedChunk {
    return this.chunks[k]
  }

  /** All chunks in order (read-only use). */
  get chunkList(): readonly IndexedChunk[] {
    return this.chunks
  }

  /** Text counts summed over chunks with tokens (exact once nothing is pending). */
  get counts(): TextCounts {
    return this.totals
  }

  private ensurePrefix(): Float64Array {
    if (!this.prefixValid) {
      const n = this.chunks.length
      const prefix = new Float64Array(n + 1)
      let firstPending = n
      for (let k = 0; k < n; k++) {
        const tokens = this.chunks[k].tokens
        if (!tokens && firstPending === n) firstPending = k
        prefix[k + 1] = prefix[k] + (tokens?.ids.length ?? 0)
      }
      this.prefix = prefix
      this.exact = prefix[firstPending]
      this.prefixValid = true
      this.lastChunk = 0
    }
    return this.prefix
  }

  get count(): number {
    const p = this.ensurePrefix()
    return p[p.length - 1]
  }

  private exact = 0

  get exactCount(): number {
    this.ensurePrefix()
    return this.exact
  }

  // The chunk of the last lookup: sequential reads (drawing a screenful) skip the search.
  private lastChunk = 0

  /** The chunk holding global token i, and i's index inside it. */
  private locate(i: number): { c: IndexedChunk; local: number } {
    const p = this.ensurePrefix()
    const k = this.lastChunk
    if (k + 1 < p.length && p[k] <= i && i < p[k + 1]) return { c: this.chunks[k], local: i - p[k] }
    if (k + 2 < p.length && p[k + 1] <= i && i < p[k + 2]) {
      this.lastChunk = k + 1
      return { c: this.chunks[k + 1], local: i - p[k + 1] }
    }
    let lo = 0
    let hi = this.chunks.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (p[mid] <= i) lo = mid
      else hi = mid - 1
    }
    const c = this.chunks[lo]
    const local = i - p[lo]
    if (!c || !c.tokens || local < 0 || local >= c.tokens.ids.length) throw new RangeError(`No token ${i}`)
    this.lastChunk = lo
    return { c, local }
  }

  id(i: number): number {
    const { c, local } = this.locate(i)
    return c.tokens!.ids[local]
  }
  start(i: number): number {
    const { c, local } = this.locate(i)
    return c.start + c.tokens!.starts[local]
  }
  end(i: number): number {
    const { c, local } = this.locate(i)
    return c.start + c.tokens!.starts[local + 1]
  }
  flags(i: number): number {
    const { c, local } = this.locate(i)
    return c.tokens!.flags[local]
  }

  /** Index of the chunk containing text position pos. */
  chunkAt(pos: number): number {
    return indexAt(this.chunks, pos)
  }

  indexAt(pos: number): number {
    if (this.chunks.length === 0) return -1
    const p = this.ensurePrefix()
    for (let k = this.chunkAt(pos); k >= 0; k--) {
      const c = this.chunks[k]
      if (!c.tokens || c.tokens.ids.length === 0) {
        if (k === 0) return p[0] < this.count ? 0 : -1
        continue
      }
      const local = tokenAt(c.tokens.starts, c.tokens.ids.length, Math.max(0, pos - c.start))
      return p[k] + local
    }
    return -1
  }

  /** All token ids in order (for copying), pending chunks left out. */
  allIds(): Uint32Array {
    const out = new Uint32Array(this.count)
    let at = 0
    for (const c of this.chunks) {
      if (!c.tokens) continue
      out.set(c.tokens.ids, at)
      at += c.tokens.ids.length
    }
    return out
  }
}
