import { EditorView } from '@codemirror/view'
import { useEffect, useMemo } from 'react'
import { formatCount } from '@shared/text/format'
import type { ModelInfo } from '@shared/models/models'
import type { Settings } from '@shared/contract/settings'
import { firstTokenPastLimit, limitCutPosition } from '../../editor/limitCut'
import type { Workspace } from '../../workspace/workspace'
import { limitRows } from './limitRows'

/**
 * The limit rows and the active one; keeps the editor's limit markers and inspected-token
 * outline in step; finds and shows where a limit cuts the text.
 */
export function useLimits(ws: Workspace, settings: Settings, models: ModelInfo[] | null, inspected: number | null) {
  const model = useMemo(() => models?.find((m) => m.name === settings.model) ?? null, [models, settings.model])
  const rows = useMemo(() => limitRows(model, settings.customLimit), [model, settings.customLimit])
  const activeRow = rows.find((r) => r.key === settings.activeLimit) ?? null

  // Tell the editor which limits to mark and which token to outline.
  useEffect(() => {
    ws.session.setViewOptions({
      activeLimit: activeRow ? activeRow.value : null,
      limits: rows.map((r) => ({ value: r.value, label: formatCount(r.value) })),
      inspected,
    })
  }, [ws, rows, activeRow, inspected])

  /** The line where a limit cuts the text, as the editor's markers show it (null: not known yet). */
  const cutLine = (limit: number): number | null => {
    const state = ws.viewRef.current?.state
    const pos = state ? limitCutPosition(state, limit) : null
    return state && pos !== null ? state.doc.lineAt(pos).number : null
  }

  /** Scrolls to where a limit cuts the text and selects the first token that does not fit. */
  const showCut = (limit: number) => {
    const view = ws.viewRef.current
    const range = view ? firstTokenPastLimit(view.state, limit) : null
    if (!view || !range) return
    // Focus first: the inspector follows the caret only in a focused editor. The caret sits at the cut.
    view.focus()
    view.dispatch({
      selection: { anchor: range.to, head: range.from },
      effects: EditorView.scrollIntoView(range.from, { y: 'center' }),
      userEvent: 'select.limit',
    })
    const line = view.state.doc.lineAt(range.from)
    ws.setMessage({
      tone: 'info',
      text: `The ${formatCount(limit)}-token limit cuts the text at line ${formatCount(line.number)}, column ${formatCount(range.from - line.from + 1)}; the selected token is the first that does not fit.`,
    })
  }

  return { rows, activeRow, cutLine, showCut }
}
