import { useState, memo } from 'react'
import { formatCount } from '../../../shared/format'
import type { TokenFrequency } from '../../../shared/stats'
import { withVisibleWhitespace } from '../../../shared/visibleText'
import { ErrorNote, ToolPanel } from './ToolPanel'

/** Props of the StatsPanel. */
export interface StatsPanelProps {
  /** Computes the table for the current tokens, or an explanation why not yet. */
  compute(): { rows: TokenFrequency[]; total: number } | { error: string }
  textOf(index: number): string
}

/** The most common tokens: text, id, count and share of all tokens. */
export const StatsPanel = memo(function StatsPanel({ compute, textOf }: StatsPanelProps) {
  const [result, setResult] = useState<ReturnType<StatsPanelProps['compute']> | null>(null)
  return (
    <ToolPanel title="Most common tokens" className="stats">
      <div className="compare-actions">
        <button type="button" className="button small" onClick={() => setResult(compute())}>
          {result ? 'Recount' : 'Count'}
        </button>
      </div>
      {result && 'error' in result && (
        <ErrorNote>{result.error}</ErrorNote>
      )}
      {result && 'rows' in result && (
        <table className="compare-table" aria-label="Most common tokens">
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">ID</th>
              <th scope="col">Count</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="mono">
                  {withVisibleWhitespace(textOf(r.firstIndex)) || '(part of a character)'}
                </th>
                <td>{r.id}</td>
                <td>{formatCount(r.count)}</td>
                <td>{(r.share * 100).toFixed(1)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ToolPanel>
  )
})
