import type { PieceTrace } from './mergeTrace'
import type { SpecialMode } from './specialTokens'

/** Which implementation runs a tokenizer. */
export type EngineKind = 'openai' | 'hf-fast' | 'hf-general' | 'tiktoken-file'

/**
 * Tokens of a text with their places in the ORIGINAL text (before any normalizer): the
 * shape of document/tokenize's TokenTable, so a chunk can use it as is.
 */
export interface TokenizedText {
  /** Token ids in order. */
  ids: Uint32Array
  /** UTF-16 start of each token in the original text, plus the text length at index `ids.length`. */
  starts: Uint32Array
  /** FLAG_PARTIAL / FLAG_SPLIT_START / FLAG_SPECIAL bits per token (see tokenSpans.ts). */
  flags: Uint8Array
}

/**
 * Where a text may be cut so that encoding the two parts separately gives the whole's tokens
 * (see chunking.ts for the OpenAI rules). Each rule is derived from the tokenizer's own
 * pre-tokenizer and property-tested against whole-text encoding.
 */
export interface ChunkCutRule {
  /** A cut at a line start. */
  isSafeCut(text: string, i: number): boolean
  /** A cut inside a long line (optional: without it, long lines stay whole). */
  isSafeWordCut?(text: string, i: number): boolean
  /**
   * How many characters before a cut the rule reads (default 2): an edit that far before a
   * cut re-decides it (documentModel.recutEdit). Wider when added tokens are guarded.
   */
  reach?: number
}

/**
 * One tokenizer, whatever engine runs it. It generalises LoadedEncoding: ids, special tokens,
 * token bytes, plus spans for tokenizers whose normalizer changes the text.
 */
export interface Tokenizer {
  /** Catalog id ('o200k_base', 'llama3', ...), or a file's id for a tokenizer opened from disk. */
  readonly id: string
  /** Name shown to the user. */
  readonly displayName: string
  /** The engine that runs it. */
  readonly engine: EngineKind
  /**
   * Ids of `text` with special-token strings as ordinary text (non-special added tokens of
   * a Hugging Face tokenizer still count: its encoder always matches them).
   */
  encodeOrdinary(text: string): number[]
  /** Ids and spans of `text` (mode 'special': special-token strings become their ids). */
  tokenize(text: string, mode: SpecialMode): TokenizedText
  /** Special-token string to id. */
  readonly specialTokens: ReadonlyMap<string, number>
  /** Number of ids the model's vocabulary has (special ids may lie inside or above it). */
  readonly ordinaryCount: number
  /** UTF-8 length of token `id`'s bytes (tokenBytes(id).length). */
  byteLength(id: number): number
  /** The bytes token `id` decodes to (partial characters survive). */
  tokenBytes(id: number): Uint8Array
  /** True when `id` is a special token. */
  isSpecial(id: number): boolean
  /**
   * True when the tokens' bytes always add up to the text's UTF-8 bytes (no normalizer that
   * changes the text): spans can then be summed from byteLength (tokenSpans.ts spansFromIds).
   */
  readonly byteExact: boolean
  /** Safe chunk cuts, or null: then a text is tokenized whole. */
  readonly chunkCuts: ChunkCutRule | null
  /**
   * BPE engines only: what encodeOrdinary does to each pre-token of `text`, merge by merge,
   * in the engine's own order (mergeTrace.ts); the traces' ids joined are encodeOrdinary(text).
   */
  mergeTrace?(text: string): PieceTrace[]
  /** The tokenizer.json model type ('BPE', 'WordPiece', 'Unigram', ...) where the engine knows it. */
  readonly modelType?: string
}
