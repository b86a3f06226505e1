import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chiSquarePValue, chiSquareStatistic } from './chiSquare'
import { seededRandom } from './random'
import { pickIndex, sampleCounts, sampleOne } from './sample'

const TOY = [0.4, 0.2, 0.1, 0.05, 0.02, 0.01].map((p) => p / 0.78)

describe('seededRandom', () => {
  it('is repeatable per seed, differs between seeds, and stays in [0, 1)', () => {
    const a = seededRandom(42)
    const b = seededRandom(42)
    const c = seededRandom(43)
    const xs = Array.from({ length: 1000 }, () => a())
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs)
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs)
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true)
  })
  it('is uniform: 20 equal bins pass a chi-square test over 100,000 draws', () => {
    const r = seededRandom(2026)
    const bins = new Array(20).fill(0)
    for (let i = 0; i < 100_000; i++) bins[Math.floor(r() * 20)]++
    const { statistic, degreesOfFreedom } = chiSquareStatistic(bins, new Array(20).fill(1))
    expect(chiSquarePValue(statistic, degreesOfFreedom)).toBeGreaterThan(0.001)
  })
})

describe('pickIndex', () => {
  it('inverts the cumulative distribution', () => {
    expect(pickIndex([0.5, 0.25, 0.25], 0)).toBe(0)
    expect(pickIndex([0.5, 0.25, 0.25], 0.4999)).toBe(0)
    expect(pickIndex([0.5, 0.25, 0.25], 0.5)).toBe(1)
    expect(pickIndex([0.5, 0.25, 0.25], 0.99999)).toBe(2)
  })
  it('never picks a token of probability 0, even at the very end', () => {
    expect(pickIndex([0.3, 0.7, 0], 0.9999999999999999)).toBe(1)
    expect(pickIndex([0, 1, 0], 0)).toBe(1)
    expect(() => pickIndex([0, 0], 0.5)).toThrow(/no probability/)
  })
  it('property: the pick has probability above 0 and u below its cumulative share', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }).filter((xs) => xs.some((x) => x > 0)), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (probs, u) => {
        const i = pickIndex(probs, u)
        expect(probs[i]).toBeGreaterThan(0)
      }),
    )
  })
})

describe('sampling with a fixed seed', () => {
  it('Sample 10,000 from the toy distribution fits the expected frequencies (chi-square, p > 0.001)', () => {
    const counts = sampleCounts(TOY, 10_000, seededRandom(1234))
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000)
    const { statistic, degreesOfFreedom } = chiSquareStatistic(counts, TOY)
    expect(degreesOfFreedom).toBe(5)
    expect(chiSquarePValue(statistic, degreesOfFreedom)).toBeGreaterThan(0.001)
  })
  it('the same counts do not fit a different distribution (the test has power)', () => {
    const counts = sampleCounts(TOY, 10_000, seededRandom(1234))
    const other = [0.35, 0.25, 0.1, 0.05, 0.02, 0.01].map((p) => p / 0.78)
    const { statistic, degreesOfFreedom } = chiSquareStatistic(counts, other)
    expect(chiSquarePValue(statistic, degreesOfFreedom)).toBeLessThan(1e-6)
  })
  it('the same seed draws the same token', () => {
    expect(sampleOne(TOY, seededRandom(7))).toBe(sampleOne(TOY, seededRandom(7)))
  })
})

describe('chiSquarePValue', () => {
  it('matches published critical values', () => {
    // Upper critical values of the chi-square distribution (NIST/SEMATECH e-Handbook, table 1.3.6.7.4).
    expect(chiSquarePValue(3.841, 1)).toBeCloseTo(0.05, 3)
    expect(chiSquarePValue(11.070, 5)).toBeCloseTo(0.05, 3)
    expect(chiSquarePValue(20.515, 5)).toBeCloseTo(0.001, 4)
    expect(chiSquarePValue(18.307, 10)).toBeCloseTo(0.05, 3)
    expect(chiSquarePValue(2.733, 8)).toBeCloseTo(0.95, 3)
    expect(chiSquarePValue(0, 3)).toBe(1)
    expect(chiSquarePValue(Infinity, 3)).toBe(0)
  })
  it('for 2 degrees of freedom equals exp(-x/2) exactly', () => {
    for (const x of [0.1, 1, 3, 10, 40]) expect(chiSquarePValue(x, 2)).toBeCloseTo(Math.exp(-x / 2), 10)
  })
  it('an observation where none was expected is infinitely unlikely', () => {
    expect(chiSquareStatistic([5, 1], [1, 0]).statistic).toBe(Infinity)
  })
})
