import { useState, memo } from 'react'
import { formatCount } from '@shared/text/format'
import type { TokenFrequency } from '@shared/tools/stats'
import { withVisibleWhitespace } from '@shared/display/visibleText'
import { ErrorNote, ToolPanel } from '../../ui/ToolPanel'

/** Props of the StatsPanel. */
export interface StatsPanelProps {
  /** Computes the table for the current tokens, or an explanation why not yet. */
  compute(): { rows: TokenFrequency[]; total: number } | { error: string }
  textOf(index: number): string
  /** The version of the text last tokenized, and its encoding: a table of older tokens is marked as such. */
  textVersion: number
  encoding: string
  /** The editor's text version now. */
  getTextVersion(): number
}

/** The most common tokens: text, id, count and share of all tokens. */
export const StatsPanel = memo(function StatsPanel({ compute, textOf, textVersion, encoding, getTextVersion }: StatsPanelProps) {
  const [result, setResult] = useState<ReturnType<StatsPanelProps['compute']> | null>(null)
  const [countedFor, setCountedFor] = useState<{ version: number; encoding: string } | null>(null)
  const stale = result !== null && 'rows' in result && countedFor !== null && (textVersion > countedFor.version || encoding !== countedFor.encoding)
  return (
    <ToolPanel title="Most common tokens" className="stats">
      <div className="compare-actions">
        <button
          type="button"
          className="button small"
          onClick={() => {
            setCountedFor({ version: getTextVersion(), encoding })
            setResult(compute())
          }}
        >
          {result ? 'Recount' : 'Count'}
        </button>
        {stale && (
          <span className="hint stale-note" role="status">
            The text or encoding changed since this count: Recount to update it.
          </span>
        )}
      </div>
      {result && 'error' in result && (
        <ErrorNote>{result.error}</ErrorNote>
      )}
      {result && 'rows' in result && (
        <table className={stale ? 'compare-table stale' : 'compare-table'} aria-label="Most common tokens">
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
