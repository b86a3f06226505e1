import { describe, expect, it } from 'vitest'
import { NgramModel } from './ngram'
import { generateTokens } from './ngramGenerate'
import { NEUTRAL_SETTINGS } from './pipeline'
import { seededRandom } from './random'

// "a b a c a b a b a c" as ids: a=1, b=2, c=3.
const ids = Uint32Array.from([1, 2, 1, 3, 1, 2, 1, 2, 1, 3])

describe('generateTokens', () => {
  it('greedy (temperature 0) follows the most frequent continuation', () => {
    const m = new NgramModel(ids, 1)
    const steps = generateTokens(m, [1], 4, { ...NEUTRAL_SETTINGS, temperature: 0 }, seededRandom(1))
    // After a: b 3, c 2 → b; after b: a → a; then b, a.
    expect(steps.map((s) => s.id)).toEqual([2, 1, 2, 1])
    expect(steps[0].probability).toBe(1)
    expect(steps[0].continuations).toEqual({ contextLength: 1, total: 5, next: [{ id: 2, count: 3 }, { id: 3, count: 2 }] })
  })
  it('every pick is a candidate that followed its context in the text; the same seed repeats', () => {
    const m = new NgramModel(ids, 2)
    const settings = { ...NEUTRAL_SETTINGS, temperature: 1.5 }
    const a = generateTokens(m, [2, 1], 30, settings, seededRandom(9))
    const b = generateTokens(m, [2, 1], 30, settings, seededRandom(9))
    expect(a.map((s) => s.id)).toEqual(b.map((s) => s.id))
    expect(a).toHaveLength(30)
    for (const s of a) {
      const i = s.continuations.next.findIndex((n) => n.id === s.id)
      expect(i).toBeGreaterThanOrEqual(0)
      expect(s.result.keep[i]).toBe(true)
    }
  })
  it('uses at most the context length asked for', () => {
    const m = new NgramModel(ids, 3)
    const steps = generateTokens(m, [1, 2, 1], 3, { ...NEUTRAL_SETTINGS, temperature: 0 }, seededRandom(1), 1)
    expect(steps.map((s) => s.continuations.contextLength)).toEqual([1, 1, 1])
    expect(steps.map((s) => s.id)).toEqual([2, 1, 2])
  })
  it('top-k 1 is greedy too', () => {
    const m = new NgramModel(ids, 1)
    expect(generateTokens(m, [1], 3, { ...NEUTRAL_SETTINGS, topK: 1 }, seededRandom(3)).map((s) => s.id)).toEqual([2, 1, 2])
  })
  it('an empty model generates nothing', () => {
    expect(generateTokens(new NgramModel(new Uint32Array(0), 2), [], 5, NEUTRAL_SETTINGS, seededRandom(1))).toEqual([])
  })
})
