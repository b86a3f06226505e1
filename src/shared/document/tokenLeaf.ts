import { addCounts, ZERO_COUNTS, type TextCounts } from '../text/counts'
import { lastIndexAtMost } from '../text/binarySearch'
import type { ChunkTokens } from './tokenize'

/** One chunk as the UI holds it: its place in the text and its tokens, or null while pending. */
export interface IndexedChunk {
  readonly start: number
  readonly end: number
  readonly tokens: ChunkTokens | null
}

/** Chunks per leaf at most: a splice copies one or two leaves of this size plus the list of leaves. */
export const LEAF_CHUNKS = 64

/** `a` minus `b`. */
export function subtractCounts(a: TextCounts, b: TextCounts): TextCounts {
  return addCounts(a, { characters: -b.characters, words: -b.words, bytes: -b.bytes, newlines: -b.newlines })
}

/**
 * An immutable run of consecutive chunks, positions relative to the leaf's own start, so a
 * leaf after an edit is shared unchanged by the next TokenIndex (its absolute place lives in
 * the index's list of leaves). Sums over its chunks are computed once, prefix sums on first use.
 */
export class TokenLeaf {
  readonly chars: number
  readonly tokenCount: number
  readonly pending: number
  readonly counts: TextCounts
  private tokenPrefixCache: Float64Array | null = null

  /** @param chunks relative to the leaf start (the first starts at 0), tiling it */
  constructor(readonly chunks: readonly IndexedChunk[]) {
    let tokens = 0
    let pending = 0
    let counts = ZERO_COUNTS
    for (const c of chunks) {
      if (c.tokens) {
        tokens += c.tokens.ids.length
        counts = addCounts(counts, c.tokens.counts)
      } else pending++
    }
    this.chars = chunks.length === 0 ? 0 : chunks[chunks.length - 1].end
    this.tokenCount = tokens
    this.pending = pending
    this.counts = counts
  }

  /** Tokens before each chunk (length chunks + 1); pending chunks count as empty. */
  get tokenPrefix(): Float64Array {
    if (!this.tokenPrefixCache) {
      const p = new Float64Array(this.chunks.length + 1)
      this.chunks.forEach((c, k) => (p[k + 1] = p[k] + (c.tokens?.ids.length ?? 0)))
      this.tokenPrefixCache = p
    }
    return this.tokenPrefixCache
  }

  /** The chunk holding relative position `pos` (the last one past the end). */
  chunkAt(pos: number): number {
    return Math.max(0, lastIndexAtMost(this.chunks.length, (k) => this.chunks[k].start, pos))
  }

  /** Tokens before the first pending chunk (all of them when none is pending). */
  tokensBeforePending(): number {
    const k = this.chunks.findIndex((c) => !c.tokens)
    return k < 0 ? this.tokenCount : this.tokenPrefix[k]
  }
}

/** Absolute chunks cut into leaves of at most LEAF_CHUNKS (evenly, so none is tiny). */
export function leavesOf(chunks: readonly IndexedChunk[]): TokenLeaf[] {
  if (chunks.length === 0) return []
  const n = Math.ceil(chunks.length / LEAF_CHUNKS)
  const size = Math.ceil(chunks.length / n)
  const out: TokenLeaf[] = []
  for (let i = 0; i < chunks.length; i += size) {
    const part = chunks.slice(i, i + size)
    const base = part[0].start
    out.push(new TokenLeaf(part.map((c) => ({ start: c.start - base, end: c.end - base, tokens: c.tokens }))))
  }
  return out
}
