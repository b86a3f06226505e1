import type { Continuations } from '@shared/sampling/ngram'
import type { SamplingSettings } from '@shared/sampling/pipeline'

/** What the page asks the n-gram worker. */
export type NgramRequest =
  | { type: 'build'; version: number; ids: Uint32Array; maxContext: number }
  | { type: 'query'; job: number; context: number[]; contextLength: number }
  | { type: 'generate'; job: number; context: number[]; contextLength: number; count: number; settings: SamplingSettings; seed: number }

/** One generated token, as the page shows it. */
export interface GeneratedToken {
  id: number
  probability: number
  continuations: Continuations
  candidates: number
}

/** What the n-gram worker answers. */
export type NgramResponse =
  | { type: 'progress'; version: number; done: number; total: number }
  | { type: 'built'; version: number; tokens: number; ms: number }
  | { type: 'continuations'; job: number; result: Continuations }
  | { type: 'generated'; job: number; steps: GeneratedToken[] }
  | { type: 'error'; job?: number; message: string }
