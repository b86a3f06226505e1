import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { VocabSearchResult } from '@shared/tools/vocabSearch'

/** Asks the vocabulary worker to search an encoding's tokens. */
export interface VocabRequest {
  job: number
  encoding: TokenizerId
  query: string
}

/** The vocabulary worker's answer to one job. */
export type VocabResponse = { job: number; type: 'done'; result: VocabSearchResult } | { job: number; type: 'error'; message: string }
