import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import { formatCount } from '@shared/text/format'
import type { VocabSearchResult } from '@shared/tools/vocabSearch'
import { useDebouncedValue } from '../../ui/useDebouncedValue'
import type { VocabDocument } from './vocabDocument'
import { useVocabClient } from './useVocabClient'
import { ErrorNote, ToolPanel } from '../../ui/ToolPanel'
import { UnreachableList } from './UnreachableList'

/** Props of the VocabPanel. */
export interface VocabPanelProps {
  encoding: TokenizerId
  /** Changes whenever the tokens change (the occurrence counts are taken again). */
  revision: unknown
  document: VocabDocument
}

type Found = { query: string; encoding: TokenizerId; result: VocabSearchResult }

/**
 * The vocabulary browser: type text, an id or `#id`; see the matching tokens of the encoding
 * (id, visible text, UTF-8 bytes, count in the text). The search runs in a worker of its own,
 * started when the panel is first opened. The results are one Tab stop and arrow keys move through them; Enter or a
 * click selects the token's first occurrence in the text.
 */
export const VocabPanel = memo(function VocabPanel({ encoding, revision, document }: VocabPanelProps) {
  const [open, setOpen] = useState(false)
  const [input, setInput] = useState('')
  const query = useDebouncedValue(input, 120)
  const [found, setFound] = useState<Found | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [unreachable, setUnreachable] = useState(false)
  const client = useVocabClient()
  const tableRef = useRef<HTMLTableElement>(null)
  /** The one result in the Tab order (a roving tabindex): the list is one Tab stop, arrows move inside. */
  const [current, setCurrent] = useState(0)

  useEffect(() => {
    if (!open || unreachable) return
    let live = true
    client.search(encoding, query).then(
      (result) => {
        if (!live || !result) return
        setError(null)
        setFound({ query, encoding, result })
      },
      (err: unknown) => live && setError(`Could not search: ${err instanceof Error ? err.message : String(err)}`),
    )
    return () => {
      live = false
    }
  }, [open, unreachable, encoding, query, client])

  const result = found?.result
  // New results: the Tab stop goes back to the first.
  const [currentOf, setCurrentOf] = useState(result)
  if (currentOf !== result) {
    setCurrentOf(result)
    setCurrent(0)
  }
  const ids = useMemo(() => result?.matches.map((m) => m.id) ?? [], [result])
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `revision` says when the tokens changed
  const occurrences = useMemo(() => (ids.length ? document.occurrences(ids) : null), [ids, document, revision])
  const searching = open && (found === null || found.query !== input || found.encoding !== encoding)

  const moveFocus = (e: KeyboardEvent, delta: number | 'first' | 'last') => {
    const buttons = Array.from(tableRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])
    if (buttons.length === 0) return
    e.preventDefault()
    const at = buttons.indexOf(window.document.activeElement as HTMLButtonElement)
    const next = delta === 'first' ? 0 : delta === 'last' ? buttons.length - 1 : Math.max(0, Math.min(buttons.length - 1, at + delta))
    buttons[next].focus()
  }
  const onListKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') moveFocus(e, 1)
    else if (e.key === 'ArrowUp') moveFocus(e, -1)
    else if (e.key === 'Home') moveFocus(e, 'first')
    else if (e.key === 'End') moveFocus(e, 'last')
  }

  let summary = ''
  if (result && found?.query !== '') {
    const shown = result.matches.length
    summary =
      shown === 0
        ? (result.message ?? `No token of ${found?.encoding} matches.`)
        : result.more > 0
          ? `${formatCount(shown)} of ${formatCount(shown + result.more)} matches shown (${formatCount(result.more)} more; type more to narrow).`
          : `${formatCount(shown)} ${shown === 1 ? 'match' : 'matches'}.`
  }

  return (
    <ToolPanel title="Vocabulary" className="vocab" onToggle={(o) => o && setOpen(true)}>
      <label className="hint" htmlFor="vocab-input">
        Text (white space counts), an id, or #id ({encoding}).
      </label>
      <input
        id="vocab-input"
        type="search"
        aria-label="Search tokens"
        value={input}
        autoComplete="off"
        spellCheck={false}
        placeholder=" the, #290"
        onChange={(e) => {
          setInput(e.target.value)
          setNote('')
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') moveFocus(e, 'first')
        }}
      />
      <label className="vocab-filter">
        <input type="checkbox" checked={unreachable} onChange={(e) => setUnreachable(e.target.checked)} /> Unreachable tokens
      </label>
      {unreachable && open && <UnreachableList encoding={encoding} client={client} filter={input} onFind={(id) => setNote(document.findFirst(id))} />}
      {!unreachable && (
        <p className="hint" role="status" aria-live="polite">
          {searching && input !== '' ? 'Searching…' : summary}
        </p>
      )}
      {error && <ErrorNote>{error}</ErrorNote>}
      {!unreachable && result && result.matches.length > 0 && (
        <table ref={tableRef} className={searching ? 'compare-table vocab-table stale' : 'compare-table vocab-table'} aria-label="Matching tokens" onKeyDown={onListKey}>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Token</th>
              <th scope="col">UTF-8 bytes</th>
              <th scope="col">In text</th>
            </tr>
          </thead>
          <tbody>
            {result.matches.map((m, k) => {
              const o = occurrences?.counts[k]
              return (
                <tr key={`${m.id}:${m.shown}`} data-token-id={m.id}>
                  <td>
                    <button
                      type="button"
                      className="vocab-find"
                      tabIndex={k === Math.min(current, result.matches.length - 1) ? 0 : -1}
                      onFocus={() => setCurrent(k)}
                      aria-label={`Token ${m.id}${m.special ? ', special' : ''}: find in text`}
                      onClick={() => setNote(document.findFirst(m.id))}
                    >
                      {m.id}
                    </button>
                  </td>
                  <th scope="row" className="mono">
                    {m.shown}
                    {m.special && <span className="hint"> (special)</span>}
                  </th>
                  <td className="mono vocab-hex">{m.hex}</td>
                  <td>{o === undefined ? '–' : `${formatCount(o.count)}${occurrences?.complete ? '' : '+'}`}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {note && (
        <p className="hint" role="status">
          {note}
        </p>
      )}
    </ToolPanel>
  )
})
