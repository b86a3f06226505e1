// Sizes that decide where a chunk is encoded: at once while answering an edit, in the
// coordinator's loop, or by a helper.

/** Edits whose new chunks total at most this many characters are encoded before replying. */
export const SYNC_CHARS = 64 * 1024
/** Chunks longer than this (one huge line) go to a helper so the coordinator stays responsive. */
export const BIG_CHUNK_CHARS = 32 * 1024
/** Pending characters above which helpers share the work. */
export const HELPER_BATCH_CHARS = 256 * 1024
