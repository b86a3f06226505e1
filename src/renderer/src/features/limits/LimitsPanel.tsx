import { useState } from 'react'
import { formatCount } from '@shared/text/format'
import { limitStatus, MAX_CUSTOM_LIMIT, meterValue } from '@shared/models/limits'
import { readLimit } from '@shared/models/limitInput'
import type { ActiveLimit } from '@shared/contract/settings'
import type { FitMode } from '@shared/tools/fit'

const FIT_MODES: { mode: FitMode; label: string }[] = [
  { mode: 'head', label: 'the first tokens' },
  { mode: 'tail', label: 'the last tokens' },
  { mode: 'both', label: 'both ends' },
]

/** The marker put between head and tail, as typed (\n stands for a line break). */
const DEFAULT_MARKER = '\\n[…]\\n'

/** How to fit the text to a limit: what to keep, whether to replace the text or copy, and the marker for 'both'. */
export interface FitRequest {
  mode: FitMode
  action: 'replace' | 'copy'
  /** Between head and tail, with the two characters \n meaning a line break. */
  marker: string
}

/** One limit row. */
export interface LimitRow {
  key: ActiveLimit
  value: number
  /** What the limit is ("Model window: gpt-4o"). */
  title: string
}

/** Props of the LimitsPanel. */
export interface LimitsPanelProps {
  /** The exact token count, or null while tokenizing. */
  tokens: number | null
  /** While tokenizing: the tokens counted so far (the count is at least this). */
  countedSoFar?: number
  rows: LimitRow[]
  active: ActiveLimit | null
  customLimit: number | null
  onActive(key: ActiveLimit): void
  onCustomLimit(limit: number | null): void
  /** Fits the text to the active limit: replaces it (undoably) or copies the result. */
  onFit(request: FitRequest): void
  /** The line (1-based) where a limit cuts the text, or null while that is not known. */
  cutLine?(limit: number): number | null
  /** Scrolls the text to where a limit cuts it and selects the first token past the limit. */
  onShowCut?(limit: number): void
}

/** A meter per context limit (used / limit, room left or how far over) and the custom limit input. */
export function LimitsPanel(props: LimitsPanelProps) {
  const counting = props.tokens === null
  // While counting, the meters show what is counted so far: a lower bound, so "over" is sure.
  const used = props.tokens ?? props.countedSoFar ?? 0
  const [mode, setMode] = useState<FitMode>('head')
  const [marker, setMarker] = useState(DEFAULT_MARKER)
  return (
    <section className="panel limits" aria-label="Context limits">
      <h2>Context limits</h2>
      <p className="hint">Choose which limit dims the tokens past it.</p>
      {props.rows.map((row) => {
        const s = limitStatus(used, row.value)
        const over = s.over > 0
        // While counting only "over" is sure, and only as a lower bound.
        const foot = over ? `${counting ? 'at least ' : ''}${formatCount(s.over)} over` : counting ? 'counting…' : `${formatCount(s.remaining)} left`
        const shownUsed = !counting ? formatCount(used) : over ? `${formatCount(used)}+` : '…'
        const label = `Context limit ${formatCount(row.value)}`
        const cutLine = over ? (props.cutLine?.(row.value) ?? null) : null
        return (
          <div key={row.key} className={over ? 'limit over' : 'limit'}>
            <label className="limit-head">
              <input
                type="radio"
                name="active-limit"
                checked={props.active === row.key}
                onChange={() => props.onActive(row.key)}
                aria-label={`Dim tokens past ${formatCount(row.value)}`}
              />
              <span className="limit-title">{row.title}</span>
              <span className="limit-numbers">
                {shownUsed} / {formatCount(row.value)}
              </span>
            </label>
            <div
              role="meter"
              aria-label={label}
              aria-valuemin={0}
              aria-valuemax={row.value}
              aria-valuenow={meterValue(used, row.value)}
              data-tokens={used}
              aria-valuetext={counting ? `counting, at least ${formatCount(used)} tokens${over ? `, ${foot}` : ''}` : `${formatCount(used)} tokens, ${foot}`}
              className="meter"
            >
              <div className="meter-fill" style={{ width: `${Math.min(100, s.fraction * 100)}%` }} />
            </div>
            <div className="limit-foot">
              {cutLine !== null && (
                <button
                  type="button"
                  className="link limit-cut"
                  aria-label={`cut at line ${formatCount(cutLine)}: show where the ${formatCount(row.value)}-token limit cuts the text`}
                  title="Scroll there and select the first token that does not fit"
                  onClick={() => props.onShowCut?.(row.value)}
                >
                  cut at line {formatCount(cutLine)}
                </button>
              )}
              <span>{foot}</span>
            </div>
          </div>
        )
      })}
      {!counting && props.rows.some((r) => r.key === props.active && used > r.value) && (
        <FitControls
          limit={props.rows.find((r) => r.key === props.active)!.value}
          mode={mode}
          marker={marker}
          onMode={setMode}
          onMarker={setMarker}
          onFit={(action) => props.onFit({ mode, action, marker })}
        />
      )}
      <CustomLimitInput value={props.customLimit} onChange={props.onCustomLimit} />
    </section>
  )
}

/**
 * The custom limit: a valid number applies as it is typed and says what it was read as
 * ("= 8,000 tokens"); a problem is shown only when the user is done (Enter or leaving the
 * field), never half-way ("1." on the way to "1.5m"), and the previous limit stays.
 */
function CustomLimitInput({ value, onChange }: { value: number | null; onChange(limit: number | null): void }) {
  const [draft, setDraft] = useState(value === null ? '' : String(value))
  const [showError, setShowError] = useState(false)
  const reading = draft.trim() === '' ? null : readLimit(draft, MAX_CUSTOM_LIMIT)
  const error = showError && reading && !reading.ok ? `${reading.error}${value !== null ? ` The limit stays ${formatCount(value)}.` : ''}` : null
  const type = (text: string) => {
    setDraft(text)
    setShowError(false)
    if (text.trim() === '') return onChange(null)
    const r = readLimit(text, MAX_CUSTOM_LIMIT)
    if (r.ok && r.value !== value) onChange(r.value)
  }
  const describedBy = error ? 'custom-limit-error' : reading?.ok ? 'custom-limit-reading' : undefined
  return (
    <div className="custom-limit">
      <label htmlFor="custom-limit">Custom limit</label>
      <input
        id="custom-limit"
        type="text"
        inputMode="numeric"
        placeholder="e.g. 8k"
        value={draft}
        aria-invalid={error !== null}
        aria-describedby={describedBy}
        onChange={(e) => type(e.target.value)}
        onBlur={() => setShowError(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setShowError(true)
        }}
      />
      {reading?.ok && (
        <p id="custom-limit-reading" className="hint custom-limit-reading">
          {reading.understood}
          {reading.note && <> · {reading.note}</>}
        </p>
      )}
      {error && (
        <p id="custom-limit-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

/** Fit the text to the active limit: choose what to keep, then trim the text or copy the result. */
function FitControls(props: {
  limit: number
  mode: FitMode
  marker: string
  onMode(mode: FitMode): void
  onMarker(marker: string): void
  onFit(action: FitRequest['action']): void
}) {
  const n = formatCount(props.limit)
  return (
    <fieldset className="fit">
      <legend>Fit to {n} tokens</legend>
      <div className="fit-row">
        <label>
          Keep{' '}
          <select aria-label="What to keep" value={props.mode} onChange={(e) => props.onMode(e.target.value as FitMode)}>
            {FIT_MODES.map((m) => (
              <option key={m.mode} value={m.mode}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button small" aria-label={`Trim to ${n} tokens`} title="Replace the text (undo brings the rest back)" onClick={() => props.onFit('replace')}>
          Trim
        </button>
        <button type="button" className="button small" aria-label={`Copy ${n} tokens`} title="Copy the fitted text, leave the text as it is" onClick={() => props.onFit('copy')}>
          Copy
        </button>
      </div>
      {props.mode === 'both' && (
        <label className="fit-marker">
          Marker between them <span className="hint">(\n is a line break)</span>
          <input aria-label="Marker between head and tail" value={props.marker} onChange={(e) => props.onMarker(e.target.value)} />
        </label>
      )}
    </fieldset>
  )
}
