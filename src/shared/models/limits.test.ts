import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MAX_LIMIT } from './limitInput'
import { limitCutOffset, limitStatus, MAX_CUSTOM_LIMIT, meterValue, parseLimit } from './limits'

describe('limitStatus', () => {
  it('reports room left within the limit', () => {
    expect(limitStatus(1000, 1024)).toEqual({ limit: 1024, used: 1000, remaining: 24, over: 0, fraction: 1000 / 1024 })
  })
  it('reports how far over', () => {
    const s = limitStatus(5000, 4096)
    expect(s.remaining).toBe(0)
    expect(s.over).toBe(904)
    expect(s.fraction).toBeGreaterThan(1)
  })
  it('is exactly full at the limit', () => {
    expect(limitStatus(1024, 1024)).toMatchObject({ remaining: 0, over: 0, fraction: 1 })
  })
})

describe('limitCutOffset', () => {
  const starts = [0, 3, 5, 9, 12] // 4 tokens over 12 characters
  const tokens = { count: 4, exactCount: 4, start: (i: number) => starts[i] }
  it('is the start of the first token past the limit', () => {
    expect(limitCutOffset(tokens, 2)).toBe(5)
    expect(limitCutOffset(tokens, 0)).toBe(0)
  })
  it('is null when everything fits', () => {
    expect(limitCutOffset(tokens, 4)).toBeNull()
    expect(limitCutOffset(tokens, 100)).toBeNull()
  })
  it('is null while the token at the limit has no final index yet', () => {
    // Tokens 2 and 3 come after a part of the text still being tokenized.
    const streaming = { ...tokens, exactCount: 2 }
    expect(limitCutOffset(streaming, 1)).toBe(3)
    expect(limitCutOffset(streaming, 2)).toBeNull()
    expect(limitCutOffset(streaming, 3)).toBeNull()
  })
})

describe('parseLimit', () => {
  it('has the same maximum as readLimit', () => {
    expect(MAX_CUSTOM_LIMIT).toBe(MAX_LIMIT)
  })
  it.each([
    ['4096', 4096],
    ['4,096', 4096],
    [' 8 192 ', 8192],
    ['8k', 8000],
    ['128K', 128000],
    ['1.5m', 1_500_000],
    ['1_000', 1000],
  ])('%s -> %d', (input, expected) => {
    expect(parseLimit(input)).toBe(expected)
  })
  it.each(['', 'abc', '0', '-5', '1e9', '4.5', '4.096', '12,5k', '1.2345k', String(MAX_CUSTOM_LIMIT + 1), '12kk', 'NaN', 'Infinity'])('rejects %j', (input) => {
    expect(parseLimit(input)).toBeNull()
  })
})

describe('meterValue', () => {
  it('is the tokens used within the limit, the limit past it, never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 1e9 }), fc.integer({ min: 1, max: MAX_CUSTOM_LIMIT }), (used, limit) => {
        const v = meterValue(used, limit)
        expect(v).toBeGreaterThanOrEqual(0)
        expect(v).toBeLessThanOrEqual(limit)
        if (used >= 0 && used <= limit) expect(v).toBe(used)
        if (used > limit) expect(v).toBe(limit)
      }),
    )
  })
})
