import { useEffect, useRef, useState, memo } from 'react'
import { modelFit } from '../../../shared/compare'
import { ENCODING_DESCRIPTIONS, ENCODING_NAMES, type EncodingName } from '../../../shared/encodings'
import { formatCount } from '../../../shared/format'
import type { ModelInfo } from '../../../shared/models'
import type { SpecialMode } from '../../../shared/specialTokens'
import type { CompareRequest, CompareResponse } from '../worker/compareProtocol'
import { AlignedView } from './AlignedView'
import { ErrorNote, ToolPanel } from './ToolPanel'

/** Characters aligned side by side at most (from the top of the screen). */
export const MAX_ALIGN_CHARS = 20_000

/** Starts a compare worker on one job; the caller terminates it to cancel. */
function startJob(request: CompareRequest, onMessage: (msg: CompareResponse) => void): Worker {
  const w = new Worker(new URL('../worker/compare.worker.ts', import.meta.url), { type: 'module', name: 'compare' })
  w.onmessage = (e: MessageEvent<CompareResponse>) => onMessage(e.data)
  w.postMessage(request)
  return w
}


/** Props of the ComparePanel. */
export interface ComparePanelProps {
  current: EncodingName
  mode: SpecialMode
  models: ModelInfo[] | null
  /** The text to compare (read when the user asks, not on every keystroke). */
  getText(): string
  /** The text on screen and after it, up to `max` characters, and where it starts. */
  getVisibleText(max: number): { text: string; from: number }
}

/** Token counts of the current text in every encoding side by side, and which model windows they fit. */
export const ComparePanel = memo(function ComparePanel({ current, mode, models, getText, getVisibleText }: ComparePanelProps) {
  const [counts, setCounts] = useState<Partial<Record<EncodingName, number>>>({})
  const [state, setState] = useState<'idle' | 'running' | 'done' | string>('idle')
  const worker = useRef<Worker | null>(null)
  const alignWorker = useRef<Worker | null>(null)
  const [other, setOther] = useState<EncodingName>(current === 'cl100k_base' ? 'o200k_base' : 'cl100k_base')
  const [aligning, setAligning] = useState(false)
  const [alignError, setAlignError] = useState<string | null>(null)
  const [aligned, setAligned] = useState<{ text: string; from: number; names: [EncodingName, EncodingName]; result: Extract<CompareResponse, { type: 'aligned' }> } | null>(null)
  useEffect(
    () => () => {
      worker.current?.terminate()
      alignWorker.current?.terminate()
    },
    [],
  )

  const compare = () => {
    if (state === 'running') return
    worker.current?.terminate()
    setCounts({})
    setState('running')
    worker.current = startJob({ type: 'count', text: getText(), mode }, (msg) => {
      if (msg.type === 'count') setCounts((c) => ({ ...c, [msg.encoding]: msg.count }))
      else if (msg.type === 'done') setState('done')
      else if (msg.type === 'error') setState(`Could not compare: ${msg.message}`)
    })
  }

  const align = () => {
    if (aligning || other === current) return
    alignWorker.current?.terminate()
    const { text, from } = getVisibleText(MAX_ALIGN_CHARS)
    const names: [EncodingName, EncodingName] = [current, other]
    setAligning(true)
    setAlignError(null)
    alignWorker.current = startJob({ type: 'align', text, mode, a: current, b: other }, (msg) => {
      setAligning(false)
      if (msg.type === 'aligned') setAligned({ text, from, names, result: msg })
      else if (msg.type === 'error') setAlignError(`Could not align: ${msg.message}`)
      alignWorker.current?.terminate()
      alignWorker.current = null
    })
  }

  const base = counts[current]
  return (
    <ToolPanel title="Compare encodings" className="compare">
      <div className="compare-actions">
        {/* aria-disabled, not disabled, while busy: a disabled button drops the keyboard focus to the page. */}
        <button type="button" className="button small" onClick={compare} aria-disabled={state === 'running'}>
          {state === 'running' ? 'Counting…' : 'Compare'}
        </button>
        {state !== 'idle' && state !== 'running' && state !== 'done' && (
          <span className="field-error" role="alert">
            {state}
          </span>
        )}
      </div>
      {state !== 'idle' && (
        <>
          <table className="compare-table" aria-label="Token counts by encoding">
            <thead>
              <tr>
                <th scope="col">Encoding</th>
                <th scope="col">Tokens</th>
                <th scope="col" title={`Difference from ${current}`}>Δ</th>
                <th scope="col" title="Models of that encoding whose context window holds the text">Fits</th>
              </tr>
            </thead>
            <tbody>
              {ENCODING_NAMES.map((name) => {
                const n = counts[name]
                const fit = n !== undefined && models ? modelFit(n, name, models) : null
                const delta = n !== undefined && base ? ((n - base) / base) * 100 : null
                return (
                  <tr key={name} className={name === current ? 'current' : undefined} title={ENCODING_DESCRIPTIONS[name]}>
                    <th scope="row">{name}</th>
                    <td data-encoding={name}>{n === undefined ? '…' : formatCount(n)}</td>
                    <td>{delta === null || name === current ? '' : `${delta > 0 ? '+' : ''}${delta.toFixed(1)}%`}</td>
                    <td title={fit?.smallest ? `Smallest window that fits: ${fit.smallest.name} (${formatCount(fit.smallest.contextWindow)})` : undefined}>
                      {fit ? (fit.of === 0 ? '–' : `${fit.fits}/${fit.of}`) : ''}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          <p className="hint">Fits: how many of the encoding’s models have a context window that holds this text.</p>
        </>
      )}
      <div className="compare-align">
        <label>
          Side by side with{' '}
          <select aria-label="Second encoding" value={other} onChange={(e) => setOther(e.target.value as EncodingName)}>
            {ENCODING_NAMES.filter((n) => n !== current).map((n) => (
              <option key={n} value={n}>
                {n}
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
