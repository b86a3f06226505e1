import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseLogprobs } from './logprobs'
import { alternativesOf, perplexity, probabilityBand, surpriseBits } from './surprise'

describe('surprise and perplexity', () => {
  it('surprise in bits: a coin flip is 1 bit, a certainty 0, an impossibility infinite', () => {
    expect(surpriseBits(Math.log(0.5))).toBeCloseTo(1, 12)
    expect(surpriseBits(Math.log(0.125))).toBeCloseTo(3, 12)
    expect(surpriseBits(0)).toBe(0)
    expect(surpriseBits(-Infinity)).toBe(Infinity)
  })
  it('perplexity is exp of the mean negative logprob, over known tokens only', () => {
    const t = (logprob: number | null) => ({ token: 'x', logprob, top: [] })
    const r = perplexity([t(Math.log(0.5)), t(Math.log(0.25)), t(null)])!
    expect(r.counted).toBe(2)
    expect(r.perplexity).toBeCloseTo(Math.sqrt(8), 12)
    expect(r.totalBits).toBeCloseTo(3, 12)
    expect(perplexity([t(null)])).toBeNull()
    // A uniform choice among 4 at every step has perplexity 4.
    expect(perplexity([t(Math.log(0.25)), t(Math.log(0.25))])!.perplexity).toBeCloseTo(4, 12)
  })
  it('bands by probability', () => {
    expect([0.95, 0.9, 0.6, 0.3, 0.1, 0.01].map(probabilityBand)).toEqual([0, 0, 1, 2, 3, 4])
  })
})

describe('alternativesOf', () => {
  it('the top list as a distribution, the rest of the mass as "other"', () => {
    const doc = parseLogprobs(readFileSync(new URL('./fixtures/openai-chat.json', import.meta.url), 'utf8'))
    if (!doc.ok) throw new Error(doc.error)
    const a = alternativesOf(doc.document.tokens[1])
    expect(a.distribution.tokens).toEqual(['!', ' there', ','])
    expect(a.chosen).toBe(1)
    expect(a.listed).toBeCloseTo(Math.exp(-0.5734016) + Math.exp(-0.9734016) + Math.exp(-3.2), 12)
    expect(a.listed).toBeLessThan(1)
  })
  it('adds the chosen token when the top list lacks it, and tells same-text tokens apart', () => {
    const a = alternativesOf({
      token: 'z',
      logprob: Math.log(0.01),
      top: [
        { token: 'a', logprob: Math.log(0.5) },
        { token: 'a', logprob: Math.log(0.3) },
      ],
    })
    expect(a.distribution.tokens).toEqual(['a', 'a (2)', 'z'])
    expect(a.chosen).toBe(2)
  })
})
