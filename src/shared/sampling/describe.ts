/**
 * Words for what the pipeline did: which step removed each token, and a summary for screen
 * readers (the chart itself is only a picture).
 */
import type { SamplingResult, SamplingSettings, SamplingStep } from './pipeline'
import { chiSquarePValue } from './chiSquare'

/** For each token, the step that removed it ('zero' when its probability was 0 from the start or after temperature), or null if it is still a candidate. */
export function removedBy(result: SamplingResult): (SamplingStep['name'] | null)[] {
  return result.input.map((_, i) => {
    for (const step of result.steps) if (!step.keep[i]) return step.name
    return null
  })
}

/** A percentage with one decimal, or more digits for small values ("51.3%", "0.012%"). */
export function formatPercent(p: number): string {
  if (p === 0) return '0%'
  const pct = p * 100
  if (pct >= 0.1) return `${pct.toFixed(1)}%`
  return `${Number(pct.toPrecision(2))}%`
}

/** The settings in words, in the order they apply ("temperature 1, top-k off, …"). */
export function describeSettings(s: SamplingSettings): string {
  return [
    `temperature ${s.temperature}${s.temperature === 0 ? ' (greedy)' : ''}`,
    s.topK > 0 ? `top-k ${s.topK}` : 'top-k off',
    s.topP < 1 ? `top-p ${s.topP}` : 'top-p off',
    s.minP > 0 ? `min-p ${s.minP}` : 'min-p off',
  ].join(', ')
}

/** One sentence per step that removed something, and the candidates left, for screen readers. */
export function describeResult(tokens: readonly string[], result: SamplingResult, settings: SamplingSettings, show: (t: string) => string = (t) => t): string {
  if (tokens.length === 0) return 'No tokens yet.'
  const by = removedBy(result)
  const parts: string[] = [`${plural(tokens.length, 'token')}; ${describeSettings(settings)}.`]
  for (const step of result.steps) {
    const gone = tokens.filter((_, i) => by[i] === step.name).map((t) => labelOf(t, show))
    if (gone.length) parts.push(`${step.name === 'temperature' ? 'Temperature' : step.name[0].toUpperCase() + step.name.slice(1)} removed ${listed(gone)}.`)
  }
  const left = result.final.map((p, i) => ({ p, i })).filter(({ i }) => result.keep[i]).sort((a, b) => b.p - a.p)
  const remain = `${left.length} ${left.length === 1 ? 'candidate remains' : 'candidates remain'}`
  parts.push(left.length === 0 ? `${remain}.` : `${remain}: ${listed(left.map(({ p, i }) => `${labelOf(tokens[i], show)} ${formatPercent(p)}`))}.`)
  return parts.join(' ')
}

/** "1 token", "2 tokens". */
function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`
}

/** A token's label for a sentence; one that shows as nothing is quoted, so it is still heard. */
function labelOf(token: string, show: (t: string) => string): string {
  const label = show(token)
  return label.trim() === '' ? JSON.stringify(token) : label
}

/** The chi-square result of the many-draws test in one sentence ("… with 1 degree of freedom: p = 0.050 (…)."). */
export function fitSentence(statistic: number, degreesOfFreedom: number): string {
  const p = chiSquarePValue(statistic, degreesOfFreedom)
  const verdict = p > 0.01 ? '(the draws fit the expected frequencies)' : '(a draw this far from the expected frequencies is rare)'
  return `Chi-square ${statistic.toFixed(2)} with ${degreesOfFreedom} degree${degreesOfFreedom === 1 ? '' : 's'} of freedom: p = ${p.toPrecision(2)} ${verdict}.`
}

/** Up to 8 items joined with commas, then "and N more". */
function listed(items: string[]): string {
  if (items.length <= 8) return items.join(', ')
  return `${items.slice(0, 8).join(', ')} and ${items.length - 8} more`
}
