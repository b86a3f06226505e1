import type { TokenTable } from './tokenize'
import { FLAG_PARTIAL, FLAG_SPECIAL } from './tokenSpans'
import { tokenGroup, type ClusterBreakTest } from './tokenGroups'

/** What the inspector shows about one token. */
export interface TokenInfo {
  index: number
  id: number
  /** UTF-16 span [start, end) in the text. */
  start: number
  end: number
  /** The text the span covers ("" for a token inside a character another token owns). */
  text: string
  special: boolean
  /** The token holds only some bytes of a character, or shares one with a neighbour. */
  partial: boolean
  /** When tokens share characters or grapheme clusters with this one: the run [first, last]. */
  group: { first: number; last: number } | null
}

/**
 * Describes token `index` of `table` over `text`, or null when out of range. `isBreak`
 * tells grapheme-cluster breaks; without it only shared bytes group tokens.
 */
export function describeToken(text: string, table: TokenTable, index: number, isBreak: ClusterBreakTest = () => true): TokenInfo | null {
  const n = table.ids.length
  if (!Number.isInteger(index) || index < 0 || index >= n) return null
  const flags = table.flags[index]
  const partial = (flags & FLAG_PARTIAL) !== 0
  const run = tokenGroup(table, index, isBreak)
  const group = run.first === run.last ? null : run
  const start = table.starts[index]
  const end = table.starts[index + 1]
  return {
    index,
    id: table.ids[index],
    start,
    end,
    text: text.slice(start, end),
    special: (flags & FLAG_SPECIAL) !== 0,
    partial,
    group,
  }
}

