// Single-threaded encoders in this Node process: the bench's baselines. gpt-tokenizer's
// encode() is the historical one; the app's own encoder (bpeEncoder.ts, what the workers
// run) and tiktoken (WebAssembly) are shown beside it so a corpus on which gpt-tokenizer is
// slow cannot flatter the app.
import { encode } from 'gpt-tokenizer/encoding/o200k_base'
import o200kRanks from 'gpt-tokenizer/bpeRanks/o200k_base'
import { get_encoding } from 'tiktoken'
import { makeLoadedEncoding } from '../src/shared/tokenizer/openai/encodingLoader'
import { countTokens } from '../src/shared/document/tokenize'
import type { RawRanks } from '../src/shared/tokenizer/bpe/bpeEncoder'

const NO_SPECIAL = { disallowedSpecial: new Set<string>() }

/** One encoder's time on one text. */
export interface EncodeTime {
  ms: number
  tokens: number
}

/** The encoders measured, by name. */
export type Encoders = Record<'gptTokenizer' | 'app' | 'tiktoken', (text: string) => number>

/** Encoders of o200k_base returning a token count; the app's is a fresh encoder (cold merge cache) per call when `cold`. */
export function o200kEncoders(): Encoders {
  const tk = get_encoding('o200k_base')
  const app = makeLoadedEncoding('o200k_base', o200kRanks as unknown as RawRanks)
  return {
    gptTokenizer: (text) => encode(text, NO_SPECIAL).length,
    // As the workers do: chunk by chunk (CHUNK_CHARS), one encoder, its merge cache kept.
    app: (text) => countTokens(text, app, 'text'),
    tiktoken: (text) => tk.encode_ordinary(text).length,
  }
}

/** Median time (ms) of `fn(text)` over `runs` runs after one warm-up run (none when runs is 1). */
export function timeEncode(fn: (text: string) => number, text: string, runs = 3): EncodeTime {
  let tokens = runs > 1 ? fn(text) : 0
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    tokens = fn(text)
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(times.length / 2)], tokens }
}
