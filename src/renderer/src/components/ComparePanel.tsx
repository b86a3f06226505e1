import { useEffect, useRef, useState } from 'react'
import { modelFit } from '../../../shared/compare'
import { ENCODING_DESCRIPTIONS, ENCODING_NAMES, type EncodingName } from '../../../shared/encodings'
import { formatCount } from '../../../shared/format'
import type { ModelInfo } from '../../../shared/models'
import type { SpecialMode } from '../../../shared/specialTokens'
import { ToolPanel } from './ToolPanel'

type CompareMessage = { type: 'count'; encoding: EncodingName; count: number; ms: number } | { type: 'done' } | { type: 'error'; message: string }

/** Props of the ComparePanel. */
export interface ComparePanelProps {
  current: EncodingName
  mode: SpecialMode
  models: ModelInfo[] | null
  /** The text to compare (read when the user asks, not on every keystroke). */
  getText(): string
}

/** Token counts of the current text in every encoding side by side, and which model windows they fit. */
export function ComparePanel({ current, mode, models, getText }: ComparePanelProps) {
  const [counts, setCounts] = useState<Partial<Record<EncodingName, number>>>({})
  const [state, setState] = useState<'idle' | 'running' | 'done' | string>('idle')
  const worker = useRef<Worker | null>(null)
  useEffect(() => () => worker.current?.terminate(), [])

  const compare = () => {
    worker.current?.terminate()
    const w = new Worker(new URL('../worker/compare.worker.ts', import.meta.url), { type: 'module', name: 'compare' })
    worker.current = w
    setCounts({})
    setState('running')
    w.onmessage = (e: MessageEvent<CompareMessage>) => {
      const msg = e.data
      if (msg.type === 'count') setCounts((c) => ({ ...c, [msg.encoding]: msg.count }))
      else if (msg.type === 'done') setState('done')
      else setState(`Could not compare: ${msg.message}`)
    }
    w.postMessage({ text: getText(), mode })
  }

  const base = counts[current]
  return (
    <ToolPanel title="Compare encodings" className="compare">
      <div className="compare-actions">
        <button type="button" className="button small" onClick={compare} disabled={state === 'running'}>
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
    </ToolPanel>
  )
}
