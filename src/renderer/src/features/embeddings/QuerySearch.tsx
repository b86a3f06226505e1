import { useId, useRef, useState } from 'react'
import { MAX_PASSAGES, splitInput, type SplitMode } from '@shared/embeddings/input'
import { rankBySimilarity, type Ranked, type VectorRows } from '@shared/embeddings/vectors'
import { CancelledError, type EmbeddingsClient, type EmbedJob } from './embeddingsClient'
import { formatCosine } from './SimilarityTable'

/** Results shown (best first). */
const TOP = 10

/** Props of the QuerySearch. */
export interface QuerySearchProps {
  client: EmbeddingsClient
  /** The editor's text now. */
  getText(): string
}

interface Found {
  query: string
  ranked: Ranked[]
  passages: string[]
  lines: number[]
  mode: SplitMode
}

/**
 * Finds the editor's lines (or paragraphs) closest in meaning to a query: each is embedded
 * (up to MAX_PASSAGES, in batches with progress and Cancel; kept until the text changes) and
 * ranked by cosine with the query's vector.
 */
export function QuerySearch({ client, getText }: QuerySearchProps) {
  const id = useId()
  const [query, setQuery] = useState('')
  const [mode, setMode] = useState<SplitMode>('lines')
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [found, setFound] = useState<Found | null>(null)
  const [notes, setNotes] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const job = useRef<EmbedJob | null>(null)
  const cache = useRef<{ key: string; rows: VectorRows } | null>(null)

  const search = async () => {
    const q = query.trim()
    if (!q) return setError('Type a sentence to look for.')
    const input = splitInput(getText(), mode, MAX_PASSAGES)
    setNotes(input.notes)
    setError(null)
    if (input.texts.length === 0) return setError(`The editor has no ${mode === 'lines' ? 'lines' : 'paragraphs'} to search: type or open some text.`)
    const key = `${mode}\u0000${input.texts.join('\u0000')}`
    try {
      let rows = cache.current?.key === key ? cache.current.rows : null
      if (!rows) {
        setProgress({ done: 0, total: input.texts.length })
        job.current = client.embed(input.texts, { onProgress: (done, total) => setProgress({ done, total }) })
        rows = (await job.current.result).rows
        cache.current = { key, rows }
      }
      job.current = client.embed([q])
      const qv = (await job.current.result).rows.values
      setFound({ query: q, ranked: rankBySimilarity(qv, rows, TOP), passages: input.texts, lines: input.lines, mode })
    } catch (err) {
      if (!(err instanceof CancelledError)) setError(err instanceof Error ? err.message : String(err))
    } finally {
      job.current = null
      setProgress(null)
    }
  }

  return (
    <section className="embeddings-query" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Search the editor's text by meaning</h3>
      <p className="hint">
        Each {mode === 'lines' ? 'line' : 'paragraph'} of the editor (up to {MAX_PASSAGES.toLocaleString('en-US')}) is embedded, then ranked by its cosine with the query.
      </p>
      <form
        className="embeddings-query-form"
        onSubmit={(e) => {
          e.preventDefault()
          void search()
        }}
      >
        <label className="embeddings-label" htmlFor={`${id}-q`}>
          Query
        </label>
        <input id={`${id}-q`} type="text" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. the weather is nice" />
        <label className="embeddings-mode">
          <span>Split by</span>
          <select value={mode} onChange={(e) => setMode(e.target.value as SplitMode)}>
            <option value="lines">Lines</option>
            <option value="paragraphs">Paragraphs</option>
          </select>
        </label>
        <button type="submit" className="button" disabled={progress !== null}>
          Search
        </button>
      </form>
      {progress && (
        <div className="embeddings-progress">
          <progress aria-label="Embedding the editor's text" max={progress.total} value={progress.done} />
          <span>
            {progress.done.toLocaleString('en-US')} of {progress.total.toLocaleString('en-US')}
          </span>
          <button type="button" className="button small" onClick={() => job.current?.cancel()}>
            Cancel
          </button>
        </div>
      )}
      {notes.map((n) => (
        <p key={n} className="hint">
          {n}
        </p>
      ))}
      {error && (
        <p className="embeddings-error" role="alert">
          {error}
        </p>
      )}
      {found && (
        <ol className="embeddings-results" aria-label="Closest lines">
          {found.ranked.map((r) => (
            <li key={r.index}>
              <span className="embeddings-score">{formatCosine(r.similarity)}</span>{' '}
              <span className="embeddings-where">
                {found.mode === 'lines' ? 'line' : 'paragraph at line'} {found.lines[r.index]}:
              </span>{' '}
              {found.passages[r.index]}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
