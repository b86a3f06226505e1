import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { VocabSearchResult } from '@shared/tools/vocabSearch'
import type { UnreachableResult } from '@shared/merges/unreachable'

/** Asks the vocabulary worker to search an encoding's tokens. */
export interface VocabSearchRequest {
  job: number
  kind?: 'search'
  encoding: TokenizerId
  query: string
}

/** Asks the vocabulary worker for a tokenizer's unreachable tokens (a newer request of this kind cancels an older one). */
export interface UnreachableRequest {
  job: number
  kind: 'unreachable'
  encoding: TokenizerId
}

/** A request to the vocabulary worker. */
export type VocabRequest = VocabSearchRequest | UnreachableRequest

/** The vocabulary worker's answer to one job. */
export type VocabResponse =
  | { job: number; type: 'done'; result: VocabSearchResult }
  | { job: number; type: 'error'; message: string }
  | { job: number; type: 'unreachable-progress'; done: number; total: number }
  | { job: number; type: 'unreachable-done'; result: UnreachableResult; ms: number }
