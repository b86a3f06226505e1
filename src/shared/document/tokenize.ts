import { nextChunkEnd } from '../tokenizer/chunking'
import { addCounts, countText, ZERO_COUNTS, type TextCounts } from '../text/counts'
import { DocumentModel } from './documentModel'
import type { LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import { splitOnSpecialTokens, type SpecialMode } from '../tokenizer/specialTokens'
import { FLAG_SPECIAL, spansFromIds } from '../tokenizer/tokenSpans'
import { utf8ByteLength } from '../text/utf8'

/** Tokens of a whole document in typed arrays: 4 + 4 + 1 bytes per token. */
export interface TokenTable {
  /** Token ids in order. */
  ids: Uint32Array
  /** UTF-16 start of each token, plus the text length at index `ids.length`. */
  starts: Uint32Array
  /** FLAG_PARTIAL / FLAG_SPECIAL bits per token. */
  flags: Uint8Array
}

/** One chunk's tokens, relative to the chunk start; cached by the chunk's text. */
export interface ChunkTokens extends TokenTable {
  counts: TextCounts
}

/** Result of tokenizing a document. */
export interface TokenizeResult {
  table: TokenTable
  counts: TextCounts
}

/** Target chunk size in UTF-16 units: small enough that an edit re-encodes little. */
export const CHUNK_CHARS = 4096

/** About a screenful of text in characters: what counts as on screen before the editor has laid out a big change. */
export const SCREEN_CHARS = 8 * 1024

/**
 * Token ids of `text`: special-token strings as ordinary text, or (mode 'special') each
 * one as its single id wherever it stands, with the pieces between encoded as text.
 */
export function encodeIds(text: string, encoding: LoadedEncoding, mode: SpecialMode): number[] {
  if (text.length === 0) return []
  if (mode === 'text') return encoding.encodeOrdinary(text)
  const ids: number[] = []
  for (const seg of splitOnSpecialTokens(text, encoding.specialTokens)) {
    if (seg.specialId !== undefined) ids.push(seg.specialId)
    else if (seg.end > seg.start) for (const id of encoding.encodeOrdinary(text.slice(seg.start, seg.end))) ids.push(id)
  }
  return ids
}

/** Tokenizes text[start, end) with spans and counts (see encodeIds for `mode`). */
export function tokenizeChunk(
  text: string,
  start: number,
  end: number,
  encoding: LoadedEncoding,
  mode: SpecialMode,
): ChunkTokens {
  const piece = start === 0 && end === text.length ? text : text.slice(start, end)
  if (mode === 'special') return tokenizeWithSpecials(piece, encoding)
  const idArray = Uint32Array.from(encodeIds(piece, encoding, mode))
  const { starts, flags } = spansFromIds(piece, idArray, encoding.byteLength)
  return { ids: idArray, starts, flags, counts: countText(piece) }
}

/**
 * tokenizeChunk in mode 'special': a special token spans the text it was found as (one id
 * can have two names: o200k_harmony's 200018 is `<|endofprompt|>` and `<|reserved_200018|>`).
 */
function tokenizeWithSpecials(piece: string, encoding: LoadedEncoding): ChunkTokens {
  const ids: number[] = []
  const lengths: number[] = []
  const special: boolean[] = []
  for (const seg of splitOnSpecialTokens(piece, encoding.specialTokens)) {
    if (seg.specialId !== undefined) {
      ids.push(seg.specialId)
      lengths.push(utf8ByteLength(piece.slice(seg.start, seg.end)))
      special.push(true)
    } else if (seg.end > seg.start) {
      for (const id of encoding.encodeOrdinary(piece.slice(seg.start, seg.end))) {
        ids.push(id)
        lengths.push(encoding.byteLength(id))
        special.push(false)
      }
    }
  }
  // Spans by token index, so each token's length is its own, not its id's.
  const indexes = Uint32Array.from(ids, (_, i) => i)
  const { starts, flags } = spansFromIds(piece, indexes, (i) => lengths[i])
  for (let i = 0; i < ids.length; i++) if (special[i]) flags[i] |= FLAG_SPECIAL
  return { ids: Uint32Array.from(ids), starts, flags, counts: countText(piece) }
}

/** Joins chunk tables (in text order) into one document table. */
export function concatChunks(chunks: readonly ChunkTokens[], offsets: readonly number[], textLength: number): TokenizeResult {
  let n = 0
  for (const c of chunks) n += c.ids.length
  const ids = new Uint32Array(n)
  const starts = new Uint32Array(n + 1)
  const flags = new Uint8Array(n)
  let counts = ZERO_COUNTS
  let at = 0
  chunks.forEach((c, k) => {
    const count = c.ids.length
    ids.set(c.ids, at)
    flags.set(c.flags, at)
    const base = offsets[k]
    for (let i = 0; i < count; i++) starts[at + i] = c.starts[i] + base
    at += count
    counts = addCounts(counts, c.counts)
  })
  starts[n] = textLength
  return { table: { ids, starts, flags }, counts }
}

/** A bounded cache of chunk tokens keyed by mode and chunk text. */
export class ChunkCache {
  private map = new Map<string, ChunkTokens>()
  private chars = 0
  /** @param maxChars total chunk text kept before the oldest entries are dropped */
  constructor(private readonly maxChars = 64 * 1024 * 1024) {}
  /** The cached tokens for `key`, marking it recently used. */
  get(key: string): ChunkTokens | undefined {
    const hit = this.map.get(key)
    if (hit) {
      this.map.delete(key)
      this.map.set(key, hit)
    }
    return hit
  }
  /** Stores tokens for `key`, evicting the least recently used entries over the budget. */
  set(key: string, value: ChunkTokens): void {
    if (this.map.has(key)) return
    this.map.set(key, value)
    this.chars += key.length
    for (const [k] of this.map) {
      if (this.chars <= this.maxChars) break
      this.map.delete(k)
      this.chars -= k.length
    }
  }
  /** Drops everything (e.g. when the encoding changes). */
  clear(): void {
    this.map.clear()
    this.chars = 0
  }
}

/**
 * Tokenizes a whole document synchronously, chunk by chunk as the worker does (same cuts,
 * same cache), and joins the result. Used by tests and benchmarks; the app streams chunks.
 */
export function tokenizeAll(text: string, encoding: LoadedEncoding, mode: SpecialMode, cache = new ChunkCache()): TokenizeResult {
  const model = new DocumentModel(CHUNK_CHARS)
  model.reset(text)
  const chunks: ChunkTokens[] = []
  const offsets: number[] = []
  for (const { start, end } of model.chunks) {
    const key = mode + '\u0000' + text.slice(start, end)
    let chunk = cache.get(key)
    if (!chunk) {
      chunk = tokenizeChunk(text, start, end, encoding, mode)
      cache.set(key, chunk)
    }
    chunks.push(chunk)
    offsets.push(start)
  }
  return concatChunks(chunks, offsets, text.length)
}

/** Counts the tokens of `text` in one encoding (chunk by chunk, as the editor does, without spans). */
export function countTokens(text: string, encoding: LoadedEncoding, mode: SpecialMode): number {
  let count = 0
  for (let pos = 0; pos < text.length; ) {
    const end = nextChunkEnd(text, pos, CHUNK_CHARS)
    count += encodeIds(text.slice(pos, end), encoding, mode).length
    pos = end
  }
  return count
}
