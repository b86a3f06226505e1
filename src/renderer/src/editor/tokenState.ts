import { type ChangeDesc, StateEffect, StateField } from '@codemirror/state'
import type { TokenTable } from '../../../shared/tokenize'

/** The token table shown in the editor, and the edits made since it was computed. */
export interface TokenFieldValue {
  table: TokenTable | null
  /** Changes since `table` was computed (null when it matches the document). */
  pending: ChangeDesc | null
}

/** Replaces the token table with one computed for the current document. */
export const setTokens = StateEffect.define<TokenTable | null>()

/** Holds the latest token table; while a newer one is computed, edits are mapped over it. */
export const tokenField = StateField.define<TokenFieldValue>({
  create: () => ({ table: null, pending: null }),
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setTokens)) return { table: e.value, pending: null }
    if (!tr.docChanged || !value.table) return value
    return { table: value.table, pending: value.pending ? value.pending.composeDesc(tr.changes.desc) : tr.changes.desc }
  },
})

/** Display options the token extensions read. */
export interface TokenViewOptions {
  /** Tokens at or past this index are dimmed (null: none). */
  activeLimit: number | null
  /** Limits to mark in the text, with labels. */
  limits: readonly { value: number; label: string }[]
  /** The token the inspector shows (outlined), or null. */
  inspected: number | null
}

/** Updates the display options. */
export const setViewOptions = StateEffect.define<TokenViewOptions>()

/** The current display options. */
export const viewOptionsField = StateField.define<TokenViewOptions>({
  create: () => ({ activeLimit: null, limits: [], inspected: null }),
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setViewOptions)) return e.value
    return value
  },
})
