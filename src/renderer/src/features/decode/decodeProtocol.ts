import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { DecodeResult } from './DecodePanel'

/** Asks the decode worker to decode a pasted id list with an encoding. */
export interface DecodeRequest {
  encoding: TokenizerId
  input: string
}

/** The decode worker's answer: the text and problems, or why it failed. */
export type DecodeResponse = { type: 'done'; result: DecodeResult } | { type: 'error'; message: string }
