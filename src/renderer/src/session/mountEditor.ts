import type { EditorView } from '@codemirror/view'
import { setShowDensity } from '../editor/densityStrip'
import { createEditor, setLineNumbers, setShowWhitespace, setWrapLines, type EditorCallbacks } from '../editor/createEditor'
import { tokenSync, type TokenSource } from '../editor/tokenSync'

/** How the editor draws the text (the view toggles of the settings). */
export interface EditorDisplay {
  showWhitespace: boolean
  showDensity: boolean
  wrapLines: boolean
  lineNumbers: boolean
}

/** Applies `display` to `view`: every option when `before` is null, else only those that changed. */
export function applyDisplay(view: EditorView, display: EditorDisplay, before: EditorDisplay | null): void {
  if (!before || before.showWhitespace !== display.showWhitespace) setShowWhitespace(view, display.showWhitespace)
  if (!before || before.showDensity !== display.showDensity) setShowDensity(view, display.showDensity)
  if (!before || before.wrapLines !== display.wrapLines) setWrapLines(view, display.wrapLines)
  if (!before || before.lineNumbers !== display.lineNumbers) setLineNumbers(view, display.lineNumbers)
}

/**
 * Creates the editor in `parent` linked to `source`, hands it to `ready` (before any text
 * reaches the tokenizer), focuses it and returns its text.
 */
export function mountEditor(parent: HTMLElement, text: string, source: TokenSource, callbacks: EditorCallbacks, ready: (view: EditorView) => void): string {
  const view = createEditor(parent, text, callbacks, tokenSync(source))
  // For tests and benchmarks: the editor view (CodeMirror's public API).
  ;(window as unknown as Record<string, unknown>).tokenizerExplorerView = view
  ready(view)
  view.focus()
  return view.state.doc.toString()
}
