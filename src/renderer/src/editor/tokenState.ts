import { type ChangeDesc, StateEffect, StateField } from '@codemirror/state'
import type { TokenView } from '@shared/document/tokenView'

/** Edits the tokenizer has not answered yet, by document version. */
interface Unacked {
  version: number
  changes: ChangeDesc
}

/** The tokens shown in the editor, and the edits made since they were computed. */
export interface TokenFieldValue {
  tokens: TokenView | null
  /** Document version: one more for every transaction that changed the text. */
  docVersion: number
  /** Changes after the version the tokens describe (null when they describe the document). */
  pending: ChangeDesc | null
  unacked: readonly Unacked[]
}

/** New tokens that describe document version `version`. */
export const setTokens = StateEffect.define<{ tokens: TokenView | null; version: number }>()

function compose(list: readonly Unacked[]): ChangeDesc | null {
  let out: ChangeDesc | null = null
  for (const u of list) out = out ? out.composeDesc(u.changes) : u.changes
  return out
}

/** Holds the latest tokens; while newer ones are computed, edits are mapped over them. */
export const tokenField = StateField.define<TokenFieldValue>({
  create: () => ({ tokens: null, docVersion: 0, pending: null, unacked: [] }),
  update(value, tr) {
    let next = value
    if (tr.docChanged) {
      const docVersion = value.docVersion + 1
      const unacked = [...value.unacked, { version: docVersion, changes: tr.changes.desc }]
      next = { ...value, docVersion, unacked, pending: value.pending ? value.pending.composeDesc(tr.changes.desc) : tr.changes.desc }
    }
    for (const e of tr.effects) {
      if (!e.is(setTokens)) continue
      const unacked = next.unacked.filter((u) => u.version > e.value.version)
      // A new field value (even with the same mutable index) is what makes views redraw.
      next = { ...next, tokens: e.value.tokens, unacked, pending: compose(unacked) }
    }
    return next
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
