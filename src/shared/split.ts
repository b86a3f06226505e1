import { FLAG_SPLIT_START } from './tokenSpans'
import type { TokenView } from './tokenView'

/** One chunk of a split: tokens [first, end) and their text [from, to). */
export interface SplitChunk {
  index: number
  first: number
  end: number
  from: number
  to: number
}

/** Most chunks a split produces (a guard against a chunk size of 1 on a huge text). */
export const MAX_SPLIT_CHUNKS = 100_000

/** Moves a token index back to the start of the character it is inside (if any). */
function cleanStart(tokens: TokenView, i: number): number {
  while (i > 0 && i < tokens.count && tokens.flags(i) & FLAG_SPLIT_START) i--
  return i
}

/**
 * Cuts the text into chunks of at most `size` tokens, each starting `size - overlap`
 * tokens after the previous one, so neighbours share `overlap` tokens. Cuts fall on token
 * boundaries and never inside a character: where one would, it moves back to the
 * character's start (that chunk then has a token or two fewer; only a chunk size smaller
 * than one character's tokens makes a chunk longer, to keep the character). Throws on a size below 1
 * or an overlap outside [0, size).
 */
export function splitRanges(tokens: TokenView, size: number, overlap: number): SplitChunk[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('The chunk size must be a whole number of at least 1 token.')
  if (!Number.isInteger(overlap) || overlap < 0 || overlap >= size) {
    throw new RangeError('The overlap must be a whole number of tokens, at least 0 and less than the chunk size.')
  }
  const n = tokens.count
  const step = size - overlap
  const chunks: SplitChunk[] = []
  const isSplit = (i: number) => i > 0 && i < n && (tokens.flags(i) & FLAG_SPLIT_START) !== 0
  let prevFirst = -1
  for (let start = 0, k = 0; start < n && k < MAX_SPLIT_CHUNKS; start += step, k++) {
    let first = cleanStart(tokens, start)
    if (first <= prevFirst) {
      // Moving back put us on the previous chunk's start: go forward to the next clean cut.
      first = prevFirst + 1
      while (isSplit(first)) first++
    }
    if (first >= n) break
    let end = start + size >= n ? n : cleanStart(tokens, start + size)
    if (end <= first) {
      // One character takes more tokens than the chunk size: keep it whole.
      end = first + 1
      while (isSplit(end)) end++
    }
    chunks.push({ index: chunks.length, first, end, from: tokens.start(first), to: end >= n ? tokens.end(n - 1) : tokens.start(end) })
    prevFirst = first
    if (end >= n) break
  }
  return chunks
}

/** JSON Lines, one chunk per line: index, token count, first token, text. */
export function chunksToJsonl(chunks: readonly SplitChunk[], sliceText: (from: number, to: number) => string): string {
  return chunks.map((c) => JSON.stringify({ index: c.index, tokens: c.end - c.first, firstToken: c.first, text: sliceText(c.from, c.to) })).join('\n') + '\n'
}
