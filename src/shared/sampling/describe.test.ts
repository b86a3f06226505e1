import { describe, expect, it } from 'vitest'
import { describeResult, fitSentence, formatPercent, removedBy } from './describe'
import { NEUTRAL_SETTINGS, runPipeline } from './pipeline'

const TOKENS = ['A', 'B', 'C', 'D', 'E', 'F']
const TOY = [0.4, 0.2, 0.1, 0.05, 0.02, 0.01].map((p) => p / 0.78)

describe('describeResult', () => {
  it('names the step that removed each token and the candidates left', () => {
    const s = { ...NEUTRAL_SETTINGS, topK: 5, topP: 0.9 }
    const r = runPipeline(TOY, s)
    expect(removedBy(r)).toEqual([null, null, null, 'top-p', 'top-p', 'top-k'])
    expect(describeResult(TOKENS, r, s)).toBe(
      '6 tokens; temperature 1, top-k 5, top-p 0.9, min-p off. Top-k removed F. Top-p removed D, E. 3 candidates remain: A 57.1%, B 28.6%, C 14.3%.',
    )
  })
  it('greedy: temperature removes all but the top', () => {
    const s = { ...NEUTRAL_SETTINGS, temperature: 0 }
    expect(describeResult(TOKENS, runPipeline(TOY, s), s)).toMatch(/temperature 0 \(greedy\).*Temperature removed B, C, D, E, F\. 1 candidate remains: A 100\.0%\.$/)
  })
  it('formats small percentages with two significant digits', () => {
    expect(formatPercent(0.5)).toBe('50.0%')
    expect(formatPercent(0.00012)).toBe('0.012%')
    expect(formatPercent(0)).toBe('0%')
  })
})

describe('describeResult, grammar (issue 26)', () => {
  it('one token is "1 token", not "1 tokens"', () => {
    const r = runPipeline([1], NEUTRAL_SETTINGS)
    expect(describeResult(['A'], r, NEUTRAL_SETTINGS)).toBe('1 token; temperature 1, top-k off, top-p off, min-p off. 1 candidate remains: A 100.0%.')
  })
  it('never ends in an empty list (": .") when a label is empty', () => {
    const r = runPipeline([1], NEUTRAL_SETTINGS)
    expect(describeResult([''], r, NEUTRAL_SETTINGS, () => '')).not.toMatch(/: \.|:\s*\./)
    expect(describeResult([' '], r, NEUTRAL_SETTINGS, () => '')).toMatch(/1 candidate remains: " " 100\.0%\.$/)
  })
})

describe('fitSentence (issue 26)', () => {
  it('agrees in number: 1 degree of freedom, 2 degrees of freedom', () => {
    expect(fitSentence(3.84, 1)).toMatch(/^Chi-square 3\.84 with 1 degree of freedom: p = 0\.050 /)
    expect(fitSentence(1, 2)).toMatch(/with 2 degrees of freedom: p = 0\.61 \(the draws fit the expected frequencies\)\.$/)
    expect(fitSentence(50, 2)).toMatch(/\(a draw this far from the expected frequencies is rare\)\.$/)
  })
})
