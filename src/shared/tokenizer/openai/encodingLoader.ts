import { BpeEncoder, type RawRanks } from '../bpe/bpeEncoder'
import type { PieceTrace } from '../mergeTrace'
import type { EncodingName } from './encodings'
import { openaiSpecialTokens, specialTokenNames } from './openaiSpecialTokens'
import { forEachPiece } from './splitPatterns'
import { utf8ByteLength } from '../../text/utf8'

/** An encoding as the app uses it: tiktoken's ids from gpt-tokenizer's rank table, loaded on demand. */
export interface LoadedEncoding {
  readonly name: EncodingName
  /**
   * Encodes text, treating special-token strings as ordinary text (as an API treats user
   * text): the ids tiktoken gives, for any string (lone surrogates encode as U+FFFD).
   */
  encodeOrdinary(text: string): number[]
  /** Special-token string to id for this encoding, as OpenAI defines it (tiktoken's table). */
  readonly specialTokens: ReadonlyMap<string, number>
  /** Number of ordinary (mergeable) token ids; special ids are at or above it, or absent from the table. */
  readonly ordinaryCount: number
  /** UTF-8 length of token `id`, ordinary or special (for o200k_harmony's 200018, of `<|endofprompt|>`). */
  byteLength(id: number): number
  /** The exact bytes of token `id` (never decoded text, so partial characters survive). */
  tokenBytes(id: number): Uint8Array
  /** True when `id` is one of this encoding's special tokens. */
  isSpecial(id: number): boolean
  /** Each pre-token of `text` merge by merge, as encodeOrdinary runs it (see Tokenizer.mergeTrace). */
  mergeTrace(text: string): PieceTrace[]
}

type RanksModule = { default: RawRanks }

// One literal dynamic import per module, so bundlers split each rank table into its own
// chunk, loaded only when that encoding is chosen.
const RANKS: Record<EncodingName, () => Promise<RanksModule>> = {
  r50k_base: () => import('gpt-tokenizer/bpeRanks/r50k_base'),
  p50k_base: () => import('gpt-tokenizer/bpeRanks/p50k_base'),
  p50k_edit: () => import('gpt-tokenizer/bpeRanks/p50k_base'),
  cl100k_base: () => import('gpt-tokenizer/bpeRanks/cl100k_base'),
  o200k_base: () => import('gpt-tokenizer/bpeRanks/o200k_base'),
  o200k_harmony: () => import('gpt-tokenizer/bpeRanks/o200k_base'),
}
const utf8 = new TextEncoder()

/**
 * Builds a LoadedEncoding from gpt-tokenizer's rank table with tiktoken's split, rank lookup
 * and special tokens (see bpeEncoder.ts, splitPatterns.ts, openaiSpecialTokens.ts); exported
 * for tests.
 */
export function makeLoadedEncoding(name: EncodingName, ranks: RawRanks): LoadedEncoding {
  const encoder = new BpeEncoder(ranks, (text, onPiece) => forEachPiece(name, text, onPiece))
  const specialTokens = openaiSpecialTokens(name)
  const lengths = new Uint16Array(ranks.length)
  for (let id = 0; id < ranks.length; id++) {
    const entry = ranks[id]
    // The tables have holes (ids that are not tokens, e.g. cl100k 100256): length 0.
    lengths[id] = entry === undefined ? 0 : typeof entry === 'string' ? utf8ByteLength(entry) : entry.length
  }
  const specialById = specialTokenNames(specialTokens)

  const byteLength = (id: number): number => {
    if (id < lengths.length && lengths[id] > 0) return lengths[id]
    const special = specialById.get(id)
    if (special !== undefined) return utf8ByteLength(special)
    throw new RangeError(`Token id ${id} is not in ${name}`)
  }
  const tokenBytes = (id: number): Uint8Array => {
    const special = specialById.get(id)
    if (special !== undefined) return utf8.encode(special)
    const entry = id >= 0 && id < ranks.length ? ranks[id] : undefined
    if (entry === undefined) throw new RangeError(`Token id ${id} is not in ${name}`)
    return typeof entry === 'string' ? utf8.encode(entry) : Uint8Array.from(entry)
  }
  return {
    name,
    encodeOrdinary: (text) => encoder.encode(text),
    mergeTrace: (text) => encoder.trace(text),
    specialTokens,
    ordinaryCount: ranks.length,
    byteLength,
    tokenBytes,
    isSpecial: (id) => specialById.has(id),
  }
}

const cache = new Map<EncodingName, Promise<LoadedEncoding>>()

/** Loads `key` once into `store` (a failed load is forgotten, so it can be tried again). */
function once(store: Map<EncodingName, Promise<LoadedEncoding>>, key: EncodingName, load: () => Promise<LoadedEncoding>): Promise<LoadedEncoding> {
  let pending = store.get(key)
  if (!pending) {
    pending = load()
    pending.catch(() => store.delete(key))
    store.set(key, pending)
  }
  return pending
}

/** Loads an encoding once (lazily: nothing is imported until first asked for). */
export function loadEncoding(name: EncodingName): Promise<LoadedEncoding> {
  return once(cache, name, async () => makeLoadedEncoding(name, (await RANKS[name]()).default))
}
