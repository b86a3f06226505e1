import { isLetter, isSpace, isWordPart } from './openai/splitPatterns'
import type { ChunkCutRule } from './tokenizer'

// Letters, marks, numbers and white space are tiktoken's (splitPatterns.ts), not the engine's:
// a cut rule built on the engine's \p{L} or \s disagrees with the split on characters new in
// Unicode 17 (U+088F is a letter to Node 20, punctuation to tiktoken) and on U+0085 / U+FEFF.

/**
 * True when encoding text[0, i) and text[i, end) separately gives the same tokens as
 * encoding the whole, for every supported encoding: text[i-1] is a newline, text[i-2]
 * is not whitespace and text[i] is a letter (DESIGN.md section 2; checked by property
 * tests against whole-text encoding). A newline after one non-space character ends
 * every pre-token pattern, and a letter cannot glue onto a preceding newline.
 */
export function isSafeCut(text: string, i: number): boolean {
  if (i < 2 || i >= text.length) return false
  if (text.charCodeAt(i - 1) !== 10) return false
  // A low surrogate before the newline belongs to a non-space astral character: fine.
  if (isSpace(text.charCodeAt(i - 2))) return false
  return isLetter(text.codePointAt(i)!)
}

/**
 * The second safe cut, for long lines (minified JSON, prose without newlines): text[i-1]
 * is a letter and text[i] cannot continue a word (not a letter, mark or digit), nor start
 * a contraction suffix (' or ’, which also join words in the word count), nor sit inside
 * a special-token name (| or _). Every encoding's
 * pre-token patterns end a letter run at such a character, none of them looks behind, and
 * the left piece cannot end in whitespace, so the regex scan restarts at i unchanged and
 * both pieces encode as in the whole (property-tested for every encoding).
 */
export function isSafeWordCut(text: string, i: number): boolean {
  if (i < 1 || i >= text.length) return false
  const c = text.charCodeAt(i)
  if (c === 0x27 || c === 0x2019 || c === 0x7c || c === 0x5f) return false
  // Never between the two halves of a surrogate pair.
  if (c >= 0xdc00 && c <= 0xdfff && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) return false
  if (c < 0x80) {
    // ASCII fast path: letters and digits continue a word.
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return false
  } else if (isWordPart(text.codePointAt(i)!)) return false
  let j = i - 1
  const b = text.charCodeAt(j)
  if (b < 0x80) return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)
  if (b >= 0xdc00 && b <= 0xdfff) {
    // The second half of a pair: the letter test reads the whole character. A lone half
    // is no letter (it encodes as U+FFFD, which joins a following newline).
    if (j > 0 && (text.charCodeAt(j - 1) & 0xfc00) === 0xd800) j--
    else return false
  }
  return isLetter(text.codePointAt(j)!)
}

/** Inside a line, a word cut is taken only this many times minChars past the chunk start. */
const LONG_LINE_FACTOR = 2

/** The OpenAI encodings' rules above (also those of the tokenizers whose pre-tokenizer splits like tiktoken's). */
export const TIKTOKEN_CUTS: ChunkCutRule = { isSafeCut, isSafeWordCut }

/**
 * The next chunk end after `pos`: the first position at or after pos + minChars that is a
 * newline cut (rule.isSafeCut), or a word cut (rule.isSafeWordCut) at least LONG_LINE_FACTOR *
 * minChars on; else the text's end. Chunks so end at line starts when lines are short and
 * inside long lines otherwise. The answer depends only on the text from pos - 2 up to it
 * (the first acceptable position wins), which is what lets an edit re-cut locally.
 * `rule` is the tokenizer's (Tokenizer.chunkCuts); null (no safe cut known) makes the rest
 * of the text one chunk.
 */
export function nextChunkEnd(text: string, pos: number, minChars: number, rule: ChunkCutRule | null = TIKTOKEN_CUTS): number {
  if (rule === null) return text.length
  const wordCut = rule.isSafeWordCut
  const wordFrom = pos + LONG_LINE_FACTOR * minChars
  // Newline cuts alone up to where word cuts may start (to the end without a word rule).
  const newlineUntil = wordCut ? Math.min(wordFrom, text.length) : text.length
  for (let from = pos + minChars; from < newlineUntil; ) {
    const nl = text.indexOf('\n', from - 1)
    if (nl < 0 || nl + 1 >= newlineUntil) break
    if (rule.isSafeCut(text, nl + 1)) return nl + 1
    from = nl + 2
  }
  if (!wordCut) return text.length
  // From there on, the first cut of either kind. (Scanning newlines to the end first would cost
  // the rest of the text per chunk when no newline is a cut, as for Metaspace's space cuts.)
  for (let i = Math.max(wordFrom, pos + minChars); i < text.length; i++) {
    if (text.charCodeAt(i - 1) === 10 && rule.isSafeCut(text, i)) return i
    if (wordCut(text, i)) return i
  }
  return text.length
}
