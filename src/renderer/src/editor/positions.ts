import type { ChangeDesc, EditorState } from '@codemirror/state'
import type { TokenView } from '@shared/document/tokenView'
import { tokenField } from './tokenState'

/** `pos` moved into 0..length. */
export function clampPos(pos: number, length: number): number {
  return pos < 0 ? 0 : pos > length ? length : pos
}

/**
 * Maps `pos` through `changes` after clamping it into the document they start from, so a
 * position a little past the end (a stale screen edge, a token table one edit ahead) maps
 * to the end instead of throwing. Null changes: the position, clamped to `length`.
 */
export function mapClamped(changes: ChangeDesc | null, pos: number, assoc: -1 | 1, length: number): number {
  if (!changes) return clampPos(pos, length)
  return clampPos(changes.mapPos(clampPos(pos, changes.length), assoc), length)
}

/**
 * The one translation between the token table's coordinates (the text the tokens
 * describe) and the editor's document, for one editor state. While edits are on their way
 * to the tokenizer the two differ by those edits; every reader of the tokens in the editor
 * goes through this, so the answer is always inside the document (never throws).
 */
export interface TablePositions {
  /** The tokens shown (null before the first ones). */
  readonly tokens: TokenView | null
  /** A table position as a document position (mapped over edits not yet re-tokenized). */
  toDoc(pos: number, assoc: -1 | 1): number
  /** A document position as a table position, within the text the tokens describe. */
  toTable(pos: number, assoc: -1 | 1): number
  /** The index of the token at document position `pos`, or null when there is none. */
  tokenAt(pos: number): number | null
}

/** The position translation for `state` (cheap: read it once per use, not per position). */
export function tablePositions(state: EditorState): TablePositions {
  const { tokens, pending } = state.field(tokenField)
  const length = state.doc.length
  const inverse = pending ? pending.invertedDesc : null
  const toTable = (pos: number, assoc: -1 | 1) => (inverse ? mapClamped(inverse, pos, assoc, pending!.length) : clampPos(pos, length))
  return {
    tokens,
    toDoc: (pos, assoc) => mapClamped(pending, pos, assoc, length),
    toTable,
    tokenAt: (pos) => {
      if (!tokens || tokens.count === 0) return null
      const i = tokens.indexAt(toTable(pos, 1))
      return i < 0 ? null : i
    },
  }
}

/** A table position as a document position in `state` (one-off; see tablePositions). */
export function tableToDoc(state: EditorState, pos: number, assoc: -1 | 1): number {
  return tablePositions(state).toDoc(pos, assoc)
}

/** A document position in `state` as a table position (one-off; see tablePositions). */
export function docToTable(state: EditorState, pos: number, assoc: -1 | 1): number {
  return tablePositions(state).toTable(pos, assoc)
}
