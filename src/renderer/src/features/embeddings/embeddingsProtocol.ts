import type { EncoderToken } from '@shared/embeddings/encoder'

/** Messages to the embeddings worker. */
export type EmbedRequest =
  /** Embed `texts` in batches (loading the model first if needed); with their tokens when asked. */
  | { type: 'embed'; job: number; texts: string[]; withTokens: boolean }
  /** Stop job `job` after the batch running now. */
  | { type: 'cancel'; job: number }

/** Messages from the embeddings worker. */
export type EmbedResponse =
  /** The model's files are being read: the share read so far (0..1). */
  | { type: 'loading'; fraction: number }
  /** The model is ready; how long loading took. */
  | { type: 'loaded'; ms: number }
  /** Texts of job `job` embedded so far. */
  | { type: 'progress'; job: number; done: number; total: number }
  /** Job `job`'s vectors (count x dim, row-major, transferred) and, when asked, each text's tokens. */
  | { type: 'embedded'; job: number; count: number; dim: number; values: Float32Array; tokens: EncoderToken[][] | null; ms: number }
  | { type: 'cancelled'; job: number }
  /** Job `job` failed (or the model did not load): the reason, for the user. */
  | { type: 'error'; job: number; message: string }
