import type { AlignedGroup } from '@shared/tools/align'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'

/** A job for the compare worker: count the text in every encoding, or align two encodings' tokens. */
export type CompareJob =
  /** Counts in each of `tokenizers` (the catalog, and the tokenizer opened from a file when there is one), in order. */
  | { type: 'count'; text: string; mode: SpecialMode; tokenizers: TokenizerId[] }
  | { type: 'align'; text: string; mode: SpecialMode; a: TokenizerId; b: TokenizerId }
  /** Load every encoding now, so the first Compare is quick (sent when the panel opens). */
  | { type: 'warm' }

/** A job as posted: `seq` comes back on every answer to it. */
export type CompareRequest = CompareJob & { seq: number }

/** One encoding's tokens of the aligned text; `partial[i]` labels a token holding part of a character, else null. */
export interface AlignedSide {
  ids: number[]
  starts: number[]
  partial: (string | null)[]
}

/** The compare worker's answers (each also carries its request's `seq`). */
export type CompareResponse = (
  | { type: 'count'; encoding: TokenizerId; count: number; ms: number }
  /** Tokenizer `encoding` is being loaded for its count (its row says so). */
  | { type: 'loading'; encoding: TokenizerId }
  /** Tokenizer `encoding` could not be loaded; the other rows still count. */
  | { type: 'rowError'; encoding: TokenizerId; message: string }
  | { type: 'done' }
  | { type: 'aligned'; groups: AlignedGroup[]; a: AlignedSide; b: AlignedSide }
  | { type: 'error'; message: string }
) & { seq?: number }
