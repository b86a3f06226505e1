import { nextChunkEnd } from './chunking'

/** A chunk of the document: text [start, end), cut only at safe cuts. */
export interface ChunkRange {
  start: number
  end: number
}

/** How the chunk list changed: chunks [from, from + remove) were replaced by `insert`; later chunks moved by `shift` characters. */
export interface ChunkSplice {
  from: number
  remove: number
  insert: ChunkRange[]
  shift: number
}

/**
 * The document text and its chunk list, kept in step with edits. An edit re-cuts only
 * from the chunk before it until the new cuts meet the old ones again, so on a large
 * document a keystroke touches one or two chunks. Pure: no encoding happens here.
 */
export class DocumentModel {
  private textValue = ''
  private chunkList: ChunkRange[] = []

  /** @param minChars smallest chunk (except the last): see CHUNK_CHARS */
  constructor(private readonly minChars: number) {}

  /** The current text. */
  get text(): string {
    return this.textValue
  }

  /** The current chunks, in order, tiling the text. */
  get chunks(): readonly ChunkRange[] {
    return this.chunkList
  }

  /** Replaces all the text. */
  reset(text: string): ChunkSplice {
    const remove = this.chunkList.length
    this.textValue = text
    this.chunkList = []
    for (let pos = 0; pos < text.length; ) {
      const end = nextChunkEnd(text, pos, this.minChars)
      this.chunkList.push({ start: pos, end })
      pos = end
    }
    return { from: 0, remove, insert: this.chunkList.slice(), shift: 0 }
  }

  /** Replaces text [from, to) with `insert` (positions in the current text). */
  edit(from: number, to: number, insert: string): ChunkSplice {
    const old = this.textValue
    if (from < 0 || to < from || to > old.length) throw new RangeError(`Bad edit ${from}-${to} of ${old.length}`)
    if (this.chunkList.length === 0) return this.reset(old.slice(0, from) + insert + old.slice(to))
    const text = old.slice(0, from) + insert + old.slice(to)
    const shift = insert.length - (to - from)
    this.textValue = text
    const chunks = this.chunkList
    // A cut depends on the two characters before it, so re-cut from the chunk holding from - 2.
    const k0 = this.chunkIndexAt(Math.max(0, from - 2))
    let j = this.chunkIndexAt(to) + 1 // first old chunk wholly after the edit
    const editEnd = from + insert.length // in the new text
    const fresh: ChunkRange[] = []
    let pos = chunks[k0].start
    while (pos < text.length) {
      const end = nextChunkEnd(text, pos, this.minChars)
      fresh.push({ start: pos, end })
      pos = end
      while (j < chunks.length && chunks[j].start + shift < end) j++
      // Back in step: from here the old chain of cuts continues unchanged.
      if (end >= editEnd + 2 && j < chunks.length && chunks[j].start + shift === end) break
    }
    if (pos >= text.length) j = chunks.length
    for (let k = j; k < chunks.length; k++) {
      chunks[k].start += shift
      chunks[k].end += shift
    }
    chunks.splice(k0, j - k0, ...fresh)
    return { from: k0, remove: j - k0, insert: fresh.map((c) => ({ ...c })), shift }
  }

  /** Index of the chunk containing `pos` (the last chunk for pos = length). */
  chunkIndexAt(pos: number): number {
    const chunks = this.chunkList
    let lo = 0
    let hi = chunks.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (chunks[mid].start <= pos) lo = mid
      else hi = mid - 1
    }
    return lo
  }
}
