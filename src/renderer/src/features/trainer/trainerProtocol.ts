import type { SplitPatternName } from '@shared/training/preTokens'

/** A source text for training: the editor's text, or a file's bytes (decoded in the worker). */
export type TrainingSource = { kind: 'text'; name: string; text: string } | { kind: 'file'; name: string; bytes: ArrayBuffer }

/** Starts a training run in the trainer worker (one run per worker: Cancel ends the worker). */
export interface TrainRequest {
  type: 'train'
  sources: TrainingSource[]
  pattern: SplitPatternName
  merges: number
}

/** One learned merge as the panel lists it. */
export interface MergeRow {
  /** The merge's rank (1 = first learned). */
  rank: number
  left: string
  right: string
  /** The new token's text (visible whitespace; \xNN for bytes that are not whole characters). */
  token: string
  count: number
  id: number
}

/** What the trainer worker reports. */
export type TrainResponse =
  | { type: 'counted'; preTokens: number; characters: number; skipped: string[]; ms: number }
  | { type: 'merges'; rows: MergeRow[]; learned: number; total: number }
  | { type: 'done'; json: ArrayBuffer; learned: number; vocabSize: number; stoppedEarly: boolean; ms: number }
  | { type: 'error'; message: string }
