import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { minP, topK, topP } from './filters'
import { rankOrder, renormalize } from './renormalize'

const TOY = [0.4, 0.2, 0.1, 0.05, 0.02, 0.01].map((p) => p / 0.78)
const kept = (keep: boolean[]) => keep.flatMap((k, i) => (k ? ['ABCDEF'[i]] : [])).join('')

/** A distribution of 1 to 30 tokens (zeros and ties allowed), normalised. */
const distribution = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 20 }).map((n) => n / 20), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 30 })
  .filter((xs) => xs.some((x) => x > 0))
  .map((xs) => {
    const s = xs.reduce((a, b) => a + b, 0)
    return xs.map((x) => x / s)
  })

/** An independent top-p oracle: transformers' own rule, sorting ascending and removing tokens whose cumulative mass (it and all below) is at most 1 - p. */
function oracleTopP(probs: number[], p: number): boolean[] {
  if (p >= 1) return probs.map(() => true)
  const keep = probs.map(() => true)
  // Ties resolved together: a tie group goes only if the mass of the group and all below it is at most 1 - p.
  const values = [...new Set(probs)].sort((a, b) => a - b)
  let below = 0
  const top = Math.max(...probs)
  for (const v of values) {
    const group = probs.filter((x) => x === v)
    const withGroup = below + group.reduce((a, b) => a + b, 0)
    if (withGroup <= 1 - p + 1e-12 && v !== top) probs.forEach((x, i) => x === v && (keep[i] = false))
    below = withGroup
  }
  return keep
}

describe('topK', () => {
  it('the toy example: top_k 5 keeps A-E', () => {
    expect(kept(topK(TOY, 5))).toBe('ABCDE')
  })
  it('0 and k >= n keep everything; ties with the k-th are kept', () => {
    expect(kept(topK(TOY, 0))).toBe('ABCDEF')
    expect(kept(topK(TOY, 9))).toBe('ABCDEF')
    expect(kept(topK([0.3, 0.3, 0.3, 0.1], 2))).toBe('ABC')
  })
  it('refuses a negative or fractional k', () => {
    expect(() => topK(TOY, -1)).toThrow(/whole number/)
    expect(() => topK(TOY, 1.5)).toThrow(/whole number/)
  })
  it('property: keeps exactly the tokens at least as probable as the k-th, at least k of them (or all)', () => {
    fc.assert(
      fc.property(distribution, fc.integer({ min: 0, max: 35 }), (probs, k) => {
        const keep = topK(probs, k)
        const n = keep.filter(Boolean).length
        if (k === 0 || k >= probs.length) expect(n).toBe(probs.length)
        else {
          expect(n).toBeGreaterThanOrEqual(k)
          const kth = [...probs].sort((a, b) => b - a)[k - 1]
          probs.forEach((p, i) => expect(keep[i]).toBe(p >= kth))
        }
      }),
    )
  })
})

describe('topP', () => {
  it('the toy example, normalised (sums to 0.78 as typed): top_p 0.6 keeps exactly A and B', () => {
    expect(kept(topP(TOY, 0.6).keep)).toBe('AB')
  })
  it('the cut: a token stays while the mass before it is below p', () => {
    const probs = [0.5, 0.3, 0.15, 0.05]
    expect(topP(probs, 0.5).massBefore).toEqual([0, 0.5, 0.8, 0.8 + 0.15])
    expect(kept(topP(probs, 0.5).keep)).toBe('A')
    expect(kept(topP(probs, 0.51).keep)).toBe('AB')
    expect(kept(topP(probs, 0.8).keep)).toBe('AB')
    expect(kept(topP(probs, 0.81).keep)).toBe('ABC')
  })
  it('p = 1 keeps everything, even zeros; p below the top token keeps the top token; p = 0 too', () => {
    expect(kept(topP([0.5, 0.5, 0], 1).keep)).toBe('ABC')
    expect(kept(topP(TOY, 0.1).keep)).toBe('A')
    expect(kept(topP(TOY, 0).keep)).toBe('A')
  })
  it('ties stay together', () => {
    expect(kept(topP([0.4, 0.3, 0.3], 0.5).keep)).toBe('ABC')
    expect(kept(topP([0.25, 0.25, 0.25, 0.25], 0.1).keep)).toBe('ABCD')
  })
  it('refuses p outside [0, 1]', () => {
    expect(() => topP(TOY, 1.2)).toThrow(/0 to 1/)
    expect(() => topP(TOY, NaN)).toThrow(/0 to 1/)
  })
  it('property: agrees with transformers’ bottom-up rule', () => {
    fc.assert(
      fc.property(distribution, fc.double({ min: 0, max: 1, noNaN: true }), (probs, p) => {
        // Away from the exact boundary, where the two summation orders may round differently.
        const mass = probs.map((_, i) => topP(probs, p).massBefore[i])
        fc.pre(mass.every((m) => Math.abs(m - p) > 1e-9))
        expect(topP(probs, p).keep).toEqual(oracleTopP(probs, p))
      }),
    )
  })
  it('property: the kept set is the most probable tokens, holds at least p of the mass, and grows with p', () => {
    fc.assert(
      fc.property(distribution, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (probs, p, q) => {
        const { keep } = topP(probs, p)
        const massKept = probs.reduce((a, x, i) => a + (keep[i] ? x : 0), 0)
        expect(massKept).toBeGreaterThanOrEqual(Math.min(p, 1) - 1e-9)
        probs.forEach((x, i) => probs.forEach((y, j) => keep[j] && x > y && expect(keep[i]).toBe(true)))
        const bigger = topP(probs, Math.max(p, q)).keep
        keep.forEach((k, i) => k && expect(bigger[i]).toBe(true))
      }),
    )
  })
})

describe('minP', () => {
  it('keeps tokens at least min_p times the top token', () => {
    expect(kept(minP(TOY, 0.2))).toBe('ABC')
    expect(kept(minP(TOY, 0.25))).toBe('ABC')
    expect(kept(minP(TOY, 0.26))).toBe('AB')
    expect(kept(minP(TOY, 0))).toBe('ABCDEF')
    expect(kept(minP([0.4, 0.4, 0.2], 1))).toBe('AB')
    expect(() => minP(TOY, -0.1)).toThrow(/0 to 1/)
  })
  it('property: scale-free (same answer before or after renormalising) and always keeps the top token', () => {
    fc.assert(
      fc.property(distribution, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (probs, m, scale) => {
        const keep = minP(probs, m)
        expect(keep[rankOrder(probs)[0]]).toBe(true)
        const scaled = probs.map((p) => p * scale)
        if (probs.every((p) => Math.abs(p * scale - m * Math.max(...scaled)) > 1e-12)) expect(minP(scaled, m)).toEqual(keep)
      }),
    )
  })
})

describe('renormalize', () => {
  it('scales the kept tokens to sum to 1 and zeros the rest', () => {
    expect(renormalize([0.5, 0.25, 0.25], [true, true, false])).toEqual([2 / 3, 1 / 3, 0])
    expect(() => renormalize([0.5, 0], [false, true])).toThrow(/no probability/)
  })
  it('property: sums to 1, keeps ratios between kept tokens', () => {
    fc.assert(
      fc.property(distribution, fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (probs, mask) => {
        const keep = probs.map((_, i) => mask[i] || i === rankOrder(probs)[0])
        const out = renormalize(probs, keep)
        expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
        const top = rankOrder(probs)[0]
        out.forEach((p, i) => {
          if (!keep[i]) expect(p).toBe(0)
          else expect(p * probs[top]).toBeCloseTo(out[top] * probs[i], 9)
        })
      }),
    )
  })
})
