import { memo, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { chiSquareStatistic } from '@shared/sampling/chiSquare'
import { describeResult, fitSentence, formatPercent } from '@shared/sampling/describe'
import { parseDistribution } from '@shared/sampling/parseDistribution'
import { NEUTRAL_SETTINGS, runPipeline, type SamplingResult, type SamplingSettings } from '@shared/sampling/pipeline'
import { rankOrder } from '@shared/sampling/renormalize'
import { seededRandom, type Random } from '@shared/sampling/random'
import { sampleCounts, sampleOne } from '@shared/sampling/sample'
import { FIELD_RULES, readNumberField, type NumberField } from '@shared/sampling/settingsInput'
import { chipText, DistributionChart } from './DistributionChart'
import './sampling.css'

/** The example every explanation of sampling uses. */
export const TOY_DISTRIBUTION = 'A:0.4, B:0.2, C:0.1, D:0.05, E:0.02, F:0.01'
/** Draws made by "Sample 1,000". */
const MANY = 1000
/** Most rows the Candidates table lists. */
const MAX_TABLE_ROWS = 200

/** A distribution handed to the lab by another source (an API response, the n-gram model). */
export interface LabInput {
  /** The distribution in the lab's typed form (see parseDistribution). */
  text: string
  /** Where it came from, said above the chart. */
  note: string
}

/** Props of the SamplingLab. */
export interface SamplingLabProps {
  /** The latest distribution loaded from another source (a new object loads again). */
  input: LabInput | null
  /** The other sources, drawn under the lab's own controls. */
  sources?: ReactNode
  onClose(): void
  /** Settings as they change (the n-gram generator samples with them). */
  onSettings?(settings: SamplingSettings, seed: number): void
}

/**
 * The sampling lab: a next-token distribution, the sampler's settings applied in transformers'
 * order, the distribution before and after, the candidates, and seeded draws.
 */
export const SamplingLab = memo(function SamplingLab({ input, sources, onClose, onSettings }: SamplingLabProps) {
  const id = useId()
  const [text, setText] = useState(TOY_DISTRIBUTION)
  const [sourceNote, setSourceNote] = useState<string | null>(null)
  const [shownInput, setShownInput] = useState<LabInput | null>(null)
  // A new distribution from another source replaces the typed one (adjusting state during render).
  if (input !== shownInput) {
    setShownInput(input)
    if (input) {
      setText(input.text)
      setSourceNote(input.note)
    }
  }
  const [fields, setFields] = useState<Record<NumberField, string>>({ temperature: '1', topK: '0', topP: '1', minP: '0', seed: '42' })
  const [good, setGood] = useState<SamplingSettings & { seed: number }>({ ...NEUTRAL_SETTINGS, seed: 42 })
  /** Which step's output the chart shows (3: after every step). */
  const [shownStep, setShownStep] = useState(3)
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<NumberField, string>>>({})
  const rng = useRef<{ seed: number; random: Random; draws: number } | null>(null)
  const [draw, setDraw] = useState<{ index: number; n: number; seed: number; key: string } | null>(null)
  const [many, setMany] = useState<{ counts: number[]; key: string; seed: number } | null>(null)

  const parsed = useMemo(() => parseDistribution(text), [text])
  const settings: SamplingSettings = { temperature: good.temperature, topK: good.topK, topP: good.topP, minP: good.minP }
  const { temperature, topK, topP, minP } = good
  const result = useMemo<SamplingResult | null>(
    () => (parsed.ok ? runPipeline(parsed.distribution.probs, { temperature, topK, topP, minP }) : null),
    [parsed, temperature, topK, topP, minP],
  )
  // Draws belong to one distribution and settings: a change makes them stale.
  const resultKey = `${text}|${temperature}|${topK}|${topP}|${minP}`

  const setField = (field: NumberField, value: string) => {
    setFields((f) => ({ ...f, [field]: value }))
    const r = readNumberField(field, value)
    setFieldErrors((e) => ({ ...e, [field]: 'error' in r ? r.error : undefined }))
    if ('value' in r) {
      // Typing a seed (even the same one again) starts its sequence from the beginning.
      if (field === 'seed') rng.current = null
      const next = { ...good, [field]: r.value }
      setGood(next)
      onSettings?.({ temperature: next.temperature, topK: next.topK, topP: next.topP, minP: next.minP }, next.seed)
    }
  }

  const sample = () => {
    if (!result) return
    if (!rng.current || rng.current.seed !== good.seed) rng.current = { seed: good.seed, random: seededRandom(good.seed), draws: 0 }
    const index = sampleOne(result.final, rng.current.random)
    rng.current.draws++
    setDraw({ index, n: rng.current.draws, seed: good.seed, key: resultKey })
  }
  const sampleMany = () => {
    if (!result) return
    setMany({ counts: sampleCounts(result.final, MANY, seededRandom(good.seed)), key: resultKey, seed: good.seed })
  }
  const tokens = parsed.ok ? parsed.distribution.tokens : []
  const currentDraw = draw && draw.key === resultKey ? draw : null
  const currentMany = many && many.key === resultKey ? many : null
  const observed = currentMany ? currentMany.counts.map((c) => c / MANY) : null
  const candidates = result ? rankOrder(result.final).filter((i) => result.keep[i]) : []
  const fit = currentMany && result ? chiSquareStatistic(currentMany.counts, result.final) : null

  const numberInput = (field: NumberField, extra?: { max?: number }) => {
    const rule = FIELD_RULES[field]
    return (
      <label className="sampling-field" key={field}>
        <span>{rule.label}</span>
        <input
          type="number"
          inputMode="decimal"
          aria-label={rule.label}
          aria-invalid={fieldErrors[field] ? true : undefined}
          min={rule.min}
          max={extra?.max ?? rule.max}
          step={rule.step}
          value={fields[field]}
          onChange={(e) => setField(field, e.target.value)}
        />
      </label>
    )
  }

  return (
    <section className="sampling-lab lab-column" aria-labelledby={`${id}-title`}>
      <div className="sampling-head">
        <h2 id={`${id}-title`}>Sampling lab</h2>
        <button type="button" className="button small" onClick={onClose} aria-label="Close the sampling lab">
          Close
        </button>
      </div>
      <p className="hint">
        A model gives the next token as a probability distribution; the sampler reshapes it and draws one token. Settings apply in this
        order, as in Hugging Face transformers’ <code>generate</code>: <strong>temperature → top-k → top-p → min-p</strong>, each step
        renormalising what is left. Top-p reads the normalised distribution.
      </p>
      {sources}
      <label className="sampling-label" htmlFor={`${id}-dist`}>
        Distribution <span className="hint">(token:probability, separated by commas, spaces or lines; or JSON)</span>
      </label>
      <textarea
        id={`${id}-dist`}
        className="sampling-distribution mono"
        aria-label="Distribution"
        rows={3}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          setSourceNote(null)
        }}
      />
      <div className="sampling-actions">
        <button type="button" className="button small" onClick={() => (setText(TOY_DISTRIBUTION), setSourceNote(null))}>
          Toy example
        </button>
      </div>
      {sourceNote && <p className="sampling-note">{sourceNote}</p>}
      {!parsed.ok && (
        <ul className="sampling-errors" role="alert" aria-label="Distribution problems">
          {parsed.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      {parsed.ok && parsed.notes.map((n, i) => <p key={i} className="sampling-note" role="status">{n}</p>)}

      <fieldset className="sampling-controls">
        <legend>Sampler settings</legend>
        {numberInput('temperature')}
        {numberInput('topK')}
        {numberInput('topP')}
        {numberInput('minP')}
        <p className="hint sampling-controls-hint">Temperature 0 is greedy; top-k 0, top-p 1 and min-p 0 are off.</p>
        {Object.values(fieldErrors).some(Boolean) && (
          <ul className="sampling-errors" role="alert">
            {Object.values(fieldErrors)
              .filter(Boolean)
              .map((e) => (
                <li key={e}>{e} The last good value is used.</li>
              ))}
          </ul>
        )}
      </fieldset>

      {result && (
        <>
          <ol className="sampling-steps" aria-label="Steps (choose one to chart the distribution after it)">
            {result.steps.map((s, i) => (
              <li key={s.name} className={s.active ? 'active' : ''}>
                <button type="button" aria-pressed={shownStep === i} onClick={() => setShownStep(i)}>
                  <strong>{s.name}</strong> {stepSetting(s.name, settings)}: {s.keep.filter(Boolean).length} left
                </button>
              </li>
            ))}
          </ol>
          <DistributionChart tokens={tokens} result={result} topP={topP} observed={shownStep === 3 ? observed : null} picked={currentDraw?.index ?? null} step={shownStep} />
          <p className="sr-only" aria-live="polite">
            {describeResult(tokens, result, settings, chipText)}
          </p>
          <table className="compare-table sampling-candidates" aria-label="Candidates">
            <caption>
              Candidates after filtering ({candidates.length.toLocaleString('en-US')} of {tokens.length.toLocaleString('en-US')}), renormalised
            </caption>
            <thead>
              <tr>
                <th scope="col">Token</th>
                <th scope="col">Probability</th>
              </tr>
            </thead>
            <tbody>
              {candidates.slice(0, MAX_TABLE_ROWS).map((i) => (
                <tr key={i}>
                  <th scope="row" className="mono">
                    {chipText(tokens[i])}
                  </th>
                  <td>{formatPercent(result.final[i])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {candidates.length > MAX_TABLE_ROWS && <p className="hint">The first {MAX_TABLE_ROWS} candidates are listed.</p>}

          <div className="sampling-draw">
            {numberInput('seed')}
            <button type="button" className="button small" onClick={sample}>
              Sample
            </button>
            <button type="button" className="button small" onClick={sampleMany}>
              Sample 1,000
            </button>
          </div>
          <p className="sampling-picked" role="status" aria-label="Sampled token">
            {currentDraw ? (
              <>
                Draw {currentDraw.n} with seed {currentDraw.seed}: <span className="sampling-chip picked-chip">{chipText(tokens[currentDraw.index])}</span> (
                {formatPercent(result.final[currentDraw.index])} chance)
              </>
            ) : (
              'Sample draws one token from the candidates with the seeded generator; the same seed gives the same draws.'
            )}
          </p>
          {currentMany && fit && (
            <>
              <table className="compare-table" aria-label="Observed and expected">
                <caption>
                  {MANY.toLocaleString('en-US')} draws with seed {currentMany.seed}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Token</th>
                    <th scope="col">Expected</th>
                    <th scope="col">Observed</th>
                  </tr>
                </thead>
                <tbody>
                  {candidates.slice(0, MAX_TABLE_ROWS).map((i) => (
                    <tr key={i}>
                      <th scope="row" className="mono">
                        {chipText(tokens[i])}
                      </th>
                      <td>{(result.final[i] * MANY).toFixed(1)}</td>
                      <td>{currentMany.counts[i]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="hint">{fitSentence(fit.statistic, fit.degreesOfFreedom)}</p>
            </>
          )}
        </>
      )}
    </section>
  )
})

/** A step's setting as shown in the steps list. */
function stepSetting(name: string, s: SamplingSettings): string {
  switch (name) {
    case 'temperature':
      return s.temperature === 0 ? '0 (greedy)' : String(s.temperature)
    case 'top-k':
      return s.topK > 0 ? String(s.topK) : 'off'
    case 'top-p':
      return s.topP < 1 ? String(s.topP) : 'off'
    default:
      return s.minP > 0 ? String(s.minP) : 'off'
  }
}
