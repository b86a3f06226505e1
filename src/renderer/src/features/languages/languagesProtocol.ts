import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { UdhrLanguage } from '@shared/languages/corpus'

/** A language as the page holds it: the corpus entry without its text (the worker keeps the texts). */
export type LanguageInfo = Omit<UdhrLanguage, 'text'>

/** A job for the languages worker. */
export type LanguagesJob =
  /** Counts every translation with each tokenizer, in order (a newer count job stops an older one). */
  | { type: 'count'; tokenizers: TokenizerId[]; mode: SpecialMode }
  /** One translation's text, to load into the editor. */
  | { type: 'text'; code: string }

/** A job as posted: `seq` comes back on every answer to it. */
export type LanguagesRequest = LanguagesJob & { seq: number }

/** The languages worker's answers (each carries its request's `seq`). */
export type LanguagesResponse = (
  /** The corpus is read: its languages in corpus order and their character counts (the same for every tokenizer). */
  | { type: 'corpus'; source: string; languages: LanguageInfo[]; characters: number[] }
  /**
   * Counting with `tokenizer`: the translations counted since the last message (their corpus
   * indices and token counts; English comes first) and `done` of `total` so far (the tokenizer loads at done 0).
   */
  | { type: 'progress'; tokenizer: TokenizerId; mode: SpecialMode; indices: number[]; tokens: number[]; done: number; total: number }
  /** Every translation's token count with `tokenizer`, in corpus order. */
  | { type: 'counts'; tokenizer: TokenizerId; mode: SpecialMode; tokens: number[] }
  /** `tokenizer` could not be loaded or used; the others still count. */
  | { type: 'tokenizerError'; tokenizer: TokenizerId; message: string }
  | { type: 'done' }
  | { type: 'text'; code: string; text: string }
  /** The job failed as a whole (the corpus could not be read). */
  | { type: 'error'; message: string }
) & { seq: number }
