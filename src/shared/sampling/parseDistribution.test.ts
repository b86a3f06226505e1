import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDistribution, parseDistribution, type ParsedDistribution } from './parseDistribution'

const ok = (r: ParsedDistribution) => {
  if (!r.ok) throw new Error(r.errors.join(' '))
  return r
}
const errors = (r: ParsedDistribution) => (r.ok ? [] : r.errors).join(' ')

describe('parseDistribution', () => {
  it('reads the toy list, normalises its sum of 0.78 and says so', () => {
    const r = ok(parseDistribution('A:0.4, B:0.2, C:0.1, D:0.05, E:0.02, F:0.01'))
    expect(r.distribution.tokens).toEqual(['A', 'B', 'C', 'D', 'E', 'F'])
    expect(r.distribution.probs[0]).toBeCloseTo(0.4 / 0.78, 12)
    expect(r.notes).toEqual(['The probabilities sum to 0.78, not 1; they were normalised (each divided by 0.78).'])
  })
  it('says nothing when the sum is 1', () => {
    expect(ok(parseDistribution('A:0.5\nB:0.25\nC:0.25')).notes).toEqual([])
  })
  it('reads percentages, quoted tokens with spaces, commas and colons, and semicolons', () => {
    const r = ok(parseDistribution('" the":40%; "a,b":30%, "x:y": 30%'))
    expect(r.distribution.tokens).toEqual([' the', 'a,b', 'x:y'])
    expect(r.distribution.probs).toEqual([0.4, 0.3, 0.3])
  })
  it('reads JSON objects, pairs and objects with prob or logprob', () => {
    expect(ok(parseDistribution('{"A": 0.5, "B": 0.5}')).distribution).toEqual({ tokens: ['A', 'B'], probs: [0.5, 0.5] })
    expect(ok(parseDistribution('[["A", 0.75], ["B", 0.25]]')).distribution).toEqual({ tokens: ['A', 'B'], probs: [0.75, 0.25] })
    const r = ok(parseDistribution(`[{"token": "A", "logprob": ${Math.log(0.5)}}, {"token": "B", "probability": 0.5}]`))
    expect(r.distribution.probs[0]).toBeCloseTo(0.5, 12)
  })
  it('refuses empty, negative, NaN, missing, infinite and duplicate entries with clear messages', () => {
    expect(errors(parseDistribution('  '))).toMatch(/empty/)
    expect(errors(parseDistribution(',,'))).toMatch(/empty/)
    expect(errors(parseDistribution('A:0.5, B:-0.1'))).toMatch(/"B" has a negative probability \(-0.1\)/)
    expect(errors(parseDistribution('A:0.5, B:abc'))).toMatch(/"B" has "abc", which is not a number/)
    expect(errors(parseDistribution('A:NaN'))).toMatch(/not a number/)
    expect(errors(parseDistribution('A:'))).toMatch(/no probability/)
    expect(errors(parseDistribution('A 0.5'))).toMatch(/no colon/)
    expect(errors(parseDistribution('A:Infinity'))).toMatch(/infinite/)
    expect(errors(parseDistribution('A:0.5, B:0.2, A:0.3'))).toMatch(/"A" appears twice \(entries 1 and 3\)/)
    expect(errors(parseDistribution('A:0, B:0'))).toMatch(/Every probability is 0/)
    expect(errors(parseDistribution('{"A": 0.5,'))).toMatch(/not valid JSON/)
    expect(errors(parseDistribution('[1, 2]'))).toMatch(/Item 1 is not/)
    expect(errors(parseDistribution('{"A": "x"}'))).toMatch(/not a number/)
    expect(errors(parseDistribution(':0.5'))).toMatch(/empty token/)
  })
  it('reports every problem at once', () => {
    const r = parseDistribution('A:-1, B:x, A:0.2')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors).toHaveLength(3)
  })
  it('refuses more than 10,000 tokens', () => {
    const text = Array.from({ length: 10_001 }, (_, i) => `t${i}:1`).join(',')
    expect(errors(parseDistribution(text))).toMatch(/at most 10,000/)
  })
  it('property: formatDistribution round-trips any tokens', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (tokens) => {
        const probs = tokens.map(() => 1 / tokens.length)
        const r = ok(parseDistribution(formatDistribution({ tokens, probs })))
        expect(r.distribution.tokens).toEqual(tokens)
        r.distribution.probs.forEach((p) => expect(p).toBeCloseTo(1 / tokens.length, 5))
      }),
    )
  })
  it('property: never throws on any input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => void parseDistribution(s)))
  })
})

describe('parseDistribution, brackets as tokens', () => {
  it('reads a list whose first token is a bracket when it is not JSON (and has no quotes)', () => {
    expect(ok(parseDistribution('[:0.5, ]:0.5')).distribution.tokens).toEqual(['[', ']'])
  })
})

describe('parseDistribution, pairs separated by spaces (issue 26)', () => {
  it('reads A:0.4 B:0.2 … as six candidates, as tutorials write them', () => {
    const r = ok(parseDistribution('A:0.4 B:0.2 C:0.1 D:0.05 E:0.02 F:0.01'))
    expect(r.distribution.tokens).toEqual(['A', 'B', 'C', 'D', 'E', 'F'])
    expect(r.distribution.probs[1]).toBeCloseTo(0.2 / 0.78, 12)
    expect(r.notes).toEqual(['The probabilities sum to 0.78, not 1; they were normalised (each divided by 0.78).'])
  })
  it('reads tabs, several spaces, percentages and quoted tokens between the pairs', () => {
    const r = ok(parseDistribution('" the":50%\t  " a":25%   x:25%'))
    expect(r.distribution.tokens).toEqual([' the', ' a', 'x'])
    expect(r.distribution.probs).toEqual([0.5, 0.25, 0.25])
  })
  it('keeps a token with spaces that is not a list of pairs (New York:0.5)', () => {
    const r = ok(parseDistribution('New York:0.5, Paris:0.5'))
    expect(r.distribution.tokens).toEqual(['New York', 'Paris'])
    expect(r.notes).toEqual([])
  })
  it('says so when a token holds what looks like further name:number pairs', () => {
    const r = ok(parseDistribution('the cat:0.4 dog:0.6, B:1'))
    expect(r.distribution.tokens).toEqual(['the cat:0.4 dog', 'B'])
    expect(r.notes.join(' ')).toMatch(/"the cat:0\.4 dog" looks like more than one token:probability pair \(cat:0\.4\); separate entries with commas/)
  })
  it('a quoted token holding pairs is meant as it is: no note', () => {
    const r = ok(parseDistribution('"a:1 b":0.5, c:0.5'))
    expect(r.distribution.tokens).toEqual(['a:1 b', 'c'])
    expect(r.notes).toEqual([])
  })
})
