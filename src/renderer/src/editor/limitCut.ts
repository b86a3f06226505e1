import type { EditorState } from '@codemirror/state'
import { limitCutOffset } from '@shared/models/limits'
import { tablePositions } from './positions'

/**
 * Where a limit of `limit` tokens cuts the editor's text now: the start of the first token
 * that does not fit, mapped through edits the tokenizer has not answered yet. Null when the
 * text fits, or while the tokens before the cut are still being counted.
 */
export function limitCutPosition(state: EditorState, limit: number): number | null {
  const { tokens, toDoc } = tablePositions(state)
  if (!tokens) return null
  const cut = limitCutOffset(tokens, limit)
  if (cut === null) return null
  return toDoc(cut, -1)
}

/**
 * The text of the first token past a limit, as a document range, or null when the text fits.
 * Tokens that hold only part of a character end where it ends, so the range is never empty
 * while there is text after the cut.
 */
export function firstTokenPastLimit(state: EditorState, limit: number): { from: number; to: number } | null {
  const from = limitCutPosition(state, limit)
  if (from === null) return null
  const { tokens, toDoc } = tablePositions(state)
  if (!tokens) return null
  const toNew = (pos: number) => toDoc(pos, 1)
  let last = limit
  while (last + 1 < tokens.count && toNew(tokens.end(last)) <= from) last++
  return { from, to: Math.max(from, toNew(tokens.end(last))) }
}
