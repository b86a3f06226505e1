import { isolateHistory } from '@codemirror/commands'
import { formatCount } from '@shared/text/format'
import { fittedText } from '@shared/tools/fit'
import { tokenField } from '../../editor/tokenState'
import { requireFinalCount } from '../../workspace/countingGuard'
import type { Workspace } from '../../workspace/workspace'
import type { FitRequest } from './LimitsPanel'

/** Fits the text to `limit` tokens at token boundaries: trims it (one undo step) or copies the result. */
export async function fitToLimit(ws: Workspace, limit: number, { mode, action, marker }: FitRequest): Promise<void> {
  const tokens = ws.streamRef.current?.current
  const view = ws.viewRef.current
  const client = ws.clientRef.current
  if (!tokens || !view || !client) return
  if (!requireFinalCount(tokens, 'try', ws.setMessage, view.state.field(tokenField).pending !== null)) return
  const doc = view.state.doc
  const started = ws.settingsRef.current
  let fitted
  try {
    const count = async (t: string) => (await client.count(started.encoding, started.specialMode, [t]))[0]
    fitted = await fittedText(tokens, limit, mode, marker.replace(/\\n/g, '\n'), (a, b) => doc.sliceString(a, b), count)
  } catch (err) {
    ws.setMessage({ tone: 'error', text: err instanceof Error ? err.message : String(err) })
    return
  }
  if (!fitted) return
  const { text, kept, dropped } = fitted
  // "the first and last 1,021" read as 1,021 at each end: for both ends, say the total.
  const summary =
    mode === 'both'
      ? `${formatCount(kept)} tokens from both ends and dropped ${formatCount(dropped)} in between`
      : `the ${mode === 'head' ? 'first' : 'last'} ${formatCount(kept)} tokens and dropped ${formatCount(dropped)}`
  if (action === 'copy') {
    ws.copy(text, `Copied ${summary.replace('and dropped', '(dropped')}).`)
    return
  }
  const now = ws.settingsRef.current
  if (view.state.doc !== doc || now.encoding !== started.encoding || now.specialMode !== started.specialMode) {
    ws.setMessage({ tone: 'warning', text: 'The text changed while fitting; try again.' })
    return
  }
  view.dispatch({
    changes: { from: 0, to: doc.length, insert: text },
    annotations: isolateHistory.of('full'),
    userEvent: 'delete.fit',
    scrollIntoView: true,
  })
  // The fit controls go away with the excess: focus goes to the text, where Undo works.
  view.focus()
  ws.setMessage({ tone: 'info', text: `Kept ${summary}. Undo (Ctrl+Z) brings them back.` })
}
