import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { search, searchKeymap } from '@codemirror/search'
import { Compartment, EditorState, type Extension } from '@codemirror/state'
import {
  drawSelection,
  EditorView,
  highlightWhitespace,
  keymap,
  lineNumbers,
  placeholder,
  type ViewUpdate,
} from '@codemirror/view'
import { longClusters } from './longClusters'
import { newlineMarkers } from './newlineMarkers'
import { specialChars } from './specialChars'
import { tokenDecorations } from './tokenDecorations'
import { densityStripExtension } from './densityStrip'
import { tablePositions } from './positions'
import { tokenField, viewOptionsField } from './tokenState'
import { dispatchWithTokens } from './tokenSync'

/** What the editor tells the app (edits and what is on screen go to the token source, see tokenSync). */
export interface EditorCallbacks {
  /** The token under the pointer or caret changed (null: none). */
  onInspect(index: number | null, source: 'hover' | 'caret' | 'keyboard'): void
  /** Ctrl+M switched what Tab does: true, Tab indents; false, Tab moves focus (the default). */
  onTabIndents?(indents: boolean): void
}

/** The id of the element that says which keys the editor takes (its aria-describedby). */
export const EDITOR_KEYS_HINT_ID = 'editor-keys-hint'

/** The token index at a document position, accounting for edits not yet re-tokenized. */
export function tokenIndexAtPos(state: EditorState, pos: number): number | null {
  return tablePositions(state).tokenAt(pos)
}

const whitespaceCompartment = new Compartment()
const wrapCompartment = new Compartment()
const lineNumbersCompartment = new Compartment()

/** Extensions that show whitespace, or none. */
function whitespaceExtensions(show: boolean) {
  return show ? [highlightWhitespace(), newlineMarkers] : []
}

/**
 * Creates the CodeMirror editor with token colouring, limit markers and the inspector hooks;
 * `tokens` links it to where its tokens come from (tokenSync).
 */
export function createEditor(parent: HTMLElement, text: string, callbacks: EditorCallbacks, tokens: Extension = []): EditorView {
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
    const positions = tablePositions(view.state)
    const { tokens } = positions
    if (!tokens || tokens.count === 0) return false
    const current = keyboardToken ?? positions.tokenAt(view.state.selection.main.head) ?? 0
    const target = Math.max(0, Math.min(tokens.count - 1, current + step))
    const pos = positions.toDoc(tokens.start(target), 1)
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
      densityStripExtension,
      whitespaceCompartment.of(whitespaceExtensions(false)),
      tokens,
      EditorView.updateListener.of((update) => {
        // The inspector follows caret moves and clicks; while typing it keeps its token,
        // which saves a redraw per keystroke.
        const byToken = update.transactions.some((tr) => tr.isUserEvent('select.token'))
        if (!byToken && (update.selectionSet || update.docChanged)) keyboardToken = null
        // A change that replaced the whole text (Ctrl+A and a paste, a file opened): the inspected
        // token's number means nothing in the new text, so the inspector lets it go.
        if (update.docChanged && replacedWhole(update)) callbacks.onInspect(null, 'caret')
        else if (update.selectionSet && !update.docChanged && !byToken && update.view.hasFocus) {
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
    dispatchTransactions: dispatchWithTokens,
  })
  view.setTabFocusMode(true)
  return view
}

/** True when the update's changes replaced every character of a non-empty text. */
export function replacedWhole(update: ViewUpdate): boolean {
  const before = update.startState.doc.length
  if (before === 0) return false
  let whole = false
  update.changes.iterChangedRanges((fromA, toA) => {
    if (fromA === 0 && toA === before) whole = true
  })
  return whole
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
