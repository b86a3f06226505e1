import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { search, searchKeymap } from '@codemirror/search'
import { Compartment, EditorState, type Text, type Transaction } from '@codemirror/state'
import {
  drawSelection,
  EditorView,
  highlightWhitespace,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view'
import type { TextEdit } from '@shared/document/documentModel'
import type { OnScreen } from '@shared/document/localEdit'
import { SCREEN_CHARS } from '@shared/document/tokenize'
import type { TokenView } from '@shared/document/tokenView'
import { longClusters } from './longClusters'
import { newlineMarkers } from './newlineMarkers'
import { specialChars } from './specialChars'
import { screenListener, tokenDecorations } from './tokenDecorations'
import { costStripExtension } from './costGutter'
import { docToTable, setTokens, tableToDoc, tokenField, viewOptionsField } from './tokenState'

/** What the editor tells the app. */
export interface EditorCallbacks {
  /**
   * The document changed: `version` is the new document version, `edits` what changed, in
   * order, `before` the text before them, `onScreen` which parts of the new text will
   * likely be on screen. Returns the tokens of the new version when they could be made at
   * once (a small edit, or the visible part of a big one), to be drawn in the same update;
   * else null.
   */
  onEdit(version: number, edits: TextEdit[], before: Text, onScreen: OnScreen): TokenView | null
  /** The update that draws tokens returned by onEdit is done. */
  onLocalTokensShown(): void
  /** The token under the pointer or caret changed (null: none). */
  onInspect(index: number | null, source: 'hover' | 'caret' | 'keyboard'): void
  /** The part of the document CodeMirror renders changed (what is on screen and a margin). */
  onViewport(from: number, to: number): void
  /** The part of the document on screen changed (first to last visible character). */
  onScreen(from: number, to: number): void
  /** Ctrl+M switched what Tab does: true, Tab indents; false, Tab moves focus (the default). */
  onTabIndents?(indents: boolean): void
}

/** The id of the element that says which keys the editor takes (its aria-describedby). */
export const EDITOR_KEYS_HINT_ID = 'editor-keys-hint'

/**
 * Which parts of the text after `tr` will likely be on screen: a screenful from where the
 * viewport started, and one before the caret when the transaction scrolls to it (a paste).
 */
function likelyOnScreen(tr: Transaction, view: EditorView): OnScreen {
  const top = tr.changes.mapPos(view.viewport.from, -1)
  const ranges = [{ from: top, to: top + SCREEN_CHARS }]
  if (tr.scrollIntoView) {
    const head = tr.newSelection.main.head
    ranges.push({ from: head - SCREEN_CHARS, to: head + 1 })
  }
  return (start, end) => ranges.some((r) => end > r.from && start < r.to)
}

/** The token index at a document position, accounting for edits not yet re-tokenized. */
export function tokenIndexAtPos(state: EditorState, pos: number): number | null {
  const { tokens } = state.field(tokenField)
  if (!tokens || tokens.count === 0) return null
  const i = tokens.indexAt(docToTable(state, pos, 1))
  return i < 0 ? null : i
}

const whitespaceCompartment = new Compartment()
const wrapCompartment = new Compartment()
const lineNumbersCompartment = new Compartment()

/** Extensions that show whitespace, or none. */
function whitespaceExtensions(show: boolean) {
  return show ? [highlightWhitespace(), newlineMarkers] : []
}

/** Creates the CodeMirror editor with token colouring, limit markers and the inspector hooks. */
export function createEditor(parent: HTMLElement, text: string, callbacks: EditorCallbacks): EditorView {
  let lastHover: number | null = null
  // Tab moves focus by default, so the keyboard is never trapped in the text (WCAG 2.1.2);
  // Ctrl+M (Shift+Alt+M on macOS) makes Tab indent, and Escape then Tab still leaves.
  let tabIndents = false
  const toggleTabIndents = (view: EditorView): boolean => {
    tabIndents = !tabIndents
    view.setTabFocusMode(!tabIndents)
    callbacks.onTabIndents?.(tabIndents)
    return true
  }
  let keyboardToken: number | null = null
  /** Alt+Left/Right: put the caret at the previous/next token and inspect it (zero-width tokens too). */
  const moveByToken = (view: EditorView, step: 1 | -1): boolean => {
    const { tokens } = view.state.field(tokenField)
    if (!tokens || tokens.count === 0) return false
    const current = keyboardToken ?? tokenIndexAtPos(view.state, view.state.selection.main.head) ?? 0
    const target = Math.max(0, Math.min(tokens.count - 1, current + step))
    const pos = tableToDoc(view.state, tokens.start(target), 1)
    keyboardToken = target
    view.dispatch({ selection: { anchor: pos }, scrollIntoView: true, userEvent: 'select.token' })
    callbacks.onInspect(target, 'keyboard')
    return true
  }
  const state = EditorState.create({
    doc: text,
    extensions: [
      // Keep "\r\n" and lone "\r" in the text: they are tokens too.
      EditorState.lineSeparator.of('\n'),
      history(),
      drawSelection(),
      keymap.of([
        { key: 'Alt-ArrowRight', run: (view) => moveByToken(view, 1) },
        { key: 'Alt-ArrowLeft', run: (view) => moveByToken(view, -1) },
        { key: 'Ctrl-m', mac: 'Shift-Alt-m', run: toggleTabIndents },
        ...defaultKeymap,
        ...historyKeymap,
        // Ctrl+F / Cmd+F: the editor's own find (the browser's finds only the lines drawn), F3 next, Ctrl+Alt+G go to line.
        ...searchKeymap,
        indentWithTab,
      ]),
      search({ top: true }),
      // Wrapped lines are laid out whole; unwrapped, the editor draws only the visible part of a very long line.
      wrapCompartment.of(EditorView.lineWrapping),
      // Off until setLineNumbers says (the app's setting, on by default).
      lineNumbersCompartment.of([]),
      placeholder('Type or paste text here, or open a file…'),
      // tabindex: the scroller then holds focusable content for axe (contenteditable is focusable anyway).
      EditorView.contentAttributes.of({ 'aria-label': 'Text', 'aria-multiline': 'true', 'aria-describedby': EDITOR_KEYS_HINT_ID, spellcheck: 'false', tabindex: '0' }),
      tokenField,
      viewOptionsField,
      tokenDecorations,
      // After the token colouring: draws in its on-screen window.
      specialChars,
      longClusters,
      costStripExtension,
      whitespaceCompartment.of(whitespaceExtensions(false)),
      screenListener.of(({ from, to }) => callbacks.onScreen(from, to)),
      EditorView.updateListener.of((update) => {
        if (update.viewportChanged) callbacks.onViewport(update.view.viewport.from, update.view.viewport.to)
        // The inspector follows caret moves and clicks; while typing it keeps its token,
        // which saves a redraw per keystroke.
        const byToken = update.transactions.some((tr) => tr.isUserEvent('select.token'))
        if (!byToken && (update.selectionSet || update.docChanged)) keyboardToken = null
        if (update.selectionSet && !update.docChanged && !byToken && update.view.hasFocus) {
          const head = update.state.selection.main.head
          callbacks.onInspect(tokenIndexAtPos(update.state, head), 'caret')
        }
      }),
      EditorView.domEventHandlers({
        mousemove(event) {
          // The rendered token under the pointer carries its index.
          const el = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-token-index]')
          const index = el ? Number(el.dataset.tokenIndex) : null
          if (index !== lastHover && index !== null) {
            lastHover = index
            callbacks.onInspect(index, 'hover')
          }
        },
        mouseleave() {
          lastHover = null
        },
      }),
    ],
  })
  const view = new EditorView({
    state,
    parent,
    // Edits go to the tokenizer before the editor does its own DOM work for them, so the
    // worker starts while the editor renders (50 ms for a 10 MB paste).
    dispatchTransactions(transactions, view) {
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
        const tokens = callbacks.onEdit(version, edits, tr.startState.doc, likelyOnScreen(tr, view))
        if (tokens) local = { tokens, version }
      }
      if (!local) {
        view.update(transactions)
        return
      }
      // The edit and its tokens in one update: one redraw, in the keystroke's own frame.
      const last = transactions[transactions.length - 1]
      view.update([...transactions, last.state.update({ effects: setTokens.of(local) })])
      callbacks.onLocalTokensShown()
    },
  })
  view.setTabFocusMode(true)
  return view
}

/** Shows or hides line numbers beside the text. */
export function setLineNumbers(view: EditorView, show: boolean): void {
  view.dispatch({ effects: lineNumbersCompartment.reconfigure(show ? lineNumbers() : []) })
}

/** Turns line wrapping on or off. */
export function setWrapLines(view: EditorView, wrap: boolean): void {
  view.dispatch({ effects: wrapCompartment.reconfigure(wrap ? EditorView.lineWrapping : []) })
}

/** Shows or hides whitespace markers. */
export function setShowWhitespace(view: EditorView, show: boolean): void {
  view.dispatch({ effects: whitespaceCompartment.reconfigure(whitespaceExtensions(show)) })
}
