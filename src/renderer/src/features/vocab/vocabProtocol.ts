import type { EncodingName } from '@shared/tokenizer/openai/encodings'
import type { VocabSearchResult } from '@shared/tools/vocabSearch'

/** Asks the vocabulary worker to search an encoding's tokens. */
export interface VocabRequest {
  job: number
  encoding: EncodingName
  query: string
}

/** The vocabulary worker's answer to one job. */
export type VocabResponse = { job: number; type: 'done'; result: VocabSearchResult } | { job: number; type: 'error'; message: string }
