import type { TokenView } from '../document/tokenView'
import { FLAG_PARTIAL, FLAG_SPECIAL } from '../tokenizer/tokenSpans'
import { tokenGroup, type ClusterBreakTest } from './tokenGroups'
import { codePointOffset } from '../text/codePoints'

/** What the inspector shows about one token. */
export interface TokenInfo {
  index: number
  id: number
  /** UTF-16 span [start, end) in the text (editor positions). */
  start: number
  end: number
  /** The same span in code points (the unit of the Characters count and the exports' codepoint_start/end). */
  codePointStart: number
  codePointEnd: number
  /** The text the span covers ("" for a token inside a character another token owns). */
  text: string
  special: boolean
  /** The token holds only some bytes of a character, or shares one with a neighbour. */
  partial: boolean
  /** When tokens share characters or grapheme clusters with this one: the run [first, last]. */
  group: { first: number; last: number } | null
}

/**
 * Describes token `index`, or null when out of range. `sliceText(from, to)` reads the text;
 * `isBreak` tells grapheme-cluster breaks (without it only shared bytes group tokens);
 * `codePointAt` converts a UTF-16 offset to code points (by default by counting from the start).
 */
export function describeToken(
  sliceText: (from: number, to: number) => string,
  tokens: TokenView,
  index: number,
  isBreak: ClusterBreakTest = () => true,
  codePointAt: (pos: number) => number = (pos) => codePointOffset(sliceText(0, pos), pos),
): TokenInfo | null {
  if (!Number.isInteger(index) || index < 0 || index >= tokens.count) return null
  const flags = tokens.flags(index)
  const partial = (flags & FLAG_PARTIAL) !== 0
  const run = tokenGroup(tokens, index, isBreak)
  const group = run.first === run.last ? null : run
  const start = tokens.start(index)
  const end = tokens.end(index)
  return {
    index,
    id: tokens.id(index),
    start,
    end,
    codePointStart: codePointAt(start),
    codePointEnd: codePointAt(end),
    text: sliceText(start, end),
    special: (flags & FLAG_SPECIAL) !== 0,
    partial,
    group,
  }
}

