import { nextChunkEnd } from '../tokenizer/chunking'
import { addCounts, countText, ZERO_COUNTS, type TextCounts } from '../text/counts'
import { DocumentModel } from './documentModel'
import type { LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import { openAiTokenizer } from '../tokenizer/openai/openaiTokenizer'
import type { SpecialMode } from '../tokenizer/specialTokens'
import type { Tokenizer } from '../tokenizer/tokenizer'

/**
 * What the document functions tokenize with: a Tokenizer of any engine, or a bare OpenAI
 * encoding (the CLI and older tests hold those), wrapped on first use.
 */
export type TokenizerInput = Tokenizer | LoadedEncoding

const wrapped = new WeakMap<LoadedEncoding, Tokenizer>()

/** `input` as a Tokenizer (an OpenAI encoding is wrapped once and the wrapper kept). */
export function asTokenizer(input: TokenizerInput): Tokenizer {
  if ('tokenize' in input) return input
  let t = wrapped.get(input)
  if (!t) wrapped.set(input, (t = openAiTokenizer(input)))
  return t
}

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
export function encodeIds(text: string, input: TokenizerInput, mode: SpecialMode): number[] {
  if (text.length === 0) return []
  const tokenizer = asTokenizer(input)
  if (mode === 'text') return tokenizer.encodeOrdinary(text)
  return Array.from(tokenizer.tokenize(text, mode).ids)
}

/**
 * Tokenizes text[start, end) with spans and counts (see encodeIds for `mode`). The spans are
 * the tokenizer's own (Tokenizer.tokenize: offsets in the original text, mapped through any
 * normalizer), so they tile the chunk whatever the engine.
 */
export function tokenizeChunk(text: string, start: number, end: number, input: TokenizerInput, mode: SpecialMode): ChunkTokens {
  const piece = start === 0 && end === text.length ? text : text.slice(start, end)
  const { ids, starts, flags } = asTokenizer(input).tokenize(piece, mode)
  return { ids, starts, flags, counts: countText(piece) }
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
  /** Drops everything (e.g. when the tokenizer changes). */
  clear(): void {
    this.map.clear()
    this.chars = 0
  }
}

/**
 * Tokenizes a whole document synchronously, chunk by chunk as the worker does (same cuts,
 * same cache), and joins the result. Used by tests and benchmarks; the app streams chunks.
 */
export function tokenizeAll(text: string, input: TokenizerInput, mode: SpecialMode, cache = new ChunkCache()): TokenizeResult {
  const tokenizer = asTokenizer(input)
  const model = new DocumentModel(CHUNK_CHARS, tokenizer.chunkCuts)
  model.reset(text)
  const chunks: ChunkTokens[] = []
  const offsets: number[] = []
  for (const { start, end } of model.chunks) {
    const key = mode + '\u0000' + text.slice(start, end)
    let chunk = cache.get(key)
    if (!chunk) {
      chunk = tokenizeChunk(text, start, end, tokenizer, mode)
      cache.set(key, chunk)
    }
    chunks.push(chunk)
    offsets.push(start)
  }
  return concatChunks(chunks, offsets, text.length)
}

/** Counts the tokens of `text` with one tokenizer (chunk by chunk at its cuts, as the editor does, without spans). */
export function countTokens(text: string, input: TokenizerInput, mode: SpecialMode): number {
  const tokenizer = asTokenizer(input)
  let count = 0
  for (let pos = 0; pos < text.length; ) {
    const end = nextChunkEnd(text, pos, CHUNK_CHARS, tokenizer.chunkCuts)
    count += encodeIds(text.slice(pos, end), tokenizer, mode).length
    pos = end
  }
  return count
}
