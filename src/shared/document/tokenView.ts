import type { TokenTable } from './tokenize'
import { tokenAt } from '../tokenizer/tokenSpans'

/** Read access to a document's tokens, however they are stored. Positions are UTF-16 offsets. */
export interface TokenView {
  /** Number of tokens known (all of them once tokenization is complete). */
  readonly count: number
  /**
   * How many tokens, from the first, have their final index: those before the first part of
   * the text still being tokenized (all of them once tokenization is complete). Later
   * tokens' indexes count the parts still pending as empty.
   */
  readonly exactCount: number
  id(i: number): number
  /** Where token i starts. */
  start(i: number): number
  /** Where token i ends (the next token's start). */
  end(i: number): number
  flags(i: number): number
  /** The token containing `pos` (the last one for pos at the end), or -1 when there are none. */
  indexAt(pos: number): number
}

/** A TokenView over one flat TokenTable. */
export function flatTokenView(table: TokenTable): TokenView {
  return {
    count: table.ids.length,
    exactCount: table.ids.length,
    id: (i) => table.ids[i],
    start: (i) => table.starts[i],
    end: (i) => table.starts[i + 1],
    flags: (i) => table.flags[i],
    indexAt: (pos) => tokenAt(table.starts, table.ids.length, pos),
  }
}
