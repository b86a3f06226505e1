import type { AlignedGroup } from '../../../shared/align'
import type { EncodingName } from '../../../shared/encodings'
import type { SpecialMode } from '../../../shared/specialTokens'

/** A job for the compare worker: count the text in every encoding, or align two encodings' tokens. */
export type CompareRequest =
  | { type: 'count'; text: string; mode: SpecialMode }
  | { type: 'align'; text: string; mode: SpecialMode; a: EncodingName; b: EncodingName }

/** One encoding's tokens of the aligned text; `partial[i]` labels a token holding part of a character, else null. */
export interface AlignedSide {
  ids: number[]
  starts: number[]
  partial: (string | null)[]
}

/** The compare worker's answers. */
export type CompareResponse =
  | { type: 'count'; encoding: EncodingName; count: number; ms: number }
  | { type: 'done' }
  | { type: 'aligned'; groups: AlignedGroup[]; a: AlignedSide; b: AlignedSide }
  | { type: 'error'; message: string }
