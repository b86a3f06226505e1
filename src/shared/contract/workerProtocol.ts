import type { TokenizerId } from '../tokenizer/tokenizerId'
import type { SpecialMode } from '../tokenizer/specialTokens'
import type { TokenSplice } from '../document/tokenIndex'
import type { ChunkTokens } from '../document/tokenize'
import type { TextEdit } from '../document/documentModel'

/**
 * A tokenizer built from the user's bytes (File > Open Tokenizer…): its tokenizer.json and,
 * optionally, tokenizer_config.json. Registered under `id`, it is then chosen with 'configure'
 * like a catalog id.
 */
export interface CustomTokenizerBytes {
  id: TokenizerId
  name: string
  json: Uint8Array
  config?: Uint8Array
}

/**
 * Hands a feature's worker (compare, decode, vocabulary, chat) the tokenizer opened from a
 * file, so it loads that id like a catalog one. Sent before the worker's first job and
 * again when another file is opened; a worker handles it before its own messages.
 */
export interface RegisterTokenizerMessage {
  registerTokenizer: CustomTokenizerBytes
}

/** True for a RegisterTokenizerMessage (a feature worker's own messages never have that field). */
export function isRegisterTokenizerMessage(data: unknown): data is RegisterTokenizerMessage {
  return typeof data === 'object' && data !== null && 'registerTokenizer' in data
}

/** A message from the UI thread to the coordinating tokenizer worker. */
export type CoordinatorRequest =
  | { type: 'configure'; encoding: TokenizerId; mode: SpecialMode }
  /** Makes a tokenizer from user bytes available under its id (to the coordinator and every helper). */
  | { type: 'register'; tokenizer: CustomTokenizerBytes }
  | { type: 'reset'; version: number; text: string }
  | { type: 'edit'; version: number; edits: TextEdit[] }
  | { type: 'viewport'; from: number; to: number }
  | { type: 'tokenBytes'; job: number; encoding: TokenizerId; ids: number[] }
  | { type: 'count'; job: number; encoding: TokenizerId; mode: SpecialMode; texts: string[] }

/** A message from the coordinator to the UI thread. `generation` changes with the encoding or mode. */
export type CoordinatorResponse =
  | { type: 'loading'; encoding: TokenizerId }
  /** Tokenizer `encoding` could not be loaded (`message` says why); `fallback` is in use again. */
  | { type: 'loadFailed'; encoding: TokenizerId; fallback: TokenizerId; message: string }
  /** `last`: no more splices follow for this version (an edit request of n changes sends n splices). */
  | { type: 'splice'; version: number; generation: number; splice: TokenSplice; last: boolean }
  | { type: 'fill'; version: number; generation: number; fills: { index: number; tokens: ChunkTokens }[] }
  | {
      type: 'status'
      version: number
      generation: number
      encoding: TokenizerId
      mode: SpecialMode
      pendingChunks: number
      totalChunks: number
      /** Milliseconds since the work for this state began (until it was complete, when pendingChunks is 0). */
      elapsedMs: number
      /**
       * Set while a text of this many characters is tokenized as one piece (the tokenizer has
       * no safe cut) and is long enough to take about a second or more: the UI says so.
       */
      wholeTextChars?: number
    }
  /** Bytes per id, null for an id the encoding does not have. */
  | { type: 'tokenBytes'; job: number; bytes: (Uint8Array | null)[] }
  /** Token counts of the texts of a 'count' request, in order. */
  | { type: 'count'; job: number; counts: number[] }
  | { type: 'error'; message: string }

/** A batch of chunk texts for a helper worker to encode, or a request to load an encoding ahead of time. */
export type HelperRequest =
  | { type: 'encode'; batch: number; encoding: TokenizerId; mode: SpecialMode; pieces: { stamp: number; text: string }[] }
  | { type: 'warm'; encoding: TokenizerId }
  | { type: 'register'; tokenizer: CustomTokenizerBytes }

/** A helper's answer. */
export type HelperResponse =
  | { type: 'encoded'; batch: number; results: { stamp: number; tokens: ChunkTokens }[] }
  | { type: 'error'; batch: number; message: string }

/** The typed arrays inside chunk tokens, for zero-copy transfer. */
export function transferablesOf(tokens: readonly ChunkTokens[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = []
  for (const t of tokens) out.push(t.ids.buffer as ArrayBuffer, t.starts.buffer as ArrayBuffer, t.flags.buffer as ArrayBuffer)
  return out
}
