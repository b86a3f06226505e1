import { Facet, type Extension, type Text, type Transaction } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import type { TextEdit } from '@shared/document/documentModel'
import type { OnScreen } from '@shared/document/localEdit'
import type { TokenView } from '@shared/document/tokenView'
import { SCREEN_CHARS } from '@shared/document/tokenize'
import { mapClamped } from './positions'
import { SCREEN_MARGIN_CHARS } from './screenWindow'
import { onScreenRange, screenListener } from './tokenDecorations'
import { setTokens, tokenField } from './tokenState'

/**
 * Where the editor's tokens come from, the way a lint source feeds @codemirror/lint: the
 * editor tells it every change and what is on screen; it answers with tokens, at once for
 * an edit it can tokenize right away, later through the `setTokens` effect.
 */
export interface TokenSource {
  /**
   * The document changed: `version` is the new document version, `edits` what changed, in
   * order, `before` the text before them, `onScreen` which parts of the new text will
   * likely be on screen, `screen` the range of the new text most likely shown (the caret's
   * screenful when the edit scrolls to it, as a paste does). Returns the tokens of the new
   * version when they could be made at once (a small edit, or the visible part of a big one),
   * drawn in the same update; else null.
   */
  edit(version: number, edits: TextEdit[], before: Text, onScreen: OnScreen, screen?: { from: number; to: number }): TokenView | null
  /** The update that draws tokens returned by `edit` is done. */
  drawn(): void
  /** The part of the document on screen changed (first to last visible character). */
  screen(from: number, to: number): void
}

const tokenSource = Facet.define<TokenSource, TokenSource | null>({ combine: (sources) => sources[0] ?? null })

/** Links the editor to `source`: edits go to it, what is on screen too, its tokens come back as effects. */
export function tokenSync(source: TokenSource): Extension {
  return [tokenSource.of(source), screenListener.of(({ from, to }) => source.screen(from, to))]
}

/**
 * Which parts of the text after `tr` will likely be on screen: a screenful from the top of
 * what is on screen now (with the coloured margin), and one before the caret when the
 * transaction scrolls to it (a paste). `screen` is the one most likely shown: the caret's
 * when it scrolls there, else the top's.
 */
function likelyOnScreen(tr: Transaction, view: EditorView): { onScreen: OnScreen; screen: { from: number; to: number } } {
  const top = mapClamped(tr.changes, Math.max(0, onScreenRange(view).from - SCREEN_MARGIN_CHARS), -1, tr.newDoc.length)
  const ranges = [{ from: top, to: top + SCREEN_CHARS }]
  if (tr.scrollIntoView) {
    const head = tr.newSelection.main.head
    ranges.push({ from: Math.max(0, head - SCREEN_CHARS), to: head + 1 })
  }
  return { onScreen: (from, to) => ranges.some((r) => to > r.from && from < r.to), screen: ranges[ranges.length - 1] }
}

/**
 * The editor's `dispatchTransactions` when it has a token source: edits go to the source
 * before the editor does its own DOM work for them (the worker starts while the editor
 * renders), and tokens the source makes at once are drawn in the same update (one redraw,
 * in the keystroke's own frame).
 */
export function dispatchWithTokens(transactions: readonly Transaction[], view: EditorView): void {
  const source = view.state.facet(tokenSource)
  if (!source || !transactions.some((tr) => tr.docChanged)) {
    view.update(transactions)
    return
  }
  let version = view.state.field(tokenField).docVersion
  let local: { tokens: TokenView; version: number } | null = null
  for (const tr of transactions) {
    if (!tr.docChanged) continue
    version++
    const edits: TextEdit[] = []
    // Positions in the text as each earlier change of this transaction is applied.
    tr.changes.iterChanges((fromA, toA, fromB, _toB, inserted) => {
      edits.push([fromB, fromB + (toA - fromA), inserted.toString()])
    })
    const { onScreen, screen } = likelyOnScreen(tr, view)
    const tokens = source.edit(version, edits, tr.startState.doc, onScreen, screen)
    if (tokens) local = { tokens, version }
  }
  if (!local) {
    view.update(transactions)
    return
  }
  const last = transactions[transactions.length - 1]
  view.update([...transactions, last.state.update({ effects: setTokens.of(local) })])
  source.drawn()
}
