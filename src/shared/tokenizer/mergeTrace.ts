/**
 * What a BPE engine did to each pre-token of a text, merge by merge (the tokenizer lab's
 * replay: shared/merges turns it into rows for the user). Only types live here: each engine
 * records its own steps next to its own merge code.
 */

/** One merge: the part at `left` (an index into the parts before the step) joined with the part after it. */
export interface TraceStep {
  /** Index of the left part in the list of parts before this step. */
  left: number
  /** The merge's rank: its place in the merge list (Hugging Face) or the new token's rank (tiktoken). */
  rank: number
  /** Id of the token the two parts become. */
  id: number
}

/** How the engine turned one pre-token into tokens. */
export interface PieceTrace {
  /** The piece as the model sees it (after any normalizer). */
  text: string
  /**
   * 'merged': ids come from the steps; 'whole': the engine took the whole piece as one token
   * from its vocabulary without merging (tiktoken does for any piece that is a token; a
   * Hugging Face file with ignore_merges likewise; `steps` then shows what merging would have
   * done); 'added': an added token, matched before any model ran (no steps).
   */
  kind: 'merged' | 'whole' | 'added'
  /** Ids of the parts the merging starts from (bytes, characters or byte fallbacks). */
  symbols: number[]
  /** The merges in the order the engine applies them. */
  steps: TraceStep[]
  /** The ids the engine produced for the piece (what encodeOrdinary gives for it). */
  ids: number[]
  /** True when the piece was too long to replay (more than TRACE_MAX_SYMBOLS parts): no steps. */
  tooLong?: boolean
}

/** Longest piece (in starting parts) whose merges are replayed; a longer one gets no steps. */
export const TRACE_MAX_SYMBOLS = 4096
