import { addCounts, ZERO_COUNTS, type TextCounts } from '../text/counts'
import { lastIndexAtMost } from '../text/binarySearch'
import { tokenAt } from '../tokenizer/tokenSpans'
import type { ChunkTokens } from './tokenize'
import type { TokenView } from './tokenView'
import { leavesOf, TokenLeaf, LEAF_CHUNKS, type IndexedChunk } from './tokenLeaf'
import { clampSplice, spliceChunks, type Splice } from './chunkSplice'

export type { IndexedChunk } from './tokenLeaf'

/** A change to the chunk list (see ChunkSplice), with tokens for chunks already encoded. */
export interface TokenSplice extends Splice<IndexedChunk> {
  insert: IndexedChunk[]
}

/** `c` moved by `shift` characters (a new value: chunks are shared between indexes). */
function moved(c: IndexedChunk, shift: number): IndexedChunk {
  return { start: c.start + shift, end: c.end + shift, tokens: c.tokens }
}

/**
 * The whole document's tokens as an immutable value: a list of chunks, each with its own
 * typed arrays, grouped into leaves of at most LEAF_CHUNKS chunks whose positions are
 * relative to the leaf (the model is CodeMirror's RangeSet). applySplice and fill return a
 * new index that shares every untouched leaf with this one, so whoever holds this index
 * keeps seeing exactly its tokens. A splice copies the leaves it touches and the list of
 * leaves (about n / LEAF_CHUNKS entries), never the chunks or tokens elsewhere, and later
 * chunks move by the leaves' sums, not by rewriting their positions. Implements TokenView
 * with global token indexes (chunks still pending count as empty until filled).
 */
export class TokenIndex implements TokenView {
  private readonly leaves: readonly TokenLeaf[]
  /** Chunks, characters and tokens before each leaf (length leaves + 1). */
  private readonly chunkPrefix: Float64Array
  private readonly charPrefix: Float64Array
  private readonly tokenPrefix: Float64Array
  private readonly pendingCount: number
  private readonly totals: TextCounts
  // Caches, invisible from outside: the value never changes.
  private listCache: IndexedChunk[] | null = null
  private exactCache = -1
  private lastLeaf = 0
  private lastChunk = 0

  /** An empty index, or (internally) one over `leaves`. */
  constructor(leaves: readonly TokenLeaf[] = []) {
    this.leaves = leaves
    const n = leaves.length
    this.chunkPrefix = new Float64Array(n + 1)
    this.charPrefix = new Float64Array(n + 1)
    this.tokenPrefix = new Float64Array(n + 1)
    let pending = 0
    let totals = ZERO_COUNTS
    leaves.forEach((leaf, j) => {
      this.chunkPrefix[j + 1] = this.chunkPrefix[j] + leaf.chunks.length
      this.charPrefix[j + 1] = this.charPrefix[j] + leaf.chars
      this.tokenPrefix[j + 1] = this.tokenPrefix[j] + leaf.tokenCount
      pending += leaf.pending
      totals = addCounts(totals, leaf.counts)
    })
    this.pendingCount = pending
    this.totals = totals
  }

  /**
   * The index after a splice from the tokenizer (this one is unchanged). Like Array.splice,
   * it removes at most the chunks there are: a new encoding's first splice replaces the old
   * chunk list and is applied to a new, empty index.
   */
  applySplice(s: TokenSplice): TokenIndex {
    const n = this.chunkCount
    s = clampSplice(s, n)
    const leaves = this.leaves
    if (leaves.length === 0) return new TokenIndex(leavesOf(s.insert))
    // Leaves a..b hold the replaced chunks (or the insertion point); they are rebuilt from
    // their chunks with the splice applied to them (the same splice as the document model's).
    let a = this.leafOfChunk(Math.min(s.from, n - 1))
    let b = s.remove > 0 ? this.leafOfChunk(s.from + s.remove - 1) : a
    const window: IndexedChunk[] = []
    for (let j = a; j <= b; j++) this.absoluteChunks(j, this.chunkPrefix[j], this.chunkPrefix[j + 1], 0, window)
    const collected = spliceChunks(window, { ...s, from: s.from - this.chunkPrefix[a] }, moved)
    // Keep leaves from shrinking to a few chunks after many deletions: take a neighbour in.
    if (collected.length < LEAF_CHUNKS / 4 && b + 1 < leaves.length) {
      b++
      this.absoluteChunks(b, this.chunkPrefix[b], this.chunkPrefix[b + 1], s.shift, collected)
    } else if (collected.length < LEAF_CHUNKS / 4 && a > 0) {
      a--
      const before: IndexedChunk[] = []
      this.absoluteChunks(a, this.chunkPrefix[a], this.chunkPrefix[a + 1], 0, before)
      collected.unshift(...before)
    }
    return new TokenIndex([...leaves.slice(0, a), ...leavesOf(collected), ...leaves.slice(b + 1)])
  }

  /** The index with the tokens of pending chunk k supplied (this one is unchanged). */
  fill(k: number, tokens: ChunkTokens): TokenIndex {
    if (!(k >= 0 && k < this.chunkCount)) throw new RangeError(`No chunk ${k}`)
    const j = this.leafOfChunk(k)
    const chunks = this.leaves[j].chunks.slice()
    const local = k - this.chunkPrefix[j]
    chunks[local] = { start: chunks[local].start, end: chunks[local].end, tokens }
    const leaves = this.leaves.slice()
    leaves[j] = new TokenLeaf(chunks)
    return new TokenIndex(leaves)
  }

  /** Chunks still waiting for tokens. */
  get pending(): number {
    return this.pendingCount
  }

  /** Number of chunks. */
  get chunkCount(): number {
    return this.chunkPrefix[this.leaves.length]
  }

  /** Chunk k, with its place in the text. */
  chunk(k: number): IndexedChunk {
    const j = this.leafOfChunk(k)
    const c = this.leaves[j].chunks[k - this.chunkPrefix[j]]
    const base = this.charPrefix[j]
    return { start: base + c.start, end: base + c.end, tokens: c.tokens }
  }

  /** All chunks in order (built on first use: O(chunks)). */
  get chunkList(): readonly IndexedChunk[] {
    if (!this.listCache) {
      const out: IndexedChunk[] = []
      for (let j = 0; j < this.leaves.length; j++) this.absoluteChunks(j, this.chunkPrefix[j], this.chunkPrefix[j + 1], 0, out)
      this.listCache = out
    }
    return this.listCache
  }

  /** Text counts summed over chunks with tokens (exact once nothing is pending). */
  get counts(): TextCounts {
    return this.totals
  }

  get count(): number {
    return this.tokenPrefix[this.leaves.length]
  }

  get exactCount(): number {
    if (this.exactCache < 0) {
      const j = this.leaves.findIndex((leaf) => leaf.pending > 0)
      this.exactCache = j < 0 ? this.count : this.tokenPrefix[j] + this.leaves[j].tokensBeforePending()
    }
    return this.exactCache
  }

  id(i: number): number {
    const { c, local } = this.locate(i)
    return c.tokens!.ids[local]
  }
  start(i: number): number {
    const { c, base, local } = this.locate(i)
    return base + c.start + c.tokens!.starts[local]
  }
  end(i: number): number {
    const { c, base, local } = this.locate(i)
    return base + c.start + c.tokens!.starts[local + 1]
  }
  flags(i: number): number {
    const { c, local } = this.locate(i)
    return c.tokens!.flags[local]
  }

  /** Index of the chunk containing text position pos (the last one at the end; 0 when there are none). */
  chunkAt(pos: number): number {
    const n = this.leaves.length
    if (n === 0) return 0
    const j = Math.max(0, lastIndexAtMost(n, (x) => this.charPrefix[x], pos))
    return this.chunkPrefix[j] + this.leaves[j].chunkAt(pos - this.charPrefix[j])
  }

  indexAt(pos: number): number {
    if (this.chunkCount === 0) return -1
    for (let k = this.chunkAt(pos); k >= 0; k--) {
      const c = this.chunk(k)
      if (!c.tokens || c.tokens.ids.length === 0) {
        if (k === 0) return this.count > 0 ? 0 : -1
        continue
      }
      return this.tokensBeforeChunk(k) + tokenAt(c.tokens.starts, c.tokens.ids.length, Math.max(0, pos - c.start))
    }
    return -1
  }

  /** All token ids in order (for copying), pending chunks left out. */
  allIds(): Uint32Array {
    const out = new Uint32Array(this.count)
    let at = 0
    for (const leaf of this.leaves) {
      for (const c of leaf.chunks) {
        if (!c.tokens) continue
        out.set(c.tokens.ids, at)
        at += c.tokens.ids.length
      }
    }
    return out
  }

  private leafOfChunk(k: number): number {
    return Math.max(0, lastIndexAtMost(this.leaves.length, (j) => this.chunkPrefix[j], k))
  }

  private tokensBeforeChunk(k: number): number {
    const j = this.leafOfChunk(k)
    return this.tokenPrefix[j] + this.leaves[j].tokenPrefix[k - this.chunkPrefix[j]]
  }

  /** Appends chunks [from, to) (global indexes, all in leaf j) with absolute positions moved by `shift`. */
  private absoluteChunks(j: number, from: number, to: number, shift: number, out: IndexedChunk[]): void {
    const leaf = this.leaves[j]
    const base = this.charPrefix[j] + shift
    for (let k = from - this.chunkPrefix[j]; k < to - this.chunkPrefix[j]; k++) {
      const c = leaf.chunks[k]
      out.push({ start: base + c.start, end: base + c.end, tokens: c.tokens })
    }
  }

  /** The chunk holding global token i, and i's index inside it. */
  private locate(i: number): { c: IndexedChunk; base: number; local: number } {
    if (!(i >= 0 && i < this.count)) throw new RangeError(`No token ${i}`)
    // Sequential reads (drawing a screenful) hit the chunk of the last lookup.
    let j = this.lastLeaf
    let m = this.lastChunk
    let leaf = this.leaves[j]
    let inLeaf = i - this.tokenPrefix[j]
    if (!leaf || inLeaf < 0 || inLeaf >= leaf.tokenCount || !(leaf.tokenPrefix[m] <= inLeaf && inLeaf < leaf.tokenPrefix[m + 1])) {
      j = lastIndexAtMost(this.leaves.length, (x) => this.tokenPrefix[x], i)
      leaf = this.leaves[j]
      inLeaf = i - this.tokenPrefix[j]
      const p = leaf.tokenPrefix
      m = lastIndexAtMost(leaf.chunks.length, (x) => p[x], inLeaf)
      this.lastLeaf = j
      this.lastChunk = m
    }
    const c = leaf.chunks[m]
    return { c, base: this.charPrefix[j], local: inLeaf - leaf.tokenPrefix[m] }
  }
}

/**
 * Fills the chunks of `index` that are still pending with the tokens of the same chunks
 * (same place, same bounds) in `splice`, a splice already applied to it: the filled index,
 * or null when none were. A big edit tokenized partly on the UI thread takes the rest of
 * its tokens from the worker's copy of the same splice.
 */
export function fillPendingFromSplice(index: TokenIndex, splice: TokenSplice): TokenIndex | null {
  let filled = index
  splice.insert.forEach((c, k) => {
    const at = splice.from + k
    const mine = at < filled.chunkCount ? filled.chunk(at) : null
    if (c.tokens && mine && mine.tokens === null && mine.start === c.start && mine.end === c.end) filled = filled.fill(at, c.tokens)
  })
  return filled === index ? null : filled
}
