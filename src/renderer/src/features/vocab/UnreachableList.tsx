import { memo, useEffect, useMemo, useState } from 'react'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import { formatCount } from '@shared/text/format'
import type { UnreachableResult } from '@shared/merges/unreachable'
import type { VocabClient } from './vocabClient'
import { ErrorNote } from '../../ui/ToolPanel'

/** Rows listed at most; the rest are counted. */
const MAX_ROWS = 200

/** Props of UnreachableList. */
export interface UnreachableListProps {
  encoding: TokenizerId
  client: VocabClient
  /** The search box's text: when set, only tokens whose text contains it (or whose id it is) are listed. */
  filter: string
  /** Selects a token's first occurrence in the text and says what happened. */
  onFind(id: number): void
}

type Found = { encoding: TokenizerId; result: UnreachableResult; ms: number }

/**
 * The Vocabulary panel's `Unreachable tokens` list: the tokens whose own text encodes to
 * something else with the current tokenizer, found in the panel's worker with a progress bar
 * (a new tokenizer cancels the running check), counted and listed with what their text becomes.
 */
export const UnreachableList = memo(function UnreachableList({ encoding, client, filter, onFind }: UnreachableListProps) {
  const [found, setFound] = useState<Found | null>(null)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    setProgress({ done: 0, total: 0 })
    setError(null)
    client
      .unreachable(encoding, (done, total) => live && setProgress({ done, total }))
      .then(
        (r) => {
          if (!live || !r) return
          setProgress(null)
          setFound({ encoding, ...r })
        },
        (err: unknown) => {
          if (!live) return
          setProgress(null)
          setError(`Could not check the tokens: ${err instanceof Error ? err.message : String(err)}`)
        },
      )
    return () => {
      live = false
      client.cancelUnreachable()
    }
  }, [encoding, client])

  const current = found?.encoding === encoding ? found : null
  const rows = useMemo(() => {
    if (!current) return []
    const f = filter.trim()
    const all = current.result.unreachable
    if (f === '') return all
    const asId = /^#?\d+$/.test(f) ? Number(f.replace('#', '')) : undefined
    return all.filter((t) => t.id === asId || t.label.includes(f.replace(/ /g, '␣')))
  }, [current, filter])

  return (
    <div className="vocab-unreachable">
      {progress && (
        <p className="hint">
          <label>
            Checking every token of {encoding}…{' '}
            <progress aria-label="Checking tokens" max={progress.total || 1} value={progress.done} />
          </label>{' '}
          {progress.total > 0 && `${formatCount(progress.done)} of ${formatCount(progress.total)}`}
        </p>
      )}
      {error && <ErrorNote>{error}</ErrorNote>}
      {current && (
        <p className="hint" role="status" aria-live="polite">
          {formatCount(current.result.unreachable.length)} unreachable tokens in {encoding}: their own text encodes to other tokens, so text almost
          never produces them (of {formatCount(current.result.checked)} tokens checked; {formatCount(current.result.partial)} hold part of a character
          and have no text of their own). Checked in {(current.ms / 1000).toFixed(1)} s.
          {filter.trim() !== '' && ` ${formatCount(rows.length)} match the search.`}
        </p>
      )}
      {current && rows.length > 0 && (
        <table className="compare-table vocab-table" aria-label="Unreachable tokens list">
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Token</th>
              <th scope="col">Encodes as</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((t) => (
              <tr key={t.id} data-token-id={t.id}>
                <td>
                  <button type="button" className="vocab-find" aria-label={`Token ${t.id}: find in text`} onClick={() => onFind(t.id)}>
                    {t.id}
                  </button>
                </td>
                <th scope="row" className="mono">
                  {t.label}
                </th>
                <td className="mono">{t.encodesAs.length === 0 ? '(nothing)' : t.encodesAs.join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {current && rows.length > MAX_ROWS && <p className="hint">{formatCount(rows.length - MAX_ROWS)} more not listed: type in the search box to narrow.</p>}
    </div>
  )
})
