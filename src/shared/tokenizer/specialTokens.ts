/** How special-token strings in the user's text are treated. */
export type SpecialMode = 'text' | 'special'

/** True when `value` is a SpecialMode. */
export function isSpecialMode(value: unknown): value is SpecialMode {
  return value === 'text' || value === 'special'
}

/** A piece of text between special tokens, or one special token. */
export interface Segment {
  start: number
  end: number
  /** The special token's id, when this segment is one. */
  specialId?: number
}

// Every special token of every supported encoding has this shape.
const SPECIAL_SHAPE = /<\|[A-Za-z0-9_]{1,64}\|>/g

/**
 * Splits `text` into plain segments and special tokens, finding specials anywhere in the text
 * (unlike gpt-tokenizer's `allowedSpecial`, which only finds them at the start or right
 * after another). Strings shaped like specials that the encoding lacks stay plain text.
 */
export function splitOnSpecialTokens(text: string, specials: ReadonlyMap<string, number>): Segment[] {
  const segments: Segment[] = []
  let last = 0
  SPECIAL_SHAPE.lastIndex = 0
  for (let m = SPECIAL_SHAPE.exec(text); m !== null; m = SPECIAL_SHAPE.exec(text)) {
    const id = specials.get(m[0])
    if (id === undefined) continue
    if (m.index > last) segments.push({ start: last, end: m.index })
    segments.push({ start: m.index, end: m.index + m[0].length, specialId: id })
    last = m.index + m[0].length
  }
  if (last < text.length || segments.length === 0) segments.push({ start: last, end: text.length })
  return segments
}
