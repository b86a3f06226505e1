import { useMemo, useState, memo } from 'react'
import { modelFit } from '@shared/tools/compare'
import { tokenizerChoices, tokenizerName, type OpenedTokenizerChoice, type TokenizerId } from '@shared/tokenizer/tokenizerId'
import { formatCount } from '@shared/text/format'
import type { ModelInfo } from '@shared/models/models'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import type { CompareResponse } from './compareProtocol'
import { useCompareClients } from './useCompareClients'
import { AlignedView } from './AlignedView'
import { ErrorNote, ToolPanel } from '../../ui/ToolPanel'
import { PriceCaption } from '../cost'
import { costOf, formatCost, priceFor, type Price } from '@shared/models/prices'

/** Characters aligned side by side at most (from the top of the screen). */
export const MAX_ALIGN_CHARS = 20_000

/** A name that may break after its underscores ("o200k_" / "harmony") when the column is narrow, never inside a word. */
function breakAfterUnderscores(name: string) {
  const parts = name.split('_')
  return parts.map((p, i) => (i < parts.length - 1 ? [p, '_', <wbr key={i} />] : p))
}

/** Props of the ComparePanel. */
export interface ComparePanelProps {
  current: TokenizerId
  mode: SpecialMode
  models: ModelInfo[] | null
  /** The text to compare (read when the user asks, not on every keystroke). */
  getText(): string
  /** The text on screen and after it, up to `max` characters, and where it starts. */
  getVisibleText(max: number): { text: string; from: number }
  /** The version of the text last tokenized; it grows with every edit. */
  textVersion: number
  /** The editor's text version now (getText's text). */
  getTextVersion(): number
  /** The chosen model and the user's prices: with a price in use, a column gives each count's input cost. */
  model?: string | null
  prices?: Record<string, Price>
  /** The tokenizer opened from a file, if any: it gets a row and can be aligned like the catalog's. */
  opened?: OpenedTokenizerChoice | null
}

/** Token counts of the current text in every encoding side by side, and which model windows they fit. */
export const ComparePanel = memo(function ComparePanel({ current, mode, models, getText, getVisibleText, textVersion, getTextVersion, model = null, prices = {}, opened = null }: ComparePanelProps) {
  const choices = useMemo(() => tokenizerChoices(opened), [opened])
  const [counts, setCounts] = useState<Partial<Record<TokenizerId, number>>>({})
  /** Rows whose tokenizer is loading ('loading') or could not be loaded (the reason). */
  const [rowNotes, setRowNotes] = useState<Partial<Record<TokenizerId, string>>>({})
  const [state, setState] = useState<'idle' | 'running' | 'done' | string>('idle')
  /** Which text and special-token mode the shown counts are of. */
  const [countedFor, setCountedFor] = useState<{ version: number; mode: SpecialMode } | null>(null)
  // Warm workers while the panel is open: one counts in every encoding, one aligns two.
  const workers = useCompareClients()
  const clients = workers.get
  const onToggle = (open: boolean) => {
    if (open) clients().counter.warm()
    else {
      // Closed: free the encodings' memory; opening again warms up again.
      workers.dispose()
      if (state === 'running') setState('idle')
      setAligning(false)
    }
  }
  const [other, setOther] = useState<TokenizerId>(current === 'cl100k_base' ? 'o200k_base' : 'cl100k_base')
  const [aligning, setAligning] = useState(false)
  const [alignError, setAlignError] = useState<string | null>(null)
  const [aligned, setAligned] = useState<{ text: string; from: number; names: [TokenizerId, TokenizerId]; result: Extract<CompareResponse, { type: 'aligned' }> } | null>(null)

  const compare = () => {
    if (state === 'running') return
    setCounts({})
    setRowNotes({})
    setState('running')
    setCountedFor({ version: getTextVersion(), mode })
    clients().counter.run({ type: 'count', text: getText(), mode, tokenizers: choices.map((c) => c.id) }, (msg) => {
      if (msg.type === 'count') setCounts((c) => ({ ...c, [msg.encoding]: msg.count }))
      else if (msg.type === 'loading') setRowNotes((r) => ({ ...r, [msg.encoding]: 'loading' }))
      else if (msg.type === 'rowError') setRowNotes((r) => ({ ...r, [msg.encoding]: msg.message }))
      else if (msg.type === 'done') setState('done')
      else if (msg.type === 'error') setState(`Could not compare: ${msg.message}`)
    })
  }
  const stale = state === 'done' && countedFor !== null && (textVersion > countedFor.version || countedFor.mode !== mode)

  const align = () => {
    if (aligning || other === current) return
    const { text, from } = getVisibleText(MAX_ALIGN_CHARS)
    const names: [TokenizerId, TokenizerId] = [current, other]
    setAligning(true)
    setAlignError(null)
    clients().aligner.run({ type: 'align', text, mode, a: current, b: other }, (msg) => {
      setAligning(false)
      if (msg.type === 'aligned') setAligned({ text, from, names, result: msg })
      else if (msg.type === 'error') setAlignError(`Could not align: ${msg.message}`)
    })
  }

  const base = counts[current]
  const price = priceFor(model, prices)
  return (
    <ToolPanel title="Compare encodings" className="compare" onToggle={onToggle}>
      <div className="compare-actions">
        {/* aria-disabled, not disabled, while busy: a disabled button drops the keyboard focus to the page. */}
        <button type="button" className="button small" onClick={compare} aria-disabled={state === 'running'}>
          {state === 'running' ? 'Counting…' : 'Compare'}
        </button>
        {stale && (
          <span className="hint stale-note" role="status">
            The text changed since these counts: Compare again to update them.
          </span>
        )}
        {state !== 'idle' && state !== 'running' && state !== 'done' && (
          <span className="field-error" role="alert">
            {state}
          </span>
        )}
      </div>
      {state !== 'idle' && (
        <>
          {/* Fits the sidebar at its default width; a narrower sidebar scrolls it sideways rather than clip a column. */}
          <div className="compare-table-fit">
          <table className={`compare-table${stale ? ' stale' : ''}${price ? ' priced' : ''}`} aria-label="Token counts by encoding">
            <thead>
              <tr>
                <th scope="col">Encoding</th>
                <th scope="col">Tokens</th>
                <th scope="col" title={`Difference from ${current}`}>Δ</th>
                <th scope="col" title="Models of that encoding whose context window holds the text">Fits</th>
                {price && <th scope="col" title="Input cost: these tokens at the input price in use">Cost</th>}
              </tr>
            </thead>
            <tbody>
              {choices.map(({ id: name, label, fromFile }) => {
                const n = counts[name]
                const note = rowNotes[name]
                const pending = note === undefined || note === 'loading' ? '…' : 'Failed'
                const fit = n !== undefined && models ? modelFit(n, name, models) : null
                const delta = n !== undefined && base ? ((n - base) / base) * 100 : null
                return (
                  <tr key={name} className={name === current ? 'current' : undefined} title={fromFile ? `${label}: the tokenizer.json you opened` : tokenizerName(name)}>
                    <th scope="row">{breakAfterUnderscores(label)}</th>
                    <td data-encoding={name} title={n === undefined && note !== undefined && note !== 'loading' ? note : undefined}>
                      {n === undefined ? pending : formatCount(n)}
                    </td>
                    <td>{delta === null || name === current ? '' : `${delta > 0 ? '+' : ''}${delta.toFixed(price ? 0 : 1)}%`}</td>
                    <td title={fit?.smallest ? `Smallest window that fits: ${fit.smallest.name} (${formatCount(fit.smallest.contextWindow)})` : undefined}>
                      {fit ? (fit.of === 0 ? '–' : `${fit.fits}/${fit.of}`) : ''}
                    </td>
                    {price && <td data-cost-encoding={name}>{n === undefined ? pending : formatCost(costOf(n, price.input))}</td>}
                  </tr>
                )
              })}
            </tbody>
          </table>
          </div>
          <p className="hint">Fits: how many of the encoding’s models have a context window that holds this text.</p>
          {price && <PriceCaption model={model} price={price} />}
        </>
      )}
      <div className="compare-align">
        <label>
          Side by side with{' '}
          <select aria-label="Second encoding" value={other} onChange={(e) => setOther(e.target.value as TokenizerId)}>
            {choices
              .filter((c) => c.id !== current)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
          </select>
        </label>
        <button type="button" className="button small" onClick={align} aria-disabled={aligning || other === current}>
          {aligning ? 'Aligning…' : 'Show'}
        </button>
      </div>
      <p className="hint">Both encodings’ tokens of the text on screen (up to {formatCount(MAX_ALIGN_CHARS)} characters), with the places they cut differently outlined.</p>
      {alignError && <ErrorNote>{alignError}</ErrorNote>}
      {aligned && <AlignedView text={aligned.text} offset={aligned.from} names={aligned.names} aligned={aligned.result} onClose={() => setAligned(null)} />}
    </ToolPanel>
  )
})
