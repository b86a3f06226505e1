import { installFastMerge } from './bpeMerge'
import { BpeEncoder, type RawRanks } from './bpeEncoder'
import type { EncodingName } from './encodings'
import { openaiSpecialTokens, specialTokenNames } from './openaiSpecialTokens'
import { forEachPiece } from './splitPatterns'
import { utf8ByteLength } from './utf8'

/** The parts of a gpt-tokenizer encoding the app uses, loaded on demand. */
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
  /** True when `id` is one of this encoding's special tokens (or of gpt-tokenizer's chat format for it). */
  isSpecial(id: number): boolean
  /**
   * gpt-tokenizer's chat encoding of `messages` for `model` (its chat format: ChatML, or
   * harmony for o200k_harmony, with gpt-tokenizer's special ids), message text treated as
   * ordinary text by gpt-tokenizer's encoder. `prime` is the
   * role the reply is primed with ('' for none). Throws when the model has no chat format.
   */
  encodeChat(messages: readonly ChatMessageLike[], model: string, prime: string): number[]
}

/** One chat message as gpt-tokenizer takes it. */
export interface ChatMessageLike {
  role: string
  name?: string
  content: string
}

type EncodeChatFn = (
  chat: readonly ChatMessageLike[],
  model: string,
  options: { disallowedSpecial: Set<string>; primeWithAssistantResponse: string },
) => number[]

/** What an encoding is built from: gpt-tokenizer's rank table, and its chat encoder. */
export interface EncodingModules {
  /** Absent for encodings without chat models (r50k, p50k). */
  encodeChat?: EncodeChatFn
  /** gpt-tokenizer's special tokens, which its chat encoding uses (its ChatML ids differ from OpenAI's specials). */
  chatSpecialTokens?: ReadonlyMap<string, number>
  ranks: RawRanks
}

/** Joins the two modules of one encoding: gpt-tokenizer's API (for chat) and its rank table. */
function modulesOf(api: { encodeChat?: unknown; default?: unknown }, ranks: { default: RawRanks }): EncodingModules {
  // A piece of 100,000 letters took gpt-tokenizer 5 s (its merge is quadratic); see bpeMerge.ts.
  if (!installFastMerge(api.default)) console.warn('gpt-tokenizer internals changed: long pieces are encoded with its slower merge.')
  const chatSpecials = (api.default as { specialTokensEncoder?: unknown } | undefined)?.specialTokensEncoder
  return {
    // gpt-tokenizer types the model as a union of literal names; any string is checked at run time.
    encodeChat: api.encodeChat as EncodeChatFn | undefined,
    chatSpecialTokens: chatSpecials instanceof Map ? (chatSpecials as Map<string, number>) : undefined,
    ranks: ranks.default,
  }
}

// One literal dynamic import per module, so bundlers split each rank table into its own
// chunk, loaded only when that encoding is chosen.
const LOADERS: Record<EncodingName, () => Promise<EncodingModules>> = {
  r50k_base: async () => {
    const [api, ranks] = await Promise.all([
      import('gpt-tokenizer/encoding/r50k_base'),
      import('gpt-tokenizer/bpeRanks/r50k_base'),
    ])
    return modulesOf(api, ranks)
  },
  p50k_base: async () => {
    const [api, ranks] = await Promise.all([
      import('gpt-tokenizer/encoding/p50k_base'),
      import('gpt-tokenizer/bpeRanks/p50k_base'),
    ])
    return modulesOf(api, ranks)
  },
  p50k_edit: async () => {
    const [api, ranks] = await Promise.all([
      import('gpt-tokenizer/encoding/p50k_edit'),
      import('gpt-tokenizer/bpeRanks/p50k_base'),
    ])
    return modulesOf(api, ranks)
  },
  cl100k_base: async () => {
    const [api, ranks] = await Promise.all([
      import('gpt-tokenizer/encoding/cl100k_base'),
      import('gpt-tokenizer/bpeRanks/cl100k_base'),
    ])
    return modulesOf(api, ranks)
  },
  o200k_base: async () => {
    const [api, ranks] = await Promise.all([
      import('gpt-tokenizer/encoding/o200k_base'),
      import('gpt-tokenizer/bpeRanks/o200k_base'),
    ])
    return modulesOf(api, ranks)
  },
  o200k_harmony: async () => {
    const [api, ranks] = await Promise.all([
      import('gpt-tokenizer/encoding/o200k_harmony'),
      import('gpt-tokenizer/bpeRanks/o200k_base'),
    ])
    return modulesOf(api, ranks)
  },
}

const utf8 = new TextEncoder()
const NO_SPECIAL = new Set<string>()

/**
 * Builds a LoadedEncoding from gpt-tokenizer's rank table with tiktoken's split pattern,
 * rank lookup and special tokens (see bpeEncoder.ts, splitPatterns.ts, openaiSpecialTokens.ts);
 * exported for tests.
 */
export function makeLoadedEncoding(name: EncodingName, modules: EncodingModules): LoadedEncoding {
  const { ranks, encodeChat, chatSpecialTokens } = modules
  const encoder = new BpeEncoder(ranks, (text, onPiece) => forEachPiece(name, text, onPiece))
  const specialTokens = openaiSpecialTokens(name)
  const lengths = new Uint16Array(ranks.length)
  for (let id = 0; id < ranks.length; id++) {
    const entry = ranks[id]
    // The tables have holes (ids that are not tokens, e.g. cl100k 100256): length 0.
    lengths[id] = entry === undefined ? 0 : typeof entry === 'string' ? utf8ByteLength(entry) : entry.length
  }
  const specialById = specialTokenNames(specialTokens)
  // Ids that only gpt-tokenizer's chat encoding produces (e.g. its o200k <|im_start|>): named too.
  for (const [id, text] of specialTokenNames(chatSpecialTokens ?? new Map())) {
    if (!specialById.has(id) && !(id < lengths.length && lengths[id] > 0)) specialById.set(id, text)
  }

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
    specialTokens,
    ordinaryCount: ranks.length,
    byteLength,
    tokenBytes,
    isSpecial: (id) => specialById.has(id),
    encodeChat: (messages, model, prime) => {
      if (!encodeChat) throw new Error(`${name} has no chat format`)
      return encodeChat(messages, model, { disallowedSpecial: NO_SPECIAL, primeWithAssistantResponse: prime })
    },
  }
}

const cache = new Map<EncodingName, Promise<LoadedEncoding>>()

/** Loads an encoding once (lazily: nothing is imported until first asked for). */
export function loadEncoding(name: EncodingName): Promise<LoadedEncoding> {
  let pending = cache.get(name)
  if (!pending) {
    pending = LOADERS[name]().then((modules) => makeLoadedEncoding(name, modules))
    pending.catch(() => cache.delete(name))
    cache.set(name, pending)
  }
  return pending
}
