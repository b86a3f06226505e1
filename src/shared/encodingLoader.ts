import { installFastMerge } from './bpeMerge'
import type { EncodingName } from './encodings'
import { utf8ByteLength } from './utf8'

type RawRanks = readonly (string | readonly number[] | undefined)[]

/** The parts of a gpt-tokenizer encoding the app uses, loaded on demand. */
export interface LoadedEncoding {
  readonly name: EncodingName
  /** Encodes text, treating special-token strings as ordinary text (as an API treats user text). */
  encodeOrdinary(text: string): number[]
  /** Special-token string to id for this encoding. */
  readonly specialTokens: ReadonlyMap<string, number>
  /** Number of ordinary (mergeable) token ids; special ids are at or above it, or absent from the table. */
  readonly ordinaryCount: number
  /** UTF-8 length of token `id`, ordinary or special. */
  byteLength(id: number): number
  /** The exact bytes of token `id` (never decoded text, so partial characters survive). */
  tokenBytes(id: number): Uint8Array
  /** True when `id` is one of this encoding's special tokens. */
  isSpecial(id: number): boolean
  /**
   * gpt-tokenizer's chat encoding of `messages` for `model` (its chat format: ChatML, or
   * harmony for o200k_harmony), message text treated as ordinary text. `prime` is the
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

type EncodeOptions = { disallowedSpecial: Set<string> }

interface EncodingModules {
  encode: (text: string, options: EncodeOptions) => number[]
  /** The same tokens, one regex piece at a time. */
  encodeGenerator: (text: string, options: EncodeOptions) => Iterable<number[]>
  /** Absent for encodings without chat models (r50k, p50k). */
  encodeChat?: EncodeChatFn
  ranks: RawRanks
  specialTokens: Map<string, number>
}

type ParamsFn = (ranks: RawRanks) => { specialTokensEncoder: Map<string, number> }

/** Joins the three modules of one encoding: its API, its rank table and its parameters. */
function modulesOf(
  api: { encode: EncodingModules['encode']; encodeGenerator: EncodingModules['encodeGenerator']; encodeChat?: unknown; default?: unknown },
  ranks: { default: RawRanks },
  params: ParamsFn,
): EncodingModules {
  // A piece of 100,000 letters took gpt-tokenizer 5 s (its merge is quadratic); see bpeMerge.ts.
  if (!installFastMerge(api.default)) console.warn('gpt-tokenizer internals changed: long pieces are encoded with its slower merge.')
  return {
    encode: api.encode,
    encodeGenerator: api.encodeGenerator,
    // gpt-tokenizer types the model as a union of literal names; any string is checked at run time.
    encodeChat: api.encodeChat as EncodeChatFn | undefined,
    ranks: ranks.default,
    specialTokens: params(ranks.default).specialTokensEncoder,
  }
}

// One literal dynamic import per module, so bundlers split each rank table into its own
// chunk, loaded only when that encoding is chosen.
const LOADERS: Record<EncodingName, () => Promise<EncodingModules>> = {
  r50k_base: async () => {
    const [api, ranks, params] = await Promise.all([
      import('gpt-tokenizer/encoding/r50k_base'),
      import('gpt-tokenizer/bpeRanks/r50k_base'),
      import('gpt-tokenizer/encodingParams/r50k_base'),
    ])
    return modulesOf(api, ranks, params.R50KBase as ParamsFn)
  },
  p50k_base: async () => {
    const [api, ranks, params] = await Promise.all([
      import('gpt-tokenizer/encoding/p50k_base'),
      import('gpt-tokenizer/bpeRanks/p50k_base'),
      import('gpt-tokenizer/encodingParams/p50k_base'),
    ])
    return modulesOf(api, ranks, params.P50KBase as ParamsFn)
  },
  p50k_edit: async () => {
    const [api, ranks, params] = await Promise.all([
      import('gpt-tokenizer/encoding/p50k_edit'),
      import('gpt-tokenizer/bpeRanks/p50k_base'),
      import('gpt-tokenizer/encodingParams/p50k_edit'),
    ])
    return modulesOf(api, ranks, params.P50KEdit as ParamsFn)
  },
  cl100k_base: async () => {
    const [api, ranks, params] = await Promise.all([
      import('gpt-tokenizer/encoding/cl100k_base'),
      import('gpt-tokenizer/bpeRanks/cl100k_base'),
      import('gpt-tokenizer/encodingParams/cl100k_base'),
    ])
    return modulesOf(api, ranks, params.Cl100KBase as ParamsFn)
  },
  o200k_base: async () => {
    const [api, ranks, params] = await Promise.all([
      import('gpt-tokenizer/encoding/o200k_base'),
      import('gpt-tokenizer/bpeRanks/o200k_base'),
      import('gpt-tokenizer/encodingParams/o200k_base'),
    ])
    return modulesOf(api, ranks, params.O200KBase as ParamsFn)
  },
  o200k_harmony: async () => {
    const [api, ranks, params] = await Promise.all([
      import('gpt-tokenizer/encoding/o200k_harmony'),
      import('gpt-tokenizer/bpeRanks/o200k_base'),
      import('gpt-tokenizer/encodingParams/o200k_harmony'),
    ])
    return modulesOf(api, ranks, params.O200KHarmony as ParamsFn)
  },
}

const utf8 = new TextEncoder()
const NO_SPECIAL = new Set<string>()

/** Builds a LoadedEncoding from gpt-tokenizer's pieces; exported for tests. */
export function makeLoadedEncoding(name: EncodingName, modules: EncodingModules): LoadedEncoding {
  const { ranks, specialTokens, encode, encodeGenerator, encodeChat } = modules
  const lengths = new Uint16Array(ranks.length)
  for (let id = 0; id < ranks.length; id++) {
    const entry = ranks[id]
    // The tables have holes (ids that are not tokens, e.g. cl100k 100256): length 0.
    lengths[id] = entry === undefined ? 0 : typeof entry === 'string' ? utf8ByteLength(entry) : entry.length
  }
  const specialById = new Map<number, string>()
  for (const [text, id] of specialTokens) specialById.set(id, text)

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
    if (entry === undefined || (lengths[id] === 0 && !specialById.has(id))) throw new RangeError(`Token id ${id} is not in ${name}`)
    return typeof entry === 'string' ? utf8.encode(entry) : Uint8Array.from(entry)
  }
  return {
    name,
    encodeOrdinary: (text) => {
      const options = { disallowedSpecial: NO_SPECIAL }
      try {
        return encode(text, options)
      } catch (err) {
        // gpt-tokenizer appends each piece's tokens with push(...tokens), which overflows the
        // stack for a piece of about 100,000 tokens (a line of 800,000 letters): collect them one by one.
        if (!(err instanceof RangeError)) throw err
        const ids: number[] = []
        for (const piece of encodeGenerator(text, options)) for (const id of piece) ids.push(id)
        return ids
      }
    },
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
