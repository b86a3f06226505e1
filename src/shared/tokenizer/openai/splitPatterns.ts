import type { EncodingName } from './encodings'
import { LOWER_LETTERS, MARKS, MODIFIER_OTHER_LETTERS, NUMBERS, UPPER_TITLE_LETTERS, WHITE_SPACE } from './unicodeClasses.gen'

/*
 * The pre-token split of OpenAI's encodings, exactly as tiktoken splits: its patterns (below,
 * as regexes for reference) read by hand-written scanners over a class table built from
 * pinned Unicode 16 tables (unicodeClasses.gen.ts), never from the JavaScript engine's `\p{…}`
 * and `\s`. Those follow the engine (Unicode 17 in Node 20.20: some 4,700 characters differ),
 * and JavaScript's `\s` has U+FEFF but not U+0085, the reverse of Rust's. A regex with the
 * classes spelled out is exact but V8 stops optimising patterns over 20 KB: it split 10x
 * slower than the scanners. Rust's case-insensitive `(?i:'s|…)` also matches the long s
 * (U+017F folds to s); no other character folds to t, r, e, v, m, l or d.
 */

// Class bits per code point.
const UPPER = 1 // Lu, Lt
const LOWER = 2 // Ll
const OTHER_LETTER = 4 // Lm, Lo
const MARK = 8 // M
const NUMBER = 16 // N
const SPACE = 32 // White_Space
const LETTER = UPPER | LOWER | OTHER_LETTER
/** o200k's `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`. */
const UPPER_LIKE = UPPER | OTHER_LETTER | MARK
/** o200k's `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`. */
const LOWER_LIKE = LOWER | OTHER_LETTER | MARK

let table: Uint8Array | undefined

/** Class bits of every code point (1.1 MB, built once on first use). */
function classTable(): Uint8Array {
  if (table) return table
  const t = new Uint8Array(0x110000)
  const fill = (ranges: readonly number[], bit: number) => {
    for (let i = 0; i < ranges.length; i += 2) for (let cp = ranges[i]; cp <= ranges[i + 1]; cp++) t[cp] |= bit
  }
  fill(UPPER_TITLE_LETTERS, UPPER)
  fill(LOWER_LETTERS, LOWER)
  fill(MODIFIER_OTHER_LETTERS, OTHER_LETTER)
  fill(MARKS, MARK)
  fill(NUMBERS, NUMBER)
  fill(WHITE_SPACE, SPACE)
  table = t
  return t
}

/**
 * Finds the end of the pre-token piece that starts at `start` (< text.length). Positions are
 * UTF-16 indices; a lone surrogate is one character of no class (tiktoken sees U+FFFD).
 */
export type PieceScanner = (text: string, start: number) => number

/** Reads code points and their classes; positions always sit on character boundaries. */
class Reader {
  constructor(
    readonly text: string,
    readonly cls: Uint8Array,
  ) {}
  /** Code point at i (a lone surrogate as itself). */
  cp(i: number): number {
    const c = this.text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < this.text.length) {
      const d = this.text.charCodeAt(i + 1)
      if ((d & 0xfc00) === 0xdc00) return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
    }
    return c
  }
  /** Class bits of the character at i (0 past the end). */
  at(i: number): number {
    return i < this.text.length ? this.cls[this.cp(i)] : 0
  }
  /** Index after the character at i. */
  next(i: number): number {
    return i + (this.cp(i) > 0xffff ? 2 : 1)
  }
  /** Index of the character before i (i > 0). */
  prev(i: number): number {
    const d = this.text.charCodeAt(i - 1)
    if ((d & 0xfc00) === 0xdc00 && i >= 2 && (this.text.charCodeAt(i - 2) & 0xfc00) === 0xd800) return i - 2
    return i - 1
  }
  /** End of the run of characters from i whose class has one of `bits`. */
  run(i: number, bits: number): number {
    const n = this.text.length
    while (i < n && this.cls[this.cp(i)] & bits) i = this.next(i)
    return i
  }
  /** End of the run of characters from i that have no bit of `bits` (and are not excluded code units). */
  runWithout(i: number, bits: number): number {
    const n = this.text.length
    while (i < n && !(this.cls[this.cp(i)] & bits)) i = this.next(i)
    return i
  }
  isLineEnd(i: number): boolean {
    const c = this.text.charCodeAt(i)
    return c === 10 || c === 13
  }
}

/** `'s|'t|'re|'ve|'m|'ll|'d` at i: its end, or -1. Case-insensitive as Rust folds (`'ſ` too) when `anyCase`. */
function contractionEnd(text: string, i: number, anyCase: boolean): number {
  if (text.charCodeAt(i) !== 39 || i + 1 >= text.length) return -1
  let a = text.charCodeAt(i + 1)
  let b = i + 2 < text.length ? text.charCodeAt(i + 2) : 0
  if (anyCase) {
    if (a === 0x17f) return i + 2
    if (a >= 65 && a <= 90) a += 32
    if (b >= 65 && b <= 90) b += 32
  }
  if (a === 115 || a === 116 || a === 109 || a === 100) return i + 2 // s t m d
  if ((a === 114 || a === 118) && b === 101) return i + 3 // re ve
  if (a === 108 && b === 108) return i + 3 // ll
  return -1
}

/** `\s+(?!\S)|\s+` at i, where the character at i is white space: the run, less its last character when more text follows. */
function spaceRun(r: Reader, i: number): number {
  const end = r.run(i, SPACE)
  if (end === r.text.length) return end
  const last = r.prev(end)
  return last > i ? last : end
}

/** `\s*[\r\n]+` at i: through the run's last line end, or -1 when the white-space run at i has none. */
function spaceThroughLineEnd(r: Reader, i: number): number {
  const end = r.run(i, SPACE)
  for (let j = end; j > i; ) {
    j = r.prev(j)
    if (r.isLineEnd(j)) return j + 1
  }
  return -1
}

/** r50k_base, p50k_base, p50k_edit: `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+` */
function scanR50k(r: Reader, i: number): number {
  const contraction = contractionEnd(r.text, i, false)
  if (contraction >= 0) return contraction
  const q = r.text.charCodeAt(i) === 32 && i + 1 < r.text.length ? i + 1 : i
  const k = r.at(q)
  if (k & LETTER) return r.run(q, LETTER)
  if (k & NUMBER) return r.run(q, NUMBER)
  if (!(k & (SPACE | LETTER | NUMBER))) return r.runWithout(q, SPACE | LETTER | NUMBER)
  return spaceRun(r, i)
}

/** cl100k_base: `(?i:'s|…)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+` */
function scanCl100k(r: Reader, i: number): number {
  const contraction = contractionEnd(r.text, i, true)
  if (contraction >= 0) return contraction
  const k = r.at(i)
  if (k & LETTER) return r.run(i, LETTER)
  if (!(k & NUMBER) && !r.isLineEnd(i)) {
    const after = r.next(i)
    if (r.at(after) & LETTER) return r.run(after, LETTER)
  }
  if (k & NUMBER) {
    let end = i
    for (let n = 0; n < 3 && r.at(end) & NUMBER; n++) end = r.next(end)
    return end
  }
  const q = r.text.charCodeAt(i) === 32 && i + 1 < r.text.length ? i + 1 : i
  if (!(r.at(q) & (SPACE | LETTER | NUMBER))) {
    let end = r.runWithout(q, SPACE | LETTER | NUMBER)
    while (end < r.text.length && r.isLineEnd(end)) end++
    return end
  }
  const line = spaceThroughLineEnd(r, i)
  return line >= 0 ? line : spaceRun(r, i)
}

/** `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+` at i (with Rust's backtracking): its end, or -1. */
function upperThenLower(r: Reader, i: number): number {
  const upperEnd = r.run(i, UPPER_LIKE)
  if (r.at(upperEnd) & LOWER_LIKE) return r.run(upperEnd, LOWER_LIKE)
  // Give back upper-like characters until one that is also lower-like ends the match.
  for (let j = upperEnd; j > i; ) {
    j = r.prev(j)
    if (r.at(j) & LOWER_LIKE) return r.next(j)
  }
  return -1
}

/** `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*` at i: its end, or -1. */
function upperRunThenLower(r: Reader, i: number): number {
  if (!(r.at(i) & UPPER_LIKE)) return -1
  return r.run(r.run(i, UPPER_LIKE), LOWER_LIKE)
}

/** An o200k word alternative (with its optional prefix character and contraction) at i: its end, or -1. */
function o200kWord(r: Reader, i: number, word: (r: Reader, i: number) => number): number {
  const k = r.at(i)
  let end = -1
  if (!(k & (LETTER | NUMBER)) && !r.isLineEnd(i)) end = word(r, r.next(i))
  if (end < 0) end = word(r, i)
  if (end < 0) return -1
  const contraction = contractionEnd(r.text, end, true)
  return contraction >= 0 ? contraction : end
}

/** o200k_base, o200k_harmony: see the pattern in the reference regex below. */
function scanO200k(r: Reader, i: number): number {
  const first = o200kWord(r, i, upperThenLower)
  if (first >= 0) return first
  const second = o200kWord(r, i, upperRunThenLower)
  if (second >= 0) return second
  const k = r.at(i)
  if (k & NUMBER) {
    let end = i
    for (let n = 0; n < 3 && r.at(end) & NUMBER; n++) end = r.next(end)
    return end
  }
  const q = r.text.charCodeAt(i) === 32 && i + 1 < r.text.length ? i + 1 : i
  if (!(r.at(q) & (SPACE | LETTER | NUMBER))) {
    let end = r.runWithout(q, SPACE | LETTER | NUMBER)
    while (end < r.text.length && (r.isLineEnd(end) || r.text.charCodeAt(end) === 47)) end++
    return end
  }
  const line = spaceThroughLineEnd(r, i)
  return line >= 0 ? line : spaceRun(r, i)
}

const SCANNERS: Record<EncodingName, (r: Reader, i: number) => number> = {
  r50k_base: scanR50k,
  p50k_base: scanR50k,
  p50k_edit: scanR50k,
  cl100k_base: scanCl100k,
  o200k_base: scanO200k,
  o200k_harmony: scanO200k,
}

/** Calls `onPiece(start, end)` for each pre-token piece of `text`, in order, as tiktoken splits it for `name`. */
export function forEachPiece(name: EncodingName, text: string, onPiece: (start: number, end: number) => void): void {
  const scan = SCANNERS[name]
  const r = new Reader(text, classTable())
  for (let i = 0; i < text.length; ) {
    const end = scan(r, i)
    onPiece(i, end)
    i = end
  }
}

/** True when code point `cp` is a letter (L) in the pinned tables. */
export function isLetter(cp: number): boolean {
  return (classTable()[cp] & LETTER) !== 0
}

/** True when code point `cp` is a letter, mark or number (L, M, N) in the pinned tables. */
export function isWordPart(cp: number): boolean {
  return (classTable()[cp] & (LETTER | MARK | NUMBER)) !== 0
}

/** True when code point `cp` is White_Space in the pinned tables (what the patterns call space). */
export function isSpace(cp: number): boolean {
  return (classTable()[cp] & SPACE) !== 0
}

/** The inside of a regex class (`u` flag) for flat ranges. */
function classBody(...lists: (readonly number[])[]): string {
  let out = ''
  for (const ranges of lists) for (let i = 0; i < ranges.length; i += 2) out += `\\u{${ranges[i].toString(16)}}-\\u{${ranges[i + 1].toString(16)}}`
  return out
}

/**
 * tiktoken's patterns as JavaScript regexes with the pinned classes spelled out: the
 * definition the scanners implement, for tests (exact, but slow: see the note at the top).
 */
export function referenceSplitRegex(name: EncodingName): RegExp {
  const L = classBody(UPPER_TITLE_LETTERS, LOWER_LETTERS, MODIFIER_OTHER_LETTERS)
  const N = classBody(NUMBERS)
  const S = classBody(WHITE_SPACE)
  const U = classBody(UPPER_TITLE_LETTERS, MODIFIER_OTHER_LETTERS, MARKS)
  const W = classBody(LOWER_LETTERS, MODIFIER_OTHER_LETTERS, MARKS)
  const contractions = `'(?:[sS\\u{17f}]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD])`
  const tail = `[${S}]+(?![^${S}])|[${S}]+`
  const patterns: Record<'r50k' | 'cl100k' | 'o200k', string> = {
    r50k: `'s|'t|'re|'ve|'m|'ll|'d| ?[${L}]+| ?[${N}]+| ?[^${S}${L}${N}]+|${tail}`,
    cl100k: `${contractions}|[^\\r\\n${L}${N}]?[${L}]+|[${N}]{1,3}| ?[^${S}${L}${N}]+[\\r\\n]*|[${S}]*[\\r\\n]+|${tail}`,
    o200k: [
      `[^\\r\\n${L}${N}]?[${U}]*[${W}]+(?:${contractions})?`,
      `[^\\r\\n${L}${N}]?[${U}]+[${W}]*(?:${contractions})?`,
      `[${N}]{1,3}`,
      ` ?[^${S}${L}${N}]+[\\r\\n/]*`,
      `[${S}]*[\\r\\n]+`,
      tail,
    ].join('|'),
  }
  const family = name.startsWith('o200k') ? 'o200k' : name === 'cl100k_base' ? 'cl100k' : 'r50k'
  return new RegExp(patterns[family], 'gu')
}
