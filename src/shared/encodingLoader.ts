import { installFastMerge } from './bpeMerge'
import { BpeEncoder, type RawRanks } from './bpeEncoder'
import type { EncodingName } from './encodings'
import { openaiSpecialTokens, specialTokenNames } from './openaiSpecialTokens'
import { forEachPiece } from './splitPatterns'
import { utf8ByteLength } from './utf8'

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
  /** True when `id` is one of this encoding's special tokens (or of gpt-tokenizer's chat format for it). */
  isSpecial(id: number): boolean
  /**
   * gpt-tokenizer's chat encoding of `messages` for `model` (its chat format: ChatML, or
   * harmony for o200k_harmony, with gpt-tokenizer's special ids and its own encoder for the
   * text). `prime` is the role the reply is primed with ('' for none). Throws when the model
   * has no chat format, and unless the encoding came from loadChatEncoding.
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

/** gpt-tokenizer's chat side of an encoding (its API module), loaded only for chat counts. */
export interface ChatModules {
  /** Absent for encodings without chat models (r50k, p50k). */
  encodeChat?: EncodeChatFn
  /** gpt-tokenizer's special tokens, which its chat encoding uses (its ChatML ids are not OpenAI's specials). */
  chatSpecialTokens?: ReadonlyMap<string, number>
}

type RanksModule = { default: RawRanks }
type ApiModule = { encodeChat?: unknown; default?: unknown }

// One literal dynamic import per module, so bundlers split each rank table into its own
// chunk, loaded only when that encoding is chosen. The API modules (gpt-tokenizer's own
// encoder, built from the same table: ~100-300 ms) are loaded only for chat.
const RANKS: Record<EncodingName, () => Promise<RanksModule>> = {
  r50k_base: () => import('gpt-tokenizer/bpeRanks/r50k_base'),
  p50k_base: () => import('gpt-tokenizer/bpeRanks/p50k_base'),
  p50k_edit: () => import('gpt-tokenizer/bpeRanks/p50k_base'),
  cl100k_base: () => import('gpt-tokenizer/bpeRanks/cl100k_base'),
  o200k_base: () => import('gpt-tokenizer/bpeRanks/o200k_base'),
  o200k_harmony: () => import('gpt-tokenizer/bpeRanks/o200k_base'),
}
const APIS: Record<EncodingName, () => Promise<ApiModule>> = {
  r50k_base: () => import('gpt-tokenizer/encoding/r50k_base'),
  p50k_base: () => import('gpt-tokenizer/encoding/p50k_base'),
  p50k_edit: () => import('gpt-tokenizer/encoding/p50k_edit'),
  cl100k_base: () => import('gpt-tokenizer/encoding/cl100k_base'),
  o200k_base: () => import('gpt-tokenizer/encoding/o200k_base'),
  o200k_harmony: () => import('gpt-tokenizer/encoding/o200k_harmony'),
}

/** The chat parts of gpt-tokenizer's API module of one encoding. */
function chatModulesOf(api: ApiModule): ChatModules {
  // A piece of 100,000 letters took gpt-tokenizer 5 s (its merge is quadratic); see bpeMerge.ts.
  if (!installFastMerge(api.default)) console.warn('gpt-tokenizer internals changed: long pieces are encoded with its slower merge.')
  const chatSpecials = (api.default as { specialTokensEncoder?: unknown } | undefined)?.specialTokensEncoder
  return {
    // gpt-tokenizer types the model as a union of literal names; any string is checked at run time.
    encodeChat: api.encodeChat as EncodeChatFn | undefined,
    chatSpecialTokens: chatSpecials instanceof Map ? (chatSpecials as Map<string, number>) : undefined,
  }
}

const utf8 = new TextEncoder()
const NO_SPECIAL = new Set<string>()

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
    specialTokens,
    ordinaryCount: ranks.length,
    byteLength,
    tokenBytes,
    isSpecial: (id) => specialById.has(id),
    encodeChat: () => {
      throw new Error(`${name} was loaded without its chat format: use loadChatEncoding`)
    },
  }
}

/**
 * `enc` with gpt-tokenizer's chat encoding; the ids only that chat format uses (such as its
 * o200k `<|im_start|>`) get names, lengths and the special flag too. Exported for tests.
 */
export function withChat(enc: LoadedEncoding, chat: ChatModules): LoadedEncoding {
  const chatOnly = new Map<number, string>()
  for (const [id, text] of specialTokenNames(chat.chatSpecialTokens ?? new Map())) {
    let known = enc.isSpecial(id)
    if (!known) {
      try {
        enc.byteLength(id)
        known = true
      } catch {
        // Not a token of the encoding: a chat-only id.
      }
    }
    if (!known) chatOnly.set(id, text)
  }
  const { encodeChat } = chat
  return {
    ...enc,
    byteLength: (id) => (chatOnly.has(id) ? utf8ByteLength(chatOnly.get(id)!) : enc.byteLength(id)),
    tokenBytes: (id) => (chatOnly.has(id) ? utf8.encode(chatOnly.get(id)!) : enc.tokenBytes(id)),
    isSpecial: (id) => chatOnly.has(id) || enc.isSpecial(id),
    encodeChat: (messages, model, prime) => {
      if (!encodeChat) throw new Error(`${enc.name} has no chat format`)
      return encodeChat(messages, model, { disallowedSpecial: NO_SPECIAL, primeWithAssistantResponse: prime })
    },
  }
}

const cache = new Map<EncodingName, Promise<LoadedEncoding>>()
const chatCache = new Map<EncodingName, Promise<LoadedEncoding>>()

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

/** Loads an encoding once (lazily: nothing is imported until first asked for); encodeChat needs loadChatEncoding. */
export function loadEncoding(name: EncodingName): Promise<LoadedEncoding> {
  return once(cache, name, async () => makeLoadedEncoding(name, (await RANKS[name]()).default))
}

/** Loads an encoding with gpt-tokenizer's chat format (encodeChat works); once per encoding. */
export function loadChatEncoding(name: EncodingName): Promise<LoadedEncoding> {
  return once(chatCache, name, async () => {
    const [enc, api] = await Promise.all([loadEncoding(name), APIS[name]()])
    return withChat(enc, chatModulesOf(api))
  })
}
