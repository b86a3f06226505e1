import { memo } from 'react'
import { formatPercent, removedBy } from '@shared/sampling/describe'
import type { SamplingResult } from '@shared/sampling/pipeline'
import { rankOrder } from '@shared/sampling/renormalize'
import { tokenColourSlot } from '@shared/display/palette'
import { withVisibleWhitespace } from '@shared/display/visibleText'

/** Most rows the chart draws (the rest are summed in one line). */
export const MAX_CHART_ROWS = 60

/** Props of the DistributionChart. */
export interface DistributionChartProps {
  tokens: readonly string[]
  result: SamplingResult
  /** The top-p setting (the cut line is drawn when it is below 1). */
  topP: number
  /** Observed shares from "Sample 1,000", by token, if any. */
  observed: readonly number[] | null
  /** The token drawn last by "Sample", if any. */
  picked: number | null
  /** Show the distribution after this step (index into result.steps); default the last. */
  step?: number
}

/** A token as a chip's text: whitespace made visible, an empty token named. */
export function chipText(token: string): string {
  return withVisibleWhitespace(token) || '(empty)'
}

/**
 * The distribution as horizontal bars, most probable first: each token's probability before
 * filtering (outline) and after every step, renormalised (filled); removed tokens dimmed with
 * the step that removed them; the line where top-p cuts, with the running total it cut on.
 * A picture only (aria-hidden): the Candidates table and the summary say the same in text.
 */
export const DistributionChart = memo(function DistributionChart({ tokens, result, topP, observed, picked, step = result.steps.length - 1 }: DistributionChartProps) {
  const order = rankOrder(result.input)
  const stepNames = result.steps.map((s) => s.name)
  // Only the steps up to the one shown have removed anything yet.
  const by = removedBy(result).map((name) => (name && stepNames.indexOf(name) <= step ? name : null))
  const after = result.steps[step].probs
  const topPStep = result.steps.find((s) => s.name === 'top-p')!
  // The scale: the largest probability shown, before or after.
  let max = 0
  for (const i of order.slice(0, MAX_CHART_ROWS)) max = Math.max(max, result.input[i], after[i], observed?.[i] ?? 0)
  const width = (p: number) => `${max > 0 ? (100 * p) / max : 0}%`
  // Top-p's cut falls after the last token it kept, in the order it ranked them (the same as
  // the input's: temperature and earlier filters never reorder tokens).
  const cutAfter = topP < 1 && step >= 2 ? lastKeptByTopP(order, topPStep.keep, result.steps[1].keep) : -1
  const shown = order.slice(0, MAX_CHART_ROWS)
  const hidden = order.slice(MAX_CHART_ROWS)
  return (
    <div className="sampling-chart" aria-hidden="true">
      <div className="sampling-chart-head">
        <span>token</span>
        <span>
          <span className="legend-before" /> before <span className="legend-after" /> after {step === result.steps.length - 1 ? 'every step' : result.steps[step].name} (renormalised)
          {observed && (
            <>
              {' '}
              <span className="legend-observed" /> observed
            </>
          )}
        </span>
        <span>p · log p → after</span>
      </div>
      {shown.map((i, rank) => {
        const gone = by[i]
        return (
          <div key={i}>
            <div className={`sampling-row${gone ? ' removed' : ' candidate'}${picked === i ? ' picked' : ''}`} data-token={tokens[i]}>
              <span className={`sampling-chip tok-c${tokenColourSlot(rank)}`} title={tokens[i]}>
                {chipText(tokens[i])}
              </span>
              <span className="sampling-bars">
                <span className="bar-before" style={{ width: width(result.input[i]) }} />
                <span className="bar-after" style={{ width: width(after[i]) }} />
                {observed && <span className="bar-observed" style={{ width: width(observed[i]) }} />}
              </span>
              <span className="sampling-numbers">
                {formatPercent(result.input[i])} · {formatLog(result.input[i])} → {gone ? <em>{gone === 'temperature' ? 'zero' : `cut by ${gone}`}</em> : <strong>{formatPercent(after[i])}</strong>}
              </span>
            </div>
            {i === cutAfter && rank < shown.length - 1 && (
              <div className="sampling-cut">
                top-p {topP} cuts here: the tokens above hold {formatPercent(massThrough(result, i))} of the distribution top-p saw
              </div>
            )}
          </div>
        )
      })}
      {hidden.length > 0 && (
        <div className="sampling-more">
          and {hidden.length.toLocaleString('en-US')} more tokens holding {formatPercent(hidden.reduce((a, i) => a + result.input[i], 0))} before filtering
        </div>
      )}
    </div>
  )
})

/** The natural log of p with two decimals (−∞ for 0). */
function formatLog(p: number): string {
  return p > 0 ? Math.log(p).toFixed(2).replace('-', '−') : '−∞'
}

/** The last token (in rank order) that top-p kept among those it saw, or -1. */
function lastKeptByTopP(order: number[], keptByTopP: boolean[], seenByTopP: boolean[]): number {
  let last = -1
  for (const i of order) if (seenByTopP[i] && keptByTopP[i]) last = i
  return last
}

/** The mass of the distribution top-p saw (top-k's output) held by the tokens ranked up to and including token i. */
function massThrough(result: SamplingResult, i: number): number {
  return (result.steps[2].massBefore?.[i] ?? 0) + result.steps[1].probs[i]
}
