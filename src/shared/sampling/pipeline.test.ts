import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { minP, topK, topP } from './filters'
import { NEUTRAL_SETTINGS, runPipeline, STEP_ORDER } from './pipeline'
import { renormalize } from './renormalize'
import { applyTemperature } from './temperature'

const TOY = [0.4, 0.2, 0.1, 0.05, 0.02, 0.01].map((p) => p / 0.78)
const kept = (keep: boolean[]) => keep.flatMap((k, i) => (k ? ['ABCDEF'[i]] : [])).join('')

const distribution = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 10 }).map((n) => n / 10), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 20 })
  .filter((xs) => xs.some((x) => x > 1e-6))
  .map((xs) => {
    const s = xs.reduce((a, b) => a + b, 0)
    return xs.map((x) => x / s)
  })
const settings = fc.record({
  temperature: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0.01, max: 2, noNaN: true })),
  topK: fc.integer({ min: 0, max: 25 }),
  topP: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
  minP: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
})

describe('runPipeline', () => {
  it('applies temperature, top-k, top-p, min-p in that order', () => {
    expect(runPipeline(TOY, NEUTRAL_SETTINGS).steps.map((s) => s.name)).toEqual([...STEP_ORDER])
  })
  it('the toy example: top_p 0.6 keeps A and B; top_k 5 keeps A-E; renormalised', () => {
    const p = runPipeline(TOY, { ...NEUTRAL_SETTINGS, topP: 0.6 })
    expect(kept(p.keep)).toBe('AB')
    expect(p.final[0]).toBeCloseTo(2 / 3, 12)
    expect(p.final[1]).toBeCloseTo(1 / 3, 12)
    const k = runPipeline(TOY, { ...NEUTRAL_SETTINGS, topK: 5 })
    expect(kept(k.keep)).toBe('ABCDE')
    expect(k.final[0]).toBeCloseTo(0.4 / 0.77, 12)
    expect(k.steps.map((s) => s.active)).toEqual([false, true, false, false])
  })
  it('order matters, and it is the stated one: temperature before top-p', () => {
    // At T = 2 the distribution flattens, so top-p 0.6 needs more tokens than at T = 1.
    expect(kept(runPipeline(TOY, { ...NEUTRAL_SETTINGS, temperature: 2, topP: 0.6 }).keep)).toBe('ABC')
    // Top-k before top-p: top-p sees top-k's renormalised output.
    // Alone, top-p 0.5 keeps A and B (0.4 before B is below 0.5); after top-k 2, A holds 4/7 > 0.5.
    expect(kept(runPipeline([0.4, 0.3, 0.2, 0.1], { ...NEUTRAL_SETTINGS, topP: 0.5 }).keep)).toBe('AB')
    expect(kept(runPipeline([0.4, 0.3, 0.2, 0.1], { ...NEUTRAL_SETTINGS, topK: 2, topP: 0.5 }).keep)).toBe('A')
  })
  it('temperature 0 leaves only the top token, whatever the filters', () => {
    const r = runPipeline(TOY, { temperature: 0, topK: 3, topP: 0.9, minP: 0.1 })
    expect(kept(r.keep)).toBe('A')
    expect(r.final).toEqual([1, 0, 0, 0, 0, 0])
  })
  it('a token given probability 0 is never a candidate', () => {
    expect(kept(runPipeline([0.5, 0, 0.5], NEUTRAL_SETTINGS).keep)).toBe('AC')
  })
  it('property: equals composing the steps by hand, final sums to 1, candidates only shrink', () => {
    fc.assert(
      fc.property(distribution, settings, (probs, s) => {
        const r = runPipeline(probs, s)
        let cur = applyTemperature(probs.map(Math.log), s.temperature)
        let keep = cur.map((p) => p > 0)
        const step = (k: boolean[]) => {
          keep = keep.map((x, i) => x && k[i])
          cur = renormalize(cur, keep)
        }
        step(topK(cur.map((p, i) => (keep[i] ? p : -1)), s.topK))
        step(topP(cur, s.topP).keep)
        step(minP(cur, s.minP))
        expect(r.keep).toEqual(keep)
        r.final.forEach((p, i) => expect(p).toBeCloseTo(cur[i], 12))
        expect(r.final.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
        for (let i = 1; i < r.steps.length; i++) r.steps[i].keep.forEach((k, j) => k && expect(r.steps[i - 1].keep[j]).toBe(true))
        // The most probable token always survives.
        const top = probs.indexOf(Math.max(...probs))
        expect(r.keep[top]).toBe(true)
      }),
    )
  })
})
