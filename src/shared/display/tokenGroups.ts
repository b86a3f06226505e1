import { FLAG_SPLIT_START } from '../tokenizer/tokenSpans'
import type { TokenView } from '../document/tokenView'

/**
 * True when a character-cluster break is at UTF-16 offset `pos` of the text (supplied by
 * the caller: the editor uses CodeMirror's grapheme rules).
 */
export type ClusterBreakTest = (pos: number) => boolean

/**
 * True when the boundary before token k is clean: the token does not start inside a
 * character (its bytes) or inside a grapheme cluster (an emoji ZWJ sequence, a flag, a
 * letter with combining marks) that the previous token began.
 */
export function cleanBoundaryBefore(tokens: TokenView, k: number, isBreak: ClusterBreakTest): boolean {
  if (k <= 0 || k >= tokens.count) return true
  if (tokens.flags(k) & FLAG_SPLIT_START) return false
  return isBreak(tokens.start(k))
}

/**
 * The run of tokens [first, last] around `index` that share characters or grapheme
 * clusters, so that the text shows them as one coloured piece. A lone token gives first = last = index.
 */
export function tokenGroup(tokens: TokenView, index: number, isBreak: ClusterBreakTest): { first: number; last: number } {
  let first = index
  let last = index
  while (first > 0 && !cleanBoundaryBefore(tokens, first, isBreak)) first--
  while (last + 1 < tokens.count && !cleanBoundaryBefore(tokens, last + 1, isBreak)) last++
  return { first, last }
}
