import { retokenizeEditedChunk } from './chunkRetokenize'
import { cutText, recutEdit, type ChunkSource, type Recut } from './documentModel'
import type { SpecialMode } from '../tokenizer/specialTokens'
import type { TokenIndex, TokenSplice } from './tokenIndex'
import { asTokenizer, CHUNK_CHARS, tokenizeChunk, type TokenizerInput } from './tokenize'
import type { TextEdit } from './documentModel'

/**
 * Most characters the UI thread re-cuts and encodes for one edit (about a millisecond of
 * encoding); larger edits are left to the worker, except the part of them on screen.
 */
export const LOCAL_EDIT_MAX_CHARS = 24 * 1024

/**
 * Longest run of one kind of character (letters and marks, other symbols, white space) that
 * the UI thread encodes: such a run is one piece for the encoder, whose merge grows faster than
 * its length (10,000 right-to-left overrides: 110-270 ms on this 2-core machine, per keystroke
 * beside them). A chunk holding a longer run is left to the worker (issue 26).
 */
export const LOCAL_MAX_RUN_CHARS = 1024

/** Runs of letters and marks, of other symbols, or of white space: each match is one run. */
const RUNS = /[\p{L}\p{M}]+|[^\s\p{L}\p{N}]+|\s+/gu

/** True when `text` holds a run of one kind of character of LOCAL_MAX_RUN_CHARS or more (one scan, linear). */
export function hasLongRun(text: string): boolean {
  if (text.length < LOCAL_MAX_RUN_CHARS) return false
  RUNS.lastIndex = 0
  for (let m = RUNS.exec(text); m; m = RUNS.exec(text)) if (m[0].length >= LOCAL_MAX_RUN_CHARS) return true
  return false
}

/** Whether the chunk [start, end) of the text after an edit will be on screen. */
export type OnScreen = (start: number, end: number) => boolean

/** Options of localTokenSplice. */
export interface LocalEditOptions {
  /** For a big edit (a paste, an opened file): which new chunks to encode here; the rest are left pending for the worker. */
  onScreen?: OnScreen
  /** Smallest chunk (tests use small ones). */
  minChars?: number
}

/**
 * The token splice for one edit, computed on the thread where the edit happened so the
 * count and colours can change in the same frame as the keystroke. It is the splice the
 * worker computes for the same edit (same cuts, the tokenizer's, through recutEdit or, in an empty
 * document, cutText; same encoder), so either may be applied. A small edit comes back fully encoded.
 * A big one, given `onScreen`, comes back with only its on-screen chunks encoded (at most
 * LOCAL_EDIT_MAX_CHARS) and the others pending, so the first colours of a paste need no
 * round trip to the worker; the worker's fills complete it. `index` must describe the text
 * before the edit, whose characters `oldText(from, to)` returns. Null when the index is not
 * complete (chunks still waiting for tokens) or the edit is big and `onScreen` not given:
 * then the worker answers.
 */
export function localTokenSplice(
  index: TokenIndex,
  oldText: (from: number, to: number) => string,
  edit: TextEdit,
  input: TokenizerInput,
  mode: SpecialMode,
  { onScreen, minChars = CHUNK_CHARS }: LocalEditOptions = {},
): TokenSplice | null {
  // The index's chunks read in place: a keystroke costs O(log n), not a copy of the list.
  const chunks: ChunkSource = { length: index.chunkCount, at: (k) => index.chunk(k), indexAt: (pos) => index.chunkAt(pos) }
  if (index.pending > 0) return null
  const tokenizer = asTokenizer(input)
  const rule = tokenizer.chunkCuts
  const [from, to, insert] = edit
  let recut: Recut | null
  let small: boolean
  if (chunks.length === 0) {
    // An empty document: the worker cuts the inserted text afresh.
    if (from !== 0 || to !== 0) return null
    const fresh = cutText(insert, minChars, rule)
    recut = { from: 0, remove: 0, shift: 0, insert: fresh, texts: fresh.map((c) => insert.slice(c.start, c.end)) }
    small = insert.length <= LOCAL_EDIT_MAX_CHARS
  } else {
    const read = (k: number) => {
      const c = chunks.at(k)
      return oldText(c.start, c.end)
    }
    recut = recutEdit(chunks, read, minChars, from, to, insert, LOCAL_EDIT_MAX_CHARS, rule)
    small = recut !== null
    if (!recut && onScreen) recut = recutEdit(chunks, read, minChars, from, to, insert, Infinity, rule)
  }
  if (!recut || (!small && !onScreen)) return null
  let budget = LOCAL_EDIT_MAX_CHARS
  const encodeHere = (start: number, end: number, k: number) => {
    // One long piece (a run of 10,000 bidi overrides) costs more here than a keystroke may: the worker encodes it.
    if (hasLongRun(recut.texts[k])) return false
    if (small) return true
    if (end - start > budget || !onScreen!(start, end)) return false
    budget -= end - start
    return true
  }
  // A keystroke inside one chunk: only the words or lines around it are encoded again.
  const edited = recut.remove === 1 && recut.insert.length === 1 ? index.chunk(recut.from) : null
  const inOneChunk = edited?.tokens && edited.start === recut.insert[0].start && from >= edited.start && to <= edited.end
  const encode = (k: number) =>
    inOneChunk && edited?.tokens
      ? retokenizeEditedChunk(edited.tokens, oldText(edited.start, edited.end), recut.texts[0], from - edited.start, to - edited.start, insert.length, tokenizer, mode)
      : tokenizeChunk(recut.texts[k], 0, recut.texts[k].length, tokenizer, mode)
  return {
    from: recut.from,
    remove: recut.remove,
    shift: recut.shift,
    insert: recut.insert.map((c, k) => ({ start: c.start, end: c.end, tokens: encodeHere(c.start, c.end, k) ? encode(k) : null })),
  }
}
