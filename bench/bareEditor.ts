// The editor floor: CodeMirror as the app configures it (line separator, history, selection,
// keymaps, search, wrapping, line numbers, the same font and size) with no tokens, no worker
// and no React. bench/editorFloor.ts bundles this file into a blank page; what the app adds on
// top of this page's paste and keystroke times is the app's own cost.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { search, searchKeymap } from '@codemirror/search'
import { EditorState } from '@codemirror/state'
import { drawSelection, EditorView, keymap, lineNumbers } from '@codemirror/view'

const panel = document.createElement('div')
panel.dataset.docVersion = '0'
panel.dataset.complete = 'true'
panel.textContent = 'CodeMirror alone: no tokens'
document.body.appendChild(panel)
document.body.style.margin = '0'
const host = document.createElement('div')
host.style.height = '100vh'
document.body.appendChild(host)

let version = 0
const view = new EditorView({
  parent: host,
  state: EditorState.create({
    doc: '',
    extensions: [
      EditorState.lineSeparator.of('\n'),
      history(),
      drawSelection(),
      keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap]),
      search({ top: true }),
      EditorView.lineWrapping,
      lineNumbers(),
      EditorView.theme({
        '&': { height: '100%' },
        '.cm-scroller': { font: '15px/1.85 monospace', padding: '8px 0' },
        '.cm-content': { padding: '6px 18px 40px' },
      }),
      // The page's counterpart of the app's count panel: a new document version per edit.
      EditorView.updateListener.of((update) => {
        if (update.docChanged) panel.dataset.docVersion = String(++version)
      }),
    ],
  }),
})
;(window as unknown as { tokenizerExplorerView: EditorView }).tokenizerExplorerView = view
