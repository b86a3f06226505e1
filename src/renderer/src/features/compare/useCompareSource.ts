import { useMemo } from 'react'
import { onScreenRange } from '../../editor/tokenDecorations'
import type { Workspace } from '../../workspace/workspace'

/** What the Compare panel reads from the editor: the text, the stretch on screen, the text version. */
export function useCompareSource(ws: Workspace) {
  return useMemo(
    () => ({
      getText: ws.text,
      getTextVersion: ws.textVersion,
      /** Up to `max` characters from the start of the first line on screen, so the stretch begins where a line does. */
      getVisibleText: (max: number) => {
        const view = ws.viewRef.current
        if (!view) return { text: '', from: 0 }
        const from = view.state.doc.lineAt(onScreenRange(view).from).from
        let to = Math.min(view.state.doc.length, from + max)
        if (to < view.state.doc.length && /[\ud800-\udbff]/.test(view.state.doc.sliceString(to - 1, to))) to-- // never half a surrogate pair
        return { text: view.state.doc.sliceString(from, to), from }
      },
    }),
    [ws],
  )
}
