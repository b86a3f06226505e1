import { BpeEncoder, type RawRanks } from '../bpe/bpeEncoder'
import { decodeRankFile, type RankFileTable } from '../bpe/rankFile'
import { PromiseCache } from '../promiseCache'
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
/** The rank table each encoding uses (p50k_edit and o200k_harmony share another's). */
const RANK_TABLE: Record<EncodingName, string> = {
  r50k_base: 'r50k_base',
  p50k_base: 'p50k_base',
  p50k_edit: 'p50k_base',
  cl100k_base: 'cl100k_base',
  o200k_base: 'o200k_base',
  o200k_harmony: 'o200k_base',
}
const utf8 = new TextEncoder()

/**
 * Builds a LoadedEncoding from gpt-tokenizer's rank table with tiktoken's split, rank lookup
 * and special tokens (see bpeEncoder.ts, splitPatterns.ts, openaiSpecialTokens.ts); exported
 * for tests.
 */
export function makeLoadedEncoding(name: EncodingName, ranks: RawRanks, byteLengths?: Uint16Array): LoadedEncoding {
  const encoder = new BpeEncoder(ranks, (text, onPiece) => forEachPiece(name, text, onPiece), false, byteLengths)
  const specialTokens = openaiSpecialTokens(name)
  let lengths = byteLengths
  if (!lengths) {
    lengths = new Uint16Array(ranks.length)
    for (let id = 0; id < ranks.length; id++) {
      const entry = ranks[id]
      // The tables have holes (ids that are not tokens, e.g. cl100k 100256): length 0.
      lengths[id] = entry === undefined ? 0 : typeof entry === 'string' ? utf8ByteLength(entry) : entry.length
    }
  }
  const lengthOf = lengths
  const specialById = specialTokenNames(specialTokens)

  const byteLength = (id: number): number => {
    if (id < lengthOf.length && lengthOf[id] > 0) return lengthOf[id]
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

const cache = new PromiseCache<EncodingName, LoadedEncoding>()

/** Reads a rank file by name, or null (see useRankFiles). */
let readRankFile: ((fileName: string) => Promise<Uint8Array>) | null = null

/** The rank file an encoding's table is read from, where rank files are used (`<table>.ranks.bin`). */
export function rankFileName(name: EncodingName): string {
  return `${RANK_TABLE[name]}.ranks.bin`
}

/**
 * Makes later loads read each rank table from its rank file through `read` (the command line
 * ships them beside itself: several times faster to load than the JavaScript module), falling
 * back to the module when the file cannot be read.
 */
export function useRankFiles(read: (fileName: string) => Promise<Uint8Array>): void {
  readRankFile = read
}

/** The encoding's table from its rank file, or null when rank files are not used or this one cannot be read. */
async function fromRankFile(name: EncodingName): Promise<RankFileTable | null> {
  if (!readRankFile) return null
  try {
    return decodeRankFile(await readRankFile(rankFileName(name)))
  } catch {
    return null
  }
}

/** Loads an encoding once (lazily: nothing is imported until first asked for). */
export function loadEncoding(name: EncodingName): Promise<LoadedEncoding> {
  return cache.get(name, async () => {
    const file = await fromRankFile(name)
    return file ? makeLoadedEncoding(name, file.ranks, file.byteLengths) : makeLoadedEncoding(name, (await RANKS[name]()).default)
  })
}
