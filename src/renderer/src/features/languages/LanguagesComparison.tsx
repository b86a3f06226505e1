import { memo, useMemo } from 'react'
import { ENGLISH_CODE } from '@shared/languages/corpus'
import { extremes, ratioTo, type LanguageRow } from '@shared/languages/languageCounts'
import { tokenizerChoices, type OpenedTokenizerChoice, type TokenizerId } from '@shared/tokenizer/tokenizerId'
import { formatCount, formatRatio } from '@shared/text/format'
import type { LanguagesCorpus } from './useLanguages'

/** Most tokenizers compared side by side. */
export const MAX_COMPARED = 4

/** Props of the LanguagesComparison. */
export interface LanguagesComparisonProps {
  /** The comparison is shown (and its tokenizers counted). */
  open: boolean
  onOpen(open: boolean): void
  chosen: readonly TokenizerId[]
  onChoose(ids: TokenizerId[]): void
  opened: OpenedTokenizerChoice | null
  corpus: LanguagesCorpus | null
  counts: ReadonlyMap<TokenizerId, readonly (number | undefined)[]>
  failed: ReadonlyMap<TokenizerId, string>
  /** The languages in the main table's order and filter. */
  order: readonly LanguageRow[]
}

/**
 * Up to four tokenizers side by side: each language's tokens relative to English with each, the
 * tokenizer needing the fewest tokens for the language's text marked "fewest", the most "most".
 */
export const LanguagesComparison = memo(function LanguagesComparison({ open, onOpen, chosen, onChoose, opened, corpus, counts, failed, order }: LanguagesComparisonProps) {
  const choices = useMemo(() => tokenizerChoices(opened), [opened])
  const columns = useMemo(() => choices.filter((c) => chosen.includes(c.id)), [choices, chosen])
  const index = useMemo(() => new Map(corpus?.languages.map((l, i) => [l.code, i]) ?? []), [corpus])
  const englishAt = index.get(ENGLISH_CODE)
  const full = chosen.length >= MAX_COMPARED
  return (
    <details className="languages-compare" open={open} onToggle={(e) => onOpen(e.currentTarget.open)}>
      <summary>
        <h3>Compare tokenizers</h3>
      </summary>
      {open && (
        <>
          <fieldset className="languages-choices">
            <legend>Tokenizers (up to {MAX_COMPARED})</legend>
            {choices.map((c) => {
              const on = chosen.includes(c.id)
              return (
                <label key={c.id} className={!on && full ? 'disabled' : undefined}>
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={!on && full}
                    onChange={(e) => onChoose(e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))}
                  />
                  {c.label}
                </label>
              )
            })}
          </fieldset>
          <p className="hint">
            Each cell: the language’s ratio to English with that tokenizer, and its tokens. <span className="languages-mark fewest">fewest</span> marks the
            tokenizer that needs the fewest tokens for the language’s text (the most efficient), <span className="languages-mark most">most</span> the one
            that needs the most.
          </p>
          {[...failed].filter(([id]) => chosen.includes(id)).map(([id, message]) => (
            <p key={id} className="languages-error" role="alert">
              {choices.find((c) => c.id === id)?.label ?? id} could not count: {message}
            </p>
          ))}
          {columns.length === 0 ? (
            <p className="hint">Choose a tokenizer to compare.</p>
          ) : (
            // Four columns may scroll sideways in a narrow lab: the scroller takes focus so keys can scroll it.
            <div className="languages-scroll" tabIndex={0} role="group" aria-label="Comparison table">
              <table className="languages-table languages-compare-table">
                <caption>Ratio to English by tokenizer</caption>
                <thead>
                  <tr>
                    <th scope="col">Language</th>
                    {columns.map((c) => (
                      <th key={c.id} scope="col" className="num">
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {order.map((r) => {
                    const i = index.get(r.code)
                    const tokens = new Map(columns.map((c) => [c.id, i === undefined ? undefined : counts.get(c.id)?.[i]]))
                    const { fewest, most } = extremes(tokens)
                    return (
                      <tr key={r.code}>
                        <th scope="row">{r.name}</th>
                        {columns.map((c) => {
                          const n = tokens.get(c.id)
                          const english = englishAt === undefined ? undefined : counts.get(c.id)?.[englishAt]
                          return (
                            <td key={c.id} className="num">
                              {n === undefined ? '…' : formatRatio(ratioTo(n, english))}
                              {n !== undefined && <span className="languages-cell-tokens">{formatCount(n)} tokens</span>}
                              {fewest.includes(c.id) && <span className="languages-mark fewest">fewest</span>}
                              {most.includes(c.id) && <span className="languages-mark most">most</span>}
                            </td>
                          )
                        })}
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </details>
  )
})
