import { memo, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { formatPercent } from '@shared/sampling/describe'
import { parseLogprobs, type LogprobToken } from '@shared/sampling/logprobs'
import { formatDistribution } from '@shared/sampling/parseDistribution'
import { alternativesOf, perplexity, PROBABILITY_BANDS, probabilityBand, surpriseBits } from '@shared/sampling/surprise'
import { MAX_FILE_BYTES, tooLargeMessage } from '@shared/contract/textDecoding'
import { readDroppedFile } from '../../host/browserHost'
import { useDebouncedValue } from '../../ui/useDebouncedValue'
import { chipText } from './DistributionChart'
import type { LabInput } from './SamplingLab'

/** Most tokens drawn (a longer response is cut, and the text says so). */
const MAX_SHOWN_TOKENS = 5000

/** Props of the LogprobsSource. */
export interface LogprobsSourceProps {
  onLoad(input: LabInput): void
}

/** Words for each probability band (see PROBABILITY_BANDS). */
const BAND_LABELS = [...PROBABILITY_BANDS.map((b) => `≥ ${b * 100}%`), `< ${PROBABILITY_BANDS[PROBABILITY_BANDS.length - 1] * 100}%`]

/**
 * Logprobs from an API response, pasted or opened from a file: the generated text token by token,
 * coloured by probability, with each token's surprise and the sequence's perplexity. Choosing a
 * token shows its alternatives (a truncated top list's remaining mass as "other") and loads
 * them into the lab.
 */
export const LogprobsSource = memo(function LogprobsSource({ onLoad }: LogprobsSourceProps) {
  const id = useId()
  const [text, setText] = useState('')
  const [fileNote, setFileNote] = useState<{ tone: 'error' | 'info'; text: string } | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const responseBox = useRef<HTMLTextAreaElement>(null)
  const tokenRefs = useRef<(HTMLButtonElement | null)[]>([])
  const settled = useDebouncedValue(text, 250)
  const parsed = useMemo(() => (settled.trim() === '' ? null : parseLogprobs(settled)), [settled])
  const doc = parsed?.ok ? parsed.document : null
  const stats = useMemo(() => (doc ? perplexity(doc.tokens) : null), [doc])

  const openFile = async (file: File | undefined) => {
    if (!file) return
    // Refused before reading: a huge file never reaches memory.
    if (file.size > MAX_FILE_BYTES) {
      setFileNote({ tone: 'error', text: `${file.name} was not opened. ${tooLargeMessage(file.size)}` })
      return
    }
    const r = await readDroppedFile(file)
    if (r.kind === 'error') setFileNote({ tone: 'error', text: r.message })
    else if (r.kind === 'opened') {
      setText(r.file.text)
      setSelected(null)
      setFileNote({ tone: 'info', text: `Opened ${r.file.name}.${r.file.warning ? ` ${r.file.warning}` : ''}` })
    }
  }

  const choose = (i: number, t: LogprobToken) => {
    setSelected(i)
    const alt = alternativesOf(t)
    if (alt.distribution.tokens.length === 0) return
    const other = 1 - alt.listed
    const where = `Token ${i + 1} (${chipText(t.token)}) of the ${doc?.format} response`
    const note =
      other > 0.0005
        ? `${where}: its ${alt.distribution.tokens.length} listed alternatives hold ${formatPercent(alt.listed)}; the other ${formatPercent(other)} is tokens the response does not list, left out here.`
        : `${where}: its ${alt.distribution.tokens.length} listed alternatives.`
    onLoad({ text: formatDistribution(alt.distribution), note: doc?.postSampling ? `${note} These probabilities are after the server’s own sampling.` : note })
  }

  const onKey = (e: KeyboardEvent) => {
    if (selected === null || !doc) return
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : e.key === 'Home' ? -Infinity : e.key === 'End' ? Infinity : 0
    if (!step) return
    e.preventDefault()
    const n = Math.min(doc.tokens.length, MAX_SHOWN_TOKENS)
    const next = Math.max(0, Math.min(n - 1, selected + step))
    tokenRefs.current[next]?.focus()
    choose(next, doc.tokens[next])
  }

  const shown = doc ? doc.tokens.slice(0, MAX_SHOWN_TOKENS) : []
  const sel = doc && selected !== null ? doc.tokens[selected] : null
  const alternatives = sel ? alternativesOf(sel) : null
  return (
    <details className="sampling-source">
      <summary>
        <h3 id={`${id}-h`}>From an API response</h3>
      </summary>
      <p className="hint">
        Paste a response with logprobs (OpenAI Chat Completions or Responses, vLLM, llama.cpp’s server, Ollama; JSON, JSON lines or
        server-sent events), or open a file of one (up to 50 MB).
      </p>
      <textarea
        ref={responseBox}
        className="sampling-distribution mono"
        aria-label="API response"
        rows={3}
        spellCheck={false}
        value={text}
        placeholder='{"choices": [{"logprobs": {"content": [{"token": "Hello", "logprob": -0.3, "top_logprobs": […]}]}}]}'
        onChange={(e) => {
          setText(e.target.value)
          setSelected(null)
          setFileNote(null)
        }}
        onPaste={(e) => {
          const pasted = e.clipboardData.getData('text/plain')
          if (pasted.length > MAX_FILE_BYTES) {
            e.preventDefault()
            setFileNote({ tone: 'error', text: `That paste is ${pasted.length.toLocaleString('en-US')} characters; the lab reads responses up to 50 MB.` })
          }
        }}
      />
      <div className="sampling-actions">
        <button type="button" className="button small" onClick={() => fileInput.current?.click()}>
          Open logprobs file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.jsonl,.ndjson,.txt,application/json"
          aria-label="Logprobs file"
          hidden
          onChange={(e) => {
            void openFile(e.target.files?.[0])
            e.target.value = ''
          }}
        />
        {text !== '' && (
          <button type="button" className="button small" onClick={() => (setText(''), setSelected(null), setFileNote(null), responseBox.current?.focus())}>
            Clear
          </button>
        )}
      </div>
      {fileNote && (
        <p className={fileNote.tone === 'error' ? 'field-error' : 'hint'} role={fileNote.tone === 'error' ? 'alert' : 'status'}>
          {fileNote.text}
        </p>
      )}
      {parsed && !parsed.ok && <p className="field-error" role="alert">{parsed.error}</p>}
      {doc && (
        <>
          <p className="sampling-logprobs-summary" aria-label="Response summary">
            {doc.format}: {doc.tokens.length.toLocaleString('en-US')} tokens
            {stats && (
              <>
                {' '}
                · perplexity <strong>{stats.perplexity.toFixed(2)}</strong>
                {stats.counted < doc.tokens.length ? ` (over the ${stats.counted.toLocaleString('en-US')} tokens with a logprob)` : ''} ·{' '}
                {Number.isFinite(stats.totalBits) ? stats.totalBits.toFixed(1) : '∞'} bits of surprise in all
              </>
            )}
            {doc.postSampling && ' · probabilities after the server’s sampling (post_sampling_probs)'}
          </p>
          <p className="sampling-legend hint" aria-hidden="true">
            {BAND_LABELS.map((label, b) => (
              <span key={b} className={`lp-token lp-b${b}`}>
                {label}
              </span>
            ))}
          </p>
          <div className="sampling-generated" role="group" aria-label="Generated tokens" onKeyDown={onKey}>
            {shown.map((t, i) => {
              const p = t.logprob === null ? null : Math.exp(t.logprob)
              return (
                <button
                  key={i}
                  ref={(el) => {
                    tokenRefs.current[i] = el
                  }}
                  type="button"
                  className={`lp-token mono ${p === null ? 'lp-unknown' : `lp-b${probabilityBand(p)}`}${selected === i ? ' selected' : ''}`}
                  tabIndex={selected === null ? (i === 0 ? 0 : -1) : selected === i ? 0 : -1}
                  aria-pressed={selected === i}
                  aria-label={`${chipText(t.token)}: ${p === null ? 'probability not given' : `${formatPercent(p)}, surprise ${surpriseBits(t.logprob!).toFixed(2)} bits`}`}
                  title={p === null ? 'probability not given' : `${formatPercent(p)} · surprise ${surpriseBits(t.logprob!).toFixed(2)} bits`}
                  onClick={() => choose(i, t)}
                >
                  {t.token === '' ? '∅' : t.token.replace(/\n/g, '↵\n')}
                </button>
              )
            })}
            {doc.tokens.length > MAX_SHOWN_TOKENS && <span className="hint"> … the first {MAX_SHOWN_TOKENS.toLocaleString('en-US')} tokens are shown.</span>}
          </div>
          {sel && alternatives && (
            <table className="compare-table" aria-label="Alternatives">
              <caption>
                Alternatives at token {selected! + 1} ({chipText(sel.token)}), loaded into the lab
              </caption>
              <thead>
                <tr>
                  <th scope="col">Token</th>
                  <th scope="col">Probability</th>
                  <th scope="col">Surprise</th>
                </tr>
              </thead>
              <tbody>
                {alternatives.distribution.tokens.map((tok, j) => (
                  <tr key={j} className={j === alternatives.chosen ? 'current' : ''}>
                    <th scope="row" className="mono">
                      {chipText(tok)}
                      {j === alternatives.chosen ? ' (chosen)' : ''}
                    </th>
                    <td>{formatPercent(alternatives.distribution.probs[j])}</td>
                    <td>{alternatives.distribution.probs[j] > 0 ? `${(-Math.log2(alternatives.distribution.probs[j])).toFixed(2)} bits` : '∞'}</td>
                  </tr>
                ))}
                {1 - alternatives.listed > 0.0005 && (
                  <tr className="other">
                    <th scope="row">other (not listed)</th>
                    <td>{formatPercent(1 - alternatives.listed)}</td>
                    <td />
                  </tr>
                )}
              </tbody>
            </table>
          )}
        </>
      )}
    </details>
  )
})
