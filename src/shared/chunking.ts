const LETTER = /\p{L}/u
const WHITESPACE = /\s/u

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
  const before = text[i - 2]
  if (WHITESPACE.test(before)) return false
  // A low surrogate before the newline belongs to a non-space astral character: fine.
  return LETTER.test(text.codePointAt(i) === undefined ? '' : String.fromCodePoint(text.codePointAt(i)!))
}

/** The next chunk end after `pos`: the first safe cut at or after pos + minChars, or the text's end. */
export function nextChunkEnd(text: string, pos: number, minChars: number): number {
  let from = pos + minChars
  while (from < text.length) {
    const nl = text.indexOf('\n', from - 1)
    if (nl < 0 || nl + 1 >= text.length) break
    if (isSafeCut(text, nl + 1)) return nl + 1
    from = nl + 2
  }
  return text.length
}
