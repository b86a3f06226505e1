import { escapeRegex } from './hf/splitRegex'
import type { Segment } from './specialTokens'

/** An added token of a Hugging Face tokenizer (or a tiktoken file's special token). */
export interface AddedToken {
  id: number
  content: string
  special: boolean
}

/**
 * Finds added tokens in a text as Hugging Face's splitter does: leftmost-longest matches of
 * the literal strings, anywhere in the text. (A regex alternation tries its branches in
 * order, so branches sorted longest first give the longest match at the leftmost place.)
 */
export class AddedTokenSplitter {
  private readonly pattern: RegExp | null
  private readonly idOf = new Map<string, number>()

  constructor(tokens: readonly AddedToken[]) {
    for (const t of tokens) if (t.content.length > 0) this.idOf.set(t.content, t.id)
    const contents = [...this.idOf.keys()].sort((a, b) => b.length - a.length)
    this.pattern = contents.length === 0 ? null : new RegExp(contents.map(escapeRegex).join('|'), 'gu')
  }

  /** Plain segments and added tokens of `text`, in order (one plain segment when there are none). */
  split(text: string): Segment[] {
    const segments: Segment[] = []
    let last = 0
    if (this.pattern) {
      const re = this.pattern
      re.lastIndex = 0
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m.index > last) segments.push({ start: last, end: m.index })
        segments.push({ start: m.index, end: m.index + m[0].length, specialId: this.idOf.get(m[0])! })
        last = m.index + m[0].length
      }
    }
    if (last < text.length || segments.length === 0) segments.push({ start: last, end: text.length })
    return segments
  }
}
