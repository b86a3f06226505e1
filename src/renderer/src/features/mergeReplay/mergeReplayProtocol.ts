import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { TokenReplay } from '@shared/merges/replay'

/** Which token to replay: the tokenizer, the token's surroundings (its line), where it starts there and its id. */
export interface ReplayTarget {
  encoding: TokenizerId
  text: string
  offset: number
  id: number
}

/** Asks the replay worker how one token is built. */
export interface ReplayRequest extends ReplayTarget {
  job: number
}

/** The replay worker's answer to one job. */
export type ReplayResponse = { job: number; type: 'done'; replay: TokenReplay } | { job: number; type: 'error'; message: string }
