import { nextChunkEnd, TIKTOKEN_CUTS } from '../tokenizer/chunking'
import type { ChunkCutRule } from '../tokenizer/tokenizer'
import { lastIndexAtMost } from '../text/binarySearch'
import { spliceChunks, type Splice } from './chunkSplice'

/** One text change, applied in order: replace [from, to) of the current text with `insert`. */
export type TextEdit = [from: number, to: number, insert: string]

/** A chunk of the document: text [start, end), cut only at safe cuts. */
export interface ChunkRange {
  start: number
  end: number
}

/** How the chunk list changed: chunks [from, from + remove) were replaced by `insert`; later chunks moved by `shift` characters (see Splice). */
export interface ChunkSplice extends Splice<ChunkRange> {
  insert: ChunkRange[]
}

/**
 * The document text and its chunk list, kept in step with edits. The text is held as one
 * string per chunk, so an edit never copies the whole document (a 10 MB string rebuilt per
 * keystroke costs tens of milliseconds and as much garbage). An edit re-cuts only near it
 * (recutEdit), so on a large document a keystroke touches one or two chunks. Pure: no
 * encoding happens here.
 */
export class DocumentModel {
  private chunkList: ChunkRange[] = []
  /** The text of each chunk, in step with chunkList. */
  private texts: string[] = []
  private lengthValue = 0

  /**
   * @param minChars smallest chunk (except the last): see CHUNK_CHARS
   * @param cutRule the tokenizer's safe cuts (Tokenizer.chunkCuts; null: the text is one chunk)
   */
  constructor(
    private readonly minChars: number,
    private cutRule: ChunkCutRule | null = TIKTOKEN_CUTS,
  ) {}

  /** The cut rule in use. */
  get rule(): ChunkCutRule | null {
    return this.cutRule
  }

  /** Changes the cut rule (a new tokenizer) and re-cuts the text with it. */
  setRule(rule: ChunkCutRule | null): ChunkSplice {
    this.cutRule = rule
    return this.reset(this.text)
  }

  /** The whole text, joined from the chunks (O(length): for tests and rare whole-text needs). */
  get text(): string {
    return this.texts.join('')
  }

  /** Length of the text in UTF-16 units. */
  get length(): number {
    return this.lengthValue
  }

  /** The current chunks, in order, tiling the text (a new array after each edit; chunk objects outside an edit are kept, with moved positions). */
  get chunks(): readonly ChunkRange[] {
    return this.chunkList
  }

  /** The text of `chunk`, which must be one of the current chunks. */
  chunkText(chunk: ChunkRange): string {
    const k = this.chunkIndexAt(chunk.start)
    if (this.chunkList[k] !== chunk) throw new RangeError(`Not a current chunk: ${chunk.start}-${chunk.end}`)
    return this.texts[k]
  }

  /** Replaces all the text. */
  reset(text: string): ChunkSplice {
    const remove = this.chunkList.length
    this.chunkList = cutText(text, this.minChars, this.cutRule)
    this.texts = this.chunkList.map((c) => text.slice(c.start, c.end))
    this.lengthValue = text.length
    return { from: 0, remove, insert: this.chunkList.map((c) => ({ ...c })), shift: 0 }
  }

  /** Replaces text [from, to) with `insert` (positions in the current text). */
  edit(from: number, to: number, insert: string): ChunkSplice {
    if (from < 0 || to < from || to > this.lengthValue) throw new RangeError(`Bad edit ${from}-${to} of ${this.lengthValue}`)
    const chunks = this.chunkList
    if (chunks.length === 0) return this.reset(insert)
    const r = recutEdit(arraySource(chunks), (k) => this.texts[k], this.minChars, from, to, insert, Infinity, this.cutRule)!
    // Chunks after the edit stay the same objects, moved: readers (the coordinator) know a chunk by identity.
    this.chunkList = spliceChunks(chunks, r, moveInPlace)
    this.texts = spliceChunks(this.texts, { ...r, insert: r.texts }, (t) => t)
    this.lengthValue += r.shift
    return { from: r.from, remove: r.remove, insert: r.insert.map((c) => ({ ...c })), shift: r.shift }
  }

  /** Index of the chunk containing `pos` (the last chunk for pos = length). */
  chunkIndexAt(pos: number): number {
    return indexAt(this.chunkList, pos)
  }
}

/** Moves `chunk` by `shift` characters, keeping the object. */
function moveInPlace(chunk: ChunkRange, shift: number): ChunkRange {
  chunk.start += shift
  chunk.end += shift
  return chunk
}

/** The chunks of a whole text, cut from its start (what a fresh document is cut into). */
export function cutText(text: string, minChars: number, rule: ChunkCutRule | null = TIKTOKEN_CUTS): ChunkRange[] {
  const chunks: ChunkRange[] = []
  for (let pos = 0; pos < text.length; ) {
    const end = nextChunkEnd(text, pos, minChars, rule)
    chunks.push({ start: pos, end })
    pos = end
  }
  return chunks
}

/** How far past an edit (in minChars) the re-cut goes before it takes the old cuts back (see recutEdit). */
const SETTLE_FACTOR = 4

/** Read access to a chunk list (an array through arraySource, or a TokenIndex's chunks without copying them). */
export interface ChunkSource {
  readonly length: number
  at(k: number): ChunkRange
  /** Index of the chunk containing `pos` (the last one for pos = length). */
  indexAt(pos: number): number
}

/** A ChunkSource over an array of chunks. */
export function arraySource(chunks: readonly ChunkRange[]): ChunkSource {
  return { length: chunks.length, at: (k) => chunks[k], indexAt: (pos) => indexAt(chunks, pos) }
}

/** A re-cut after one edit: the splice plus the text of each new chunk. */
export interface Recut extends ChunkSplice {
  texts: string[]
}

/**
 * The chunk splice for replacing [from, to) with `insert` in a text cut into `chunks`
 * (non-empty, tiling the text at safe cuts). Re-cuts with nextChunkEnd from the chunk
 * holding from - 2 until the new cuts meet the old ones again, or at most a few chunks past
 * the edit; reads only the old text of those chunks, through `textOf(k)`, so the worker
 * (which keeps chunk texts) and the UI (which reads them from the editor) compute the same
 * splice without copying the document.
 * `rule` is the tokenizer's cut rule, as in cutText.
 * Does not change `chunks`. With `maxChars`, gives up (null) when the text it would read and
 * re-cut exceeds that many characters.
 */
export function recutEdit(
  chunks: ChunkSource,
  textOf: (k: number) => string,
  minChars: number,
  from: number,
  to: number,
  insert: string,
  maxChars = Infinity,
  rule: ChunkCutRule | null = TIKTOKEN_CUTS,
): Recut | null {
  const shift = insert.length - (to - from)
  // A cut depends on the two characters before it (more for a rule that guards added tokens:
  // ChunkCutRule.reach), so re-cut from the chunk holding from - reach.
  const reach = rule?.reach ?? 2
  const k0 = chunks.indexAt(Math.max(0, from - reach))
  const base = chunks.at(k0).start
  // `local` is the new text of old chunks k0..j-1 (j grows when a cut needs to look further):
  // their text before `from`, the insert, their text after `to`. Chunks wholly inside the
  // replaced range are never read (replacing all of a big document reads two chunks).
  let j = chunks.indexAt(to) + 1
  const last = chunks.at(j - 1)
  if (from - base + insert.length + last.end - to > maxChars) return null
  let head = ''
  let headEnd = -1 // the last chunk read for the head, whose text the tail may reuse
  let headEndText = ''
  for (let k = k0; k < j && chunks.at(k).start < from; k++) {
    headEndText = textOf(k)
    headEnd = k
    head += headEndText
  }
  const tail = (headEnd === j - 1 ? headEndText : textOf(j - 1)).slice(to - last.start)
  let local = head.slice(0, from - base) + insert + tail
  const editEnd = from + insert.length - base
  let after = j // first old chunk wholly after the edit not yet passed by the new cuts
  const fresh: ChunkRange[] = []
  const texts: string[] = []
  let pos = 0
  while (pos < local.length) {
    const end = nextChunkEnd(local, pos, minChars, rule)
    // A cut is decided by the characters up to `reach` past it: near the window's end, look further.
    if (end > local.length - reach && j < chunks.length) {
      if (local.length + chunks.at(j).end - chunks.at(j).start > maxChars) return null
      local += textOf(j++)
      continue
    }
    fresh.push({ start: base + pos, end: base + end })
    texts.push(local.slice(pos, end))
    pos = end
    while (after < j && chunks.at(after).start + shift - base < end) after++
    // Back in step: from here the old chain of cuts continues unchanged.
    if (end >= editEnd + reach && after < j && chunks.at(after).start + shift - base === end) {
      j = after
      break
    }
    // Text with a repeating layout (identical lines) can keep the new cuts out of step with
    // the old ones to the end of the document. Far enough past the edit, end one chunk at the
    // next old cut, which is still safe (a cut depends only on the characters around it), and
    // keep the old cuts from there.
    if (pos >= editEnd + SETTLE_FACTOR * minChars && (after < j || j < chunks.length)) {
      const next = after < j ? chunks.at(after).start + shift - base : local.length
      fresh.push({ start: base + pos, end: base + next })
      texts.push(local.slice(pos, next))
      j = after
      break
    }
  }
  return { from: k0, remove: j - k0, insert: fresh, texts, shift }
}

/** Index of the chunk of `chunks` (in order, tiling a text) containing `pos`; the last one for pos = length. */
export function indexAt(chunks: readonly ChunkRange[], pos: number): number {
  return Math.max(0, lastIndexAtMost(chunks.length, (k) => chunks[k].start, pos))
}
