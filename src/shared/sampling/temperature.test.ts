import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyTemperature } from './temperature'

const TOY = [0.4, 0.2, 0.1, 0.05, 0.02, 0.01].map((p) => p / 0.78)
const logs = TOY.map(Math.log)
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

/** Log-probabilities as a model could give them: finite values at most 0, or -Infinity (probability 0), at least one finite. */
const logprobList = fc
  .array(fc.oneof({ weight: 9, arbitrary: fc.double({ min: -1000, max: 0, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(-Infinity) }), { minLength: 1, maxLength: 40 })
  .filter((xs) => xs.some((x) => x > -Infinity))
/** Temperatures from tiny (subnormal) to large. */
const temperature = fc.oneof(fc.double({ min: Number.MIN_VALUE, max: 1e-6, noNaN: true }), fc.double({ min: 1e-6, max: 100, noNaN: true }), fc.constant(0))

describe('applyTemperature', () => {
  it('temperature 1 gives back the distribution', () => {
    applyTemperature(logs, 1).forEach((p, i) => expect(p).toBeCloseTo(TOY[i], 12))
  })
  it('matches the softmax of logits divided by T, computed directly', () => {
    const t = 0.7
    const direct = logs.map((l) => Math.exp(l / t))
    const z = sum(direct)
    applyTemperature(logs, t).forEach((p, i) => expect(p).toBeCloseTo(direct[i] / z, 12))
  })
  it('low temperature sharpens, high flattens', () => {
    const low = applyTemperature(logs, 0.5)
    const high = applyTemperature(logs, 1.5)
    expect(low[0]).toBeGreaterThan(TOY[0])
    expect(high[0]).toBeLessThan(TOY[0])
    expect(low[5]).toBeLessThan(TOY[5])
    expect(high[5]).toBeGreaterThan(TOY[5])
  })
  it('0 is greedy: all the mass on the top token, shared by exact ties', () => {
    expect(applyTemperature(logs, 0)).toEqual([1, 0, 0, 0, 0, 0])
    expect(applyTemperature([Math.log(0.4), Math.log(0.2), Math.log(0.4)], 0)).toEqual([0.5, 0, 0.5])
  })
  it('a tiny temperature is greedy without NaN or Infinity', () => {
    expect(applyTemperature(logs, 1e-300)).toEqual([1, 0, 0, 0, 0, 0])
    expect(applyTemperature(logs, Number.MIN_VALUE)).toEqual([1, 0, 0, 0, 0, 0])
  })
  it('keeps probability 0 at 0 and refuses bad input with a message', () => {
    expect(applyTemperature([Math.log(0.5), -Infinity, Math.log(0.5)], 2)).toEqual([0.5, 0, 0.5])
    expect(() => applyTemperature(logs, -1)).toThrow(/from 0 up/)
    expect(() => applyTemperature(logs, NaN)).toThrow(/from 0 up/)
    expect(() => applyTemperature([NaN], 1)).toThrow(/log-probability/)
    expect(() => applyTemperature([-Infinity], 1)).toThrow(/probability 0/)
  })
  it('property: always a finite distribution summing to 1, with the order of tokens kept', () => {
    fc.assert(
      fc.property(logprobList, temperature, (ls, t) => {
        const out = applyTemperature(ls, t)
        expect(out).toHaveLength(ls.length)
        for (const p of out) expect(Number.isFinite(p) && p >= 0 && p <= 1).toBe(true)
        expect(sum(out)).toBeCloseTo(1, 9)
        // A more likely token never becomes less likely than a less likely one.
        for (let i = 0; i < ls.length; i++) for (let j = 0; j < ls.length; j++) if (ls[i] > ls[j]) expect(out[i]).toBeGreaterThanOrEqual(out[j])
        // The top token only gains as the temperature falls below 1 (and loses above).
        const top = ls.indexOf(Math.max(...ls))
        const base = applyTemperature(ls, 1)[top]
        if (t < 1) expect(out[top]).toBeGreaterThanOrEqual(base - 1e-12)
        else expect(out[top]).toBeLessThanOrEqual(base + 1e-12)
      }),
    )
  })
  it('property: shifting every log-probability by a constant changes nothing (they are logits up to a constant)', () => {
    fc.assert(
      fc.property(logprobList, fc.double({ min: 0.05, max: 5, noNaN: true }), fc.double({ min: -50, max: 0, noNaN: true }), (ls, t, c) => {
        const a = applyTemperature(ls, t)
        const b = applyTemperature(ls.map((l) => l + c), t)
        a.forEach((p, i) => expect(b[i]).toBeCloseTo(p, 9))
      }),
    )
  })
})
