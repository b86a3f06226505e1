
/** Text measurements shown beside the token count. */
export interface TextCounts {
  /** Unicode code points (an emoji with modifiers counts each code point). */
  characters: number
  /** Runs of non-whitespace characters. */
  words: number
  /** UTF-8 bytes, as sent to a model API. */
  bytes: number
  /** Newlines (a CRLF pair counts once); add 1 for the line count of a whole document. */
  newlines: number
}

/** An all-zero TextCounts. */
export const ZERO_COUNTS: TextCounts = { characters: 0, words: 0, bytes: 0, newlines: 0 }

function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  )
}

/** Counts text[start, end) in one pass. A word may not straddle `start` if counts are to be summed. */
export function countText(text: string, start = 0, end = text.length): TextCounts {
  let characters = 0
  let words = 0
  let bytes = 0
  let newlines = 0
  let inWord = false
  const len = text.length
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    characters++
    if (c < 0x80) {
      bytes += 1
      if (c === 10) newlines++
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) newlines++
      // ASCII whitespace: tab, LF, VT, FF, CR, space.
      if (c === 32 || (c >= 9 && c <= 13)) inWord = false
      else if (!inWord) {
        inWord = true
        words++
      }
      continue
    }
    if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < len && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
    if (isSpace(c)) inWord = false
    else if (!inWord) {
      inWord = true
      words++
    }
  }
  return { characters, words, bytes, newlines }
}

/** Adds two TextCounts of adjacent pieces that do not split a word. */
export function addCounts(a: TextCounts, b: TextCounts): TextCounts {
  return {
    characters: a.characters + b.characters,
    words: a.words + b.words,
    bytes: a.bytes + b.bytes,
    newlines: a.newlines + b.newlines,
  }
}

/** Characters per token, or null when there are no tokens. */
export function charsPerToken(characters: number, tokens: number): number | null {
  return tokens > 0 ? characters / tokens : null
}
