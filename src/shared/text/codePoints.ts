/**
 * Code-point offsets over JavaScript (UTF-16) strings. Python's `str` indexes, Rust's
 * `chars()` and the app's "Characters" count all go by code point; an emoji is one code
 * point and two UTF-16 units. A lone surrogate counts as one code point.
 */

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** Number of surrogate pairs whose second half is in text[from, to) (each makes two units one code point). */
export function pairsIn(text: string, from = 0, to = text.length): number {
  let pairs = 0
  for (let i = Math.max(from, 1); i < to; i++) if (isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) pairs++
  return pairs
}

/** The code-point offset of UTF-16 offset `pos` in `text`: how many code points start before it. */
export function codePointOffset(text: string, pos: number): number {
  return pos - pairsIn(text, 0, pos)
}

/**
 * Converts UTF-16 offsets of one text to code-point offsets, for offsets asked in
 * ascending order (a token list's starts and ends): the whole list costs one pass over the text.
 */
export class CodePointCursor {
  private unit = 0
  private point = 0
  constructor(private readonly text: string) {}
  /** The code-point offset of `pos` (pos at or after the previous one asked). */
  at(pos: number): number {
    if (pos < this.unit) throw new RangeError('CodePointCursor: offsets must be asked in ascending order.')
    this.point += pos - this.unit - pairsIn(this.text, this.unit, pos)
    this.unit = pos
    return this.point
  }
}
