
/** Text measurements shown beside the token count. */
export interface TextCounts {
  /** Unicode code points (an emoji with modifiers counts each code point). */
  characters: number
  /** Runs of letters, marks and digits (an apostrophe inside joins them: don't). */
  words: number
  /** UTF-8 bytes, as sent to a model API. */
  bytes: number
  /** Newlines (a CRLF pair counts once); `lineCount` makes the line count of a whole text from them. */
  newlines: number
}

/** Whether a text ends in a line break (\n or \r; a CRLF ends in \n): pass its last character, or the whole text. */
export function endsWithLineBreak(text: string): boolean {
  const last = text.charCodeAt(text.length - 1)
  return last === 10 || last === 13
}

/**
 * The number of lines of a whole text, the one definition the app and the command line
 * share: line breaks (\n, \r\n or \r) as wc -l counts them, plus a last line that does not
 * end in one. "a\nb" and "a\nb\n" are 2 lines, "a\n\n" is 2 (one of them empty), "" is 0.
 */
export function lineCount(counts: Pick<TextCounts, 'characters' | 'newlines'>, endsWithBreak: boolean): number {
  if (counts.characters === 0) return 0
  return counts.newlines + (endsWithBreak ? 0 : 1)
}

/** An all-zero TextCounts. */
export const ZERO_COUNTS: TextCounts = { characters: 0, words: 0, bytes: 0, newlines: 0 }

let wordTable: Uint8Array | null = null

/** 1 for BMP code units that are letters, marks or digits (built once, on first use). */
function bmpWordTable(): Uint8Array {
  if (!wordTable) {
    const re = /[\p{L}\p{M}\p{N}]/u
    wordTable = new Uint8Array(0x10000)
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue
      if (re.test(String.fromCharCode(c))) wordTable[c] = 1
    }
  }
  return wordTable
}

const ASTRAL_WORD = /[\p{L}\p{M}\p{N}]/u

/**
 * Counts text[start, end) in one pass. Words are runs of letters, marks and digits, an
 * apostrophe between two of them joining the run (don't, it’s). Pieces cut at chunk cuts
 * (which never split such a run) can be counted separately and added.
 */
export function countText(text: string, start = 0, end = text.length): TextCounts {
  let characters = 0
  let words = 0
  let bytes = 0
  let newlines = 0
  let inWord = false
  let table: Uint8Array | null = null
  const len = text.length
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    characters++
    let isWord: boolean
    if (c < 0x80) {
      bytes += 1
      if (c === 10) newlines++
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) newlines++
      isWord = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
      if (!isWord && c === 0x27 && inWord && i + 1 < end && isWordAt(text, i + 1)) continue
    } else if (c < 0x800) {
      bytes += 2
      isWord = (table ??= bmpWordTable())[c] === 1
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < len && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      isWord = ASTRAL_WORD.test(text.slice(i, i + 2))
      i++
    } else {
      bytes += 3
      isWord = (table ??= bmpWordTable())[c] === 1
      if (!isWord && c === 0x2019 && inWord && i + 1 < end && isWordAt(text, i + 1)) continue
    }
    if (isWord) {
      if (!inWord) words++
      inWord = true
    } else inWord = false
  }
  return { characters, words, bytes, newlines }
}

function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
  if (c >= 0xd800 && c <= 0xdbff) return ASTRAL_WORD.test(text.slice(i, i + 2))
  return bmpWordTable()[c] === 1
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
