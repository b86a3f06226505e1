/**
 * Which tokens come before the caret: the n-gram model's context is the tokens that end at or
 * before it (a token the caret is inside is not yet "written", so it is not context).
 */
import type { TokenView } from '../document/tokenView'

/** How many tokens end at or before position `pos` of the text. */
export function tokensBefore(tokens: TokenView, pos: number): number {
  if (tokens.count === 0) return 0
  const i = tokens.indexAt(pos)
  return tokens.end(i) <= pos ? i + 1 : i
}
