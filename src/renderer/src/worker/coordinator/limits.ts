import type { EngineKind } from '@shared/tokenizer/tokenizer'
// Sizes that decide where a chunk is encoded: at once while answering an edit, in the
// coordinator's loop, or by a helper.

/** Edits whose new chunks total at most this many characters are encoded before replying. */
export const SYNC_CHARS = 64 * 1024
/** Chunks longer than this (one huge line) go to a helper so the coordinator stays responsive. */
export const BIG_CHUNK_CHARS = 32 * 1024
/** Pending characters above which helpers share the work. */
export const HELPER_BATCH_CHARS = 256 * 1024
/**
 * A text tokenized as one piece (no safe cut rule) from this many characters on is announced
 * in the status bar: about a second of work. Measured on mixed text (makeCorpus) on these
 * 2-core machines under load: the general engine ~0.3 M characters a second, the fast one
 * ~2.5 M.
 */
export const WHOLE_TEXT_NOTICE_CHARS = 300 * 1024

/** The notice size for an engine: WHOLE_TEXT_NOTICE_CHARS for the general engine, 8 times that for the faster ones. */
export function wholeTextNoticeChars(engine: EngineKind): number {
  return engine === 'hf-general' ? WHOLE_TEXT_NOTICE_CHARS : 8 * WHOLE_TEXT_NOTICE_CHARS
}
