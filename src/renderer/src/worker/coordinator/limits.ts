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
 * in the status bar: the general engine takes about a second for it (measured: ~0.3 s per
 * 100,000 characters of mixed text on these machines).
 */
export const WHOLE_TEXT_NOTICE_CHARS = 300 * 1024
