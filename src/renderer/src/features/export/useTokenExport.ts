import { formatCount } from '@shared/text/format'
import { exportFileName, MAX_EXPORT_TOKENS } from '@shared/tools/exportTokens'
import { useStableCallback } from '../../ui/useStableCallback'
import { requireFinalCount } from '../../workspace/countingGuard'
import type { Workspace } from '../../workspace/workspace'
import { exportInWorker, tokenExport } from './tokenExport'

/** The token list's exports: every token as a CSV or JSON file, and the ids to the clipboard (stable callbacks). */
export function useTokenExport(ws: Workspace) {
  /** Saves every token (index, id, text, bytes, span) as CSV or JSON. */
  const run = async (format: 'csv' | 'json') => {
    const tokens = ws.streamRef.current?.current
    const view = ws.viewRef.current
    const client = ws.clientRef.current
    if (!tokens || !view || !client) return
    if (!requireFinalCount(tokens, 'export', ws.setMessage)) return
    const doc = view.state.doc
    const encoding = ws.settingsRef.current.encoding
    const partial = tokens.count > MAX_EXPORT_TOKENS ? ` (the first ${formatCount(MAX_EXPORT_TOKENS)} of ${formatCount(tokens.count)}: the most one file holds)` : ''
    ws.setMessage({ tone: partial ? 'warning' : 'info', text: `Exporting ${formatCount(Math.min(tokens.count, MAX_EXPORT_TOKENS))} tokens as ${format.toUpperCase()}${partial}…` })
    let result
    try {
      result = await tokenExport(tokens, (a, b) => doc.sliceString(a, Math.min(b, doc.length)), client, encoding, format, exportInWorker)
    } catch (err) {
      ws.setMessage({ tone: 'error', text: `Export failed: ${err instanceof Error ? err.message : String(err)}` })
      return
    }
    const { body, exported } = result
    const cut = tokens.count > exported ? ` — only the first ${formatCount(exported)} of ${formatCount(tokens.count)} (the file name says so)` : ''
    await ws.saveFile({ suggestedName: exportFileName(encoding, format, exported, tokens.count), data: body, kind: format }, `Exported ${formatCount(exported)} tokens as ${format.toUpperCase()}${cut}`)
  }
  const exportTokens = useStableCallback((format: 'csv' | 'json') => void run(format))
  /** Copies every token id as a JSON array. */
  const copyIds = useStableCallback(() => {
    const ids = ws.streamRef.current?.current?.allIds()
    if (ids) ws.copy(JSON.stringify(Array.from(ids)), `Copied ${formatCount(ids.length)} token IDs as a JSON array.`)
  })
  return { exportTokens, copyIds }
}
