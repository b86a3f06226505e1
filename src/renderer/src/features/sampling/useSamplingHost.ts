import { isolateHistory } from '@codemirror/commands'
import { useMemo } from 'react'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import { tokensBefore } from '@shared/sampling/caretContext'
import type { Workspace } from '../../workspace/workspace'
import type { NgramHost } from './NgramSource'

/** What the sampling lab's n-gram source reads from the app: the editor, its tokens and the tokenizer. */
export function useSamplingHost(ws: Workspace, encoding: TokenizerId): NgramHost {
  const { viewRef, streamRef, clientRef } = ws
  return useMemo<NgramHost>(
    () => ({
      tokenIds: () => {
        const tokens = streamRef.current?.current
        return tokens && tokens.pending === 0 ? tokens.allIds() : null
      },
      tokensBeforeCaret: () => {
        const tokens = streamRef.current?.current
        const view = viewRef.current
        return tokens && view ? tokensBefore(tokens, view.state.selection.main.head) : 0
      },
      tokenBytes: async (ids) => (clientRef.current ? clientRef.current.tokenBytes(encoding, ids) : ids.map(() => null)),
      insertAtCaret: (text) => {
        const view = viewRef.current
        if (!view) return
        const at = view.state.selection.main.head
        view.dispatch({
          changes: { from: at, insert: text },
          selection: { anchor: at + text.length },
          annotations: isolateHistory.of('full'),
          userEvent: 'input.generate',
          scrollIntoView: true,
        })
        view.focus()
      },
    }),
    [viewRef, streamRef, clientRef, encoding],
  )
}
