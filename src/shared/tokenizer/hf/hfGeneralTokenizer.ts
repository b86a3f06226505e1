import { Tokenizer as JsTokenizer } from '@huggingface/tokenizers'
import type { AddedToken } from '../addedTokens'
import type { Tokenizer } from '../tokenizer'
import { alignSpans } from './alignSpans'
import { byteLevelBytes } from './byteLevel'
import { deriveChunkCuts } from './deriveChunkCuts'
import { makeHfFastTokenizer, UnsupportedTokenizerError, type HfTokenizerInfo } from './hfFastTokenizer'

type Json = Record<string, unknown>

/** True when the decoder (or a step of it) is `type`. */
function hasDecoder(decoder: Json | null | undefined, type: string): boolean {
  if (!decoder) return false
  if (decoder.type === type) return true
  return Array.isArray(decoder.decoders) && (decoder.decoders as Json[]).some((d) => hasDecoder(d, type))
}

/**
 * Any tokenizer.json run by `@huggingface/tokenizers` (pure JavaScript: BPE, Unigram,
 * WordPiece, every normalizer and pre-tokenizer of the format). It gives ids but no offsets,
 * so spans are aligned by token text (alignSpans: approximate). Its chunk cut rule is the one
 * derived from the file (deriveChunkCuts.ts), or none: then a text is tokenized whole. Mode
 * 'text' uses a second copy whose special tokens cannot match.
 */
export function makeHfGeneralTokenizer(json: Json, config: Json, info: HfTokenizerInfo): Tokenizer {
  const added = ((json.added_tokens as AddedToken[]) ?? []).map((t) => ({ ...t }))
  const withSpecials = new JsTokenizer(json, config)
  const unmatchable = added.map((t) => (t.special ? { ...t, content: `\u{10FFFF}${t.content}` } : t))
  const textOnly = new JsTokenizer({ ...json, added_tokens: unmatchable }, config)
  const vocab = withSpecials.model?.vocab ?? []
  const addedById = new Map(added.map((t) => [t.id, t]))
  const specialTokens = new Map(added.filter((t) => t.special).map((t) => [t.content, t.id]))
  const specialIds = new Set(specialTokens.values())
  const isSpecial = (id: number) => specialIds.has(id)
  const decoder = json.decoder as Json | null
  const byteLevel = hasDecoder(decoder, 'ByteLevel')
  const byteFallback = hasDecoder(decoder, 'ByteFallback')
  const model = json.model as Json
  const prefix = typeof model.continuing_subword_prefix === 'string' ? model.continuing_subword_prefix : '##'
  const utf8 = new TextEncoder()

  /** The token's text as it stands in the (decoded) text, for bytes and alignment. */
  const surface = (id: number): string => {
    const addedToken = addedById.get(id)
    if (addedToken) return addedToken.content
    const token = vocab[id]
    if (token === undefined) throw new RangeError(`Token id ${id} is not in ${info.id}`)
    if (model.type === 'WordPiece' && token.startsWith(prefix)) return token.slice(prefix.length)
    return token.replace(/\u2581/g, ' ')
  }
  const tokenBytes = (id: number): Uint8Array => {
    const token = vocab[id]
    if (!addedById.has(id) && token !== undefined) {
      if (byteLevel) {
        const bytes = byteLevelBytes(token)
        if (bytes) return bytes
      }
      if (byteFallback && /^<0x[0-9A-F]{2}>$/.test(token)) return Uint8Array.of(parseInt(token.slice(3, 5), 16))
    }
    return utf8.encode(surface(id))
  }
  const encodeWith = (t: JsTokenizer, text: string) => (text.length === 0 ? [] : t.encode(text, { add_special_tokens: false }).ids)
  return {
    id: info.id,
    displayName: info.displayName,
    engine: 'hf-general',
    modelType: String(model.type),
    encodeOrdinary: (text) => encodeWith(textOnly, text),
    tokenize(text, mode) {
      const ids = encodeWith(mode === 'special' ? withSpecials : textOnly, text)
      const bytesSurface = (id: number) => (byteLevel && !addedById.has(id) ? new TextDecoder().decode(tokenBytes(id)) : surface(id))
      return alignSpans(text, ids, bytesSurface, isSpecial)
    },
    specialTokens,
    ordinaryCount: vocab.length,
    byteLength: (id) => tokenBytes(id).length,
    tokenBytes,
    isSpecial,
    byteExact: false,
    chunkCuts: info.chunkCuts,
  }
}

/**
 * A tokenizer.json (and its tokenizer_config.json) as a Tokenizer: the fast engine when it
 * runs the file, else the general one, with the chunk cut rule derived from the file
 * (deriveChunkCuts.ts; none when no cut is provably safe). A file that is not a
 * tokenizer.json gets a clear error.
 */
export function tokenizerFromJson(json: unknown, config: unknown, info: Omit<HfTokenizerInfo, 'chunkCuts'>): Tokenizer {
  if (typeof json !== 'object' || json === null || typeof (json as Json).model !== 'object' || (json as Json).model === null) {
    throw new Error('This is not a tokenizer.json: it has no "model" section.')
  }
  const withCuts = { ...info, chunkCuts: deriveChunkCuts(json as Json).rule }
  try {
    return makeHfFastTokenizer(json as Json, withCuts)
  } catch (e) {
    if (!(e instanceof UnsupportedTokenizerError)) throw e
    return makeHfGeneralTokenizer(json as Json, (config ?? {}) as Json, withCuts)
  }
}
