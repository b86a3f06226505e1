import type { EncodingName } from './encodings'
import { LOWER_LETTERS, MARKS, MODIFIER_OTHER_LETTERS, NUMBERS, UPPER_TITLE_LETTERS, WHITE_SPACE } from './unicodeClasses.gen'

/**
 * The pre-token split patterns of OpenAI's encodings, as tiktoken has them, written for
 * JavaScript's regex engine with every class spelled out from pinned Unicode 16 tables
 * (unicodeClasses.gen.ts) instead of `\p{…}` and `\s`, whose meaning follows the engine
 * that runs the app (Unicode 17 in Node 20.20, and JavaScript's `\s` has U+FEFF but not
 * U+0085, the reverse of Rust's). Rust's case-insensitive `(?i:'s|…)` also matches the long
 * s (U+017F, which folds to s); no other character folds to t, r, e, v, m, l or d.
 */

const L = UPPER_TITLE_LETTERS + LOWER_LETTERS + MODIFIER_OTHER_LETTERS
const N = NUMBERS
const S = WHITE_SPACE
/** Rust's `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`. */
const UPPER_LIKE = UPPER_TITLE_LETTERS + MODIFIER_OTHER_LETTERS + MARKS
/** Rust's `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`. */
const LOWER_LIKE = LOWER_LETTERS + MODIFIER_OTHER_LETTERS + MARKS

const CONTRACTIONS_EXACT = `'s|'t|'re|'ve|'m|'ll|'d`
const CONTRACTIONS_ANY_CASE = `'(?:[sS\\u{17f}]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD])`

const R50K = `${CONTRACTIONS_EXACT}| ?[${L}]+| ?[${N}]+| ?[^${S}${L}${N}]+|[${S}]+(?![^${S}])|[${S}]+`
const CL100K = `${CONTRACTIONS_ANY_CASE}|[^\\r\\n${L}${N}]?[${L}]+|[${N}]{1,3}| ?[^${S}${L}${N}]+[\\r\\n]*|[${S}]*[\\r\\n]+|[${S}]+(?![^${S}])|[${S}]+`
const O200K = [
  `[^\\r\\n${L}${N}]?[${UPPER_LIKE}]*[${LOWER_LIKE}]+(?:${CONTRACTIONS_ANY_CASE})?`,
  `[^\\r\\n${L}${N}]?[${UPPER_LIKE}]+[${LOWER_LIKE}]*(?:${CONTRACTIONS_ANY_CASE})?`,
  `[${N}]{1,3}`,
  ` ?[^${S}${L}${N}]+[\\r\\n/]*`,
  `[${S}]*[\\r\\n]+`,
  `[${S}]+(?![^${S}])`,
  `[${S}]+`,
].join('|')

const PATTERNS: Record<EncodingName, string> = {
  r50k_base: R50K,
  p50k_base: R50K,
  p50k_edit: R50K,
  cl100k_base: CL100K,
  o200k_base: O200K,
  o200k_harmony: O200K,
}

/** A new global regex that splits text into the pre-token pieces of `name`, as tiktoken does. */
export function splitRegex(name: EncodingName): RegExp {
  return new RegExp(PATTERNS[name], 'gu')
}

const LETTER = new RegExp(`^[${L}]$`, 'u')
const WORD_PART = new RegExp(`^[${L}${MARKS}${N}]$`, 'u')
const SPACE = new RegExp(`^[${S}]$`, 'u')

/** True when code point `cp` is a letter (L) in the pinned tables. */
export function isLetter(cp: number): boolean {
  return LETTER.test(String.fromCodePoint(cp))
}

/** True when code point `cp` is a letter, mark or number (L, M, N) in the pinned tables. */
export function isWordPart(cp: number): boolean {
  return WORD_PART.test(String.fromCodePoint(cp))
}

/** True when code point `cp` is White_Space in the pinned tables (what the patterns call space). */
export function isSpace(cp: number): boolean {
  return SPACE.test(String.fromCodePoint(cp))
}
