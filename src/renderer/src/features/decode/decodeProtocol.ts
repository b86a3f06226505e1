import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { DecodeResult } from './DecodePanel'

/**
 * Asks the decode worker to decode an id list with an encoding: typed or pasted text, or a
 * file of ids (read and parsed in the worker, so a big one never holds up the window); or to
 * encode the panel's example phrase, for a placeholder of ids valid in the encoding in use.
 */
export type DecodeRequest = { type: 'decode'; encoding: TokenizerId; input: string | Blob } | { type: 'example'; encoding: TokenizerId }

/** The decode worker's answer: the text and problems, the example's placeholder, or why it failed. */
export type DecodeResponse = { type: 'done'; result: DecodeResult } | { type: 'example'; placeholder: string } | { type: 'error'; message: string }
