import { isSafeCut, isSafeWordCut } from '../chunking'
import { tokenizeByBytes } from '../tokenizeBytes'
import type { ChunkCutRule, Tokenizer } from '../tokenizer'
import { loadEncoding, type LoadedEncoding } from './encodingLoader'
import { ENCODING_DESCRIPTIONS, type EncodingName } from './encodings'

/** The OpenAI encodings' cut rules (chunking.ts, property-tested for every encoding). */
export const OPENAI_CHUNK_CUTS: ChunkCutRule = { isSafeCut, isSafeWordCut }

/** An OpenAI encoding as a Tokenizer and still a LoadedEncoding (its users keep compiling). */
export type OpenAiTokenizer = Tokenizer & LoadedEncoding

/** Wraps a loaded OpenAI encoding as a Tokenizer (id = the encoding name). */
export function openAiTokenizer(encoding: LoadedEncoding): OpenAiTokenizer {
  const name: EncodingName = encoding.name
  return {
    ...encoding,
    id: name,
    displayName: `${name} (${ENCODING_DESCRIPTIONS[name]})`,
    engine: 'openai',
    tokenize: (text, mode) => tokenizeByBytes(text, encoding, mode),
    byteExact: true,
    chunkCuts: OPENAI_CHUNK_CUTS,
  }
}

/** Loads an OpenAI encoding as a Tokenizer (lazily, once: see loadEncoding). */
export async function loadOpenAiTokenizer(name: EncodingName): Promise<OpenAiTokenizer> {
  return openAiTokenizer(await loadEncoding(name))
}
