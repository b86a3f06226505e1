import { useState } from 'react'
import { formatCount } from '../../../shared/format'
import { limitStatus, parseLimit } from '../../../shared/limits'
import type { ActiveLimit } from '../../../shared/settings'
import type { FitMode } from '../../../shared/fit'

const FIT_BUTTONS: { mode: FitMode; word: string }[] = [
  { mode: 'head', word: 'first' },
  { mode: 'tail', word: 'last' },
]

/** One limit row. */
export interface LimitRow {
  key: ActiveLimit
  value: number
  /** What the limit is ("Model window: gpt-4o"). */
  title: string
}

/** Props of the LimitsPanel. */
export interface LimitsPanelProps {
  tokens: number | null
  rows: LimitRow[]
  active: ActiveLimit | null
  customLimit: number | null
  onActive(key: ActiveLimit): void
  onCustomLimit(limit: number | null): void
  /** Trims the text to the active limit, keeping its first or last tokens. */
  onFit(mode: FitMode): void
}

/** A meter per context limit (used / limit, room left or how far over) and the custom limit input. */
export function LimitsPanel(props: LimitsPanelProps) {
  const used = props.tokens ?? 0
  return (
    <section className="panel limits" aria-label="Context limits">
      <h2>Context limits</h2>
      <p className="hint">Choose which limit dims the tokens past it.</p>
      {props.rows.map((row) => {
        const s = limitStatus(used, row.value)
        const over = s.over > 0
        const label = `Context limit ${formatCount(row.value)}`
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
                {formatCount(used)} / {formatCount(row.value)}
              </span>
            </label>
            <div
              role="meter"
              aria-label={label}
              aria-valuemin={0}
              aria-valuemax={row.value}
              aria-valuenow={used}
              aria-valuetext={over ? `${formatCount(used)} tokens, ${formatCount(s.over)} over` : `${formatCount(used)} tokens, ${formatCount(s.remaining)} left`}
              className="meter"
            >
              <div className="meter-fill" style={{ width: `${Math.min(100, s.fraction * 100)}%` }} />
            </div>
            <div className="limit-foot">
              {over && props.active === row.key && (
                <span className="fit-buttons">
                  {FIT_BUTTONS.map(({ mode, word }) => (
                    <button
                      key={mode}
                      type="button"
                      className="button small"
                      aria-label={`Keep ${word} ${formatCount(row.value)}`}
                      title={`Keep the ${word} ${formatCount(row.value)} tokens (undo brings the rest back)`}
                      onClick={() => props.onFit(mode)}
                    >
                      Keep {word}
                    </button>
                  ))}
                </span>
              )}
              <span>{over ? `${formatCount(s.over)} over` : `${formatCount(s.remaining)} left`}</span>
            </div>
          </div>
        )
      })}
      <CustomLimitInput value={props.customLimit} onChange={props.onCustomLimit} />
    </section>
  )
}

function CustomLimitInput({ value, onChange }: { value: number | null; onChange(limit: number | null): void }) {
  const [draft, setDraft] = useState(value === null ? '' : String(value))
  const [error, setError] = useState<string | null>(null)
  const commit = (text: string) => {
    if (text.trim() === '') {
      setError(null)
      onChange(null)
      return
    }
    const parsed = parseLimit(text)
    if (parsed === null) setError('Enter a whole number of tokens, e.g. 8000, 8,192 or 128k.')
    else {
      setError(null)
      onChange(parsed)
    }
  }
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
        aria-describedby={error ? 'custom-limit-error' : undefined}
        onChange={(e) => {
          setDraft(e.target.value)
          commit(e.target.value)
        }}
      />
      {error && (
        <p id="custom-limit-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
