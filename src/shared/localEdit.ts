import { recutEdit } from './documentModel'
import type { LoadedEncoding } from './encodingLoader'
import type { SpecialMode } from './specialTokens'
import type { TokenIndex, TokenSplice } from './tokenIndex'
import { CHUNK_CHARS, tokenizeChunk } from './tokenize'
import type { TextEdit } from './workerProtocol'

/**
 * Most characters the UI thread re-cuts and encodes for one edit (about a millisecond of
 * encoding); larger edits are left to the worker.
 */
export const LOCAL_EDIT_MAX_CHARS = 24 * 1024

/**
 * The token splice for one small edit, computed on the thread where the edit happened so
 * the count and colours can change in the same frame as the keystroke. It is the splice
 * the worker computes for the same edit (same cut rule through recutEdit, same encoder),
 * so either may be applied. `index` must describe the text before the edit, whose
 * characters `oldText(from, to)` returns. Null when the edit is not small or the index
 * is not complete (chunks still waiting for tokens): then the worker answers.
 */
export function localTokenSplice(
  index: TokenIndex,
  oldText: (from: number, to: number) => string,
  edit: TextEdit,
  encoding: LoadedEncoding,
  mode: SpecialMode,
  minChars = CHUNK_CHARS,
): TokenSplice | null {
  const chunks = index.chunkList
  if (chunks.length === 0 || index.pending > 0) return null
  const [from, to, insert] = edit
  const r = recutEdit(chunks, (k) => oldText(chunks[k].start, chunks[k].end), minChars, from, to, insert, LOCAL_EDIT_MAX_CHARS)
  if (!r) return null
  return {
    from: r.from,
    remove: r.remove,
    shift: r.shift,
    insert: r.insert.map((c, k) => ({ start: c.start, end: c.end, tokens: tokenizeChunk(r.texts[k], 0, r.texts[k].length, encoding, mode) })),
  }
}
