import { isolateHistory } from '@codemirror/commands'
import { useMemo } from 'react'
import type { Workspace } from '../../workspace/workspace'

/** What the Languages lab does in the app: puts a translation's text in the editor. */
export interface LanguagesHost {
  /** Replaces the editor's text with `text` as one undoable step and says so (`name`: the language). */
  loadText(text: string, name: string): void
}

/** The Languages lab's link to the editor. */
export function useLanguagesHost(ws: Workspace): LanguagesHost {
  const { viewRef, setMessage } = ws
  return useMemo<LanguagesHost>(
    () => ({
      loadText: (text, name) => {
        const view = viewRef.current
        if (!view) return
        view.dispatch({
          changes: { from: 0, to: view.state.doc.length, insert: text },
          selection: { anchor: 0 },
          scrollIntoView: true,
          // Its own undo step, so Undo brings back exactly the text that was replaced.
          annotations: isolateHistory.of('full'),
          userEvent: 'input.languages',
        })
        setMessage({ tone: 'info', text: `The Universal Declaration of Human Rights in ${name} is in the editor. Undo (Ctrl+Z in the text) brings back the previous text.` })
      },
    }),
    [viewRef, setMessage],
  )
}
