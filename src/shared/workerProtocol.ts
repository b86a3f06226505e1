import type { TextCounts } from './counts'
import type { EncodingName } from './encodings'
import type { SpecialMode } from './specialTokens'

/** A message from the UI thread to the tokenizer worker. */
export type WorkerRequest =
  | { type: 'tokenize'; job: number; text: string; encoding: EncodingName; mode: SpecialMode }
  | { type: 'tokenBytes'; job: number; encoding: EncodingName; ids: number[] }

/** A message from the tokenizer worker to the UI thread. */
export type WorkerResponse =
  | { type: 'loading'; job: number; encoding: EncodingName }
  | { type: 'progress'; job: number; doneChars: number; totalChars: number }
  | {
      type: 'result'
      job: number
      encoding: EncodingName
      mode: SpecialMode
      ids: Uint32Array
      starts: Uint32Array
      flags: Uint8Array
      counts: TextCounts
      /** Milliseconds spent in the worker on this job, encoding load included. */
      elapsedMs: number
    }
  | { type: 'tokenBytes'; job: number; bytes: Uint8Array[] }
  | { type: 'error'; job: number; message: string }
