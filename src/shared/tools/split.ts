import { zipSync } from 'fflate'
import { FLAG_SPLIT_START } from '../tokenizer/tokenSpans'
import type { TokenView } from '../document/tokenView'

/** One chunk of a split: tokens [first, end) and their text [from, to). */
export interface SplitChunk {
  index: number
  first: number
  end: number
  from: number
  to: number
}

/** Most chunks a split makes (a guard against a chunk size of 1 on a huge text); more is refused, never cut short. */
export const MAX_SPLIT_CHUNKS = 100_000

/** Why a split would make too many chunks, and the smallest chunk size that would do. */
function tooManyChunks(tokens: number, size: number, overlap: number, max: number): string {
  const step = size - overlap
  const about = Math.ceil(Math.max(0, tokens - overlap) / step)
  const needed = overlap + Math.ceil(Math.max(0, tokens - overlap) / max)
  return (
    `Chunks of ${size.toLocaleString('en-US')} tokens${overlap > 0 ? ` overlapping by ${overlap.toLocaleString('en-US')}` : ''} would cut ` +
    `${tokens.toLocaleString('en-US')} tokens into about ${about.toLocaleString('en-US')} chunks; at most ${max.toLocaleString('en-US')} can be made at once. ` +
    `Choose a chunk size of at least ${needed.toLocaleString('en-US')} tokens${overlap > 0 ? ' or a smaller overlap' : ''}.`
  )
}

/** Moves a token index back to the start of the character it is inside (if any). */
function cleanStart(tokens: TokenView, i: number): number {
  while (i > 0 && i < tokens.count && tokens.flags(i) & FLAG_SPLIT_START) i--
  return i
}

/** The first token boundary after token `first` that is not inside a character. */
function nextCleanCut(tokens: TokenView, first: number): number {
  let i = first + 1
  while (i < tokens.count && tokens.flags(i) & FLAG_SPLIT_START) i++
  return i
}

/**
 * Cuts the text into chunks of at most `size` tokens; each chunk starts `overlap` tokens
 * before the previous one ends, so neighbours share `overlap` tokens. Cuts fall on token
 * boundaries and never inside a character: where one would, it moves back to the
 * character's start (that chunk then has a token or two fewer, or shares one or two more;
 * only a chunk size smaller than one character's tokens makes a chunk longer, to keep the
 * character). `smaller` gives chunks starting at a token a smaller size (see splitVerified).
 * Throws on a size below 1, an overlap outside [0, size), or a split into more than `max`
 * chunks (the chunks always cover the whole text).
 */
export function splitRanges(
  tokens: TokenView,
  size: number,
  overlap: number,
  smaller: ReadonlyMap<number, number> = new Map(),
  max = MAX_SPLIT_CHUNKS,
): SplitChunk[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('The chunk size must be a whole number of at least 1 token.')
  if (!Number.isInteger(overlap) || overlap < 0 || overlap >= size) {
    throw new RangeError('The overlap must be a whole number of tokens, at least 0 and less than the chunk size.')
  }
  const n = tokens.count
  const chunks: SplitChunk[] = []
  for (let first = 0; first < n; ) {
    if (chunks.length >= max) throw new RangeError(tooManyChunks(n, size, overlap, max))
    const room = Math.min(size, smaller.get(first) ?? size)
    let end = first + room >= n ? n : cleanStart(tokens, first + room)
    // One character takes more tokens than the chunk size: keep it whole.
    if (end <= first) end = nextCleanCut(tokens, first)
    chunks.push({ index: chunks.length, first, end, from: tokens.start(first), to: end >= n ? tokens.end(n - 1) : tokens.start(end) })
    if (end >= n) break
    let next = cleanStart(tokens, end - overlap)
    // Moving back put us on this chunk's start: go forward to the next clean cut.
    if (next <= first) next = nextCleanCut(tokens, first)
    first = next
  }
  return chunks
}

/**
 * splitRanges, then each chunk's text counted on its own with `countMany`: a chunk cut
 * between two tokens of one word can take more tokens alone than in the document, so any
 * chunk over `size` is cut shorter and the split redone from there until every chunk fits.
 * Returns the chunks and each one's standalone count.
 */
export async function splitVerified(
  tokens: TokenView,
  size: number,
  overlap: number,
  sliceText: (from: number, to: number) => string,
  countMany: (texts: string[]) => Promise<number[]>,
): Promise<{ chunks: SplitChunk[]; counts: number[] }> {
  const smaller = new Map<number, number>()
  const known = new Map<string, number>()
  for (let round = 0; round < 20; round++) {
    const chunks = splitRanges(tokens, size, overlap, smaller)
    const fresh = chunks.filter((c) => !known.has(`${c.from}:${c.to}`))
    const counted = await countMany(fresh.map((c) => sliceText(c.from, c.to)))
    fresh.forEach((c, k) => known.set(`${c.from}:${c.to}`, counted[k]))
    const counts = chunks.map((c) => known.get(`${c.from}:${c.to}`)!)
    let fits = true
    chunks.forEach((c, k) => {
      // A chunk of one character that takes more than `size` tokens cannot be cut shorter.
      if (counts[k] > size && c.end > nextCleanCut(tokens, c.first)) {
        fits = false
        smaller.set(c.first, Math.max(1, (smaller.get(c.first) ?? size) - (counts[k] - size)))
      }
    })
    if (fits) return { chunks, counts }
  }
  throw new Error('Could not split the text into chunks that fit; try a larger chunk size.')
}

/** JSON Lines, one chunk per line: index, token count, first token, text. */
export function chunksToJsonl(chunks: readonly SplitChunk[], sliceText: (from: number, to: number) => string): string {
  return chunks.map((c) => JSON.stringify({ index: c.index, tokens: c.end - c.first, firstToken: c.first, text: sliceText(c.from, c.to) })).join('\n') + '\n'
}

/** File names for the chunks as numbered text files: chunk-001.txt … (zero-padded so they sort). */
export function chunkFileNames(count: number, prefix = 'chunk'): string[] {
  const width = Math.max(3, String(count).length)
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(width, '0')}.txt`)
}

/** The chunks as a zip of numbered UTF-8 text files (stored, not compressed, so large documents zip fast). */
export function chunksToZip(chunks: readonly SplitChunk[], sliceText: (from: number, to: number) => string): Uint8Array {
  const names = chunkFileNames(chunks.length)
  const utf8 = new TextEncoder()
  const files: Record<string, Uint8Array> = {}
  chunks.forEach((c, i) => {
    files[names[i]] = utf8.encode(sliceText(c.from, c.to))
  })
  return zipSync(files, { level: 0 })
}
