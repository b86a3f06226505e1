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

/**
 * Cuts text[start, end) into chunks of at least `minChars` (except the last) at safe cuts.
 * Returns the chunk boundaries including start and end. Boundaries depend only on the text
 * after a shared earlier boundary, so an edit disturbs only the chunks near it.
 */
export function chunkBoundaries(text: string, start: number, end: number, minChars: number): number[] {
  const cuts = [start]
  let from = start + minChars
  while (from < end) {
    const nl = text.indexOf('\n', from - 1)
    if (nl < 0 || nl + 1 >= end) break
    const i = nl + 1
    if (isSafeCut(text, i)) {
      cuts.push(i)
      from = i + minChars
    } else {
      from = i + 1
    }
  }
  if (cuts[cuts.length - 1] !== end) cuts.push(end)
  return cuts
}
