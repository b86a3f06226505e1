import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readLimit } from './limitInput'
import { formatCount } from '../text/format'

const value = (input: string) => {
  const r = readLimit(input)
  return r.ok ? r.value : null
}

describe('readLimit', () => {
  it.each([
    ['4096', 4096],
    ['4,096', 4096],
    [' 8 192 ', 8192],
    ['8\u202f192', 8192], // a narrow no-break space, as some locales group digits
    ['1_000', 1000],
    ['8k', 8000],
    ['128K', 128_000],
    ['1.5m', 1_500_000],
    ['12.5k', 12_500],
    ['1.234k', 1234],
    ['1.2340k', 1234],
    ['1,000k', 1_000_000],
    ['2.k', 2000],
    ['100m', 100_000_000],
  ])('reads %j as %d', (input, expected) => {
    expect(value(input)).toBe(expected)
  })

  it.each([
    // The European decimal comma: 12,5k is not 125,000.
    ['12,5k', /comma is not between groups of three/],
    ['1,00', /comma is not between groups of three/],
    ['1,0000', /comma is not between groups of three/],
    [',5', /comma/],
    // Not whole numbers.
    ['1.2345k', /is 1,234\.5 tokens; a limit is a whole number/],
    ['4.5', /is 4\.5 tokens/],
    ['4.096', /is 4\.096 tokens/],
    ['1.5', /whole number/],
    // Not numbers, or out of range.
    ['lots', /not a number of tokens/],
    ['', /Type a number/],
    ['-5', /not a number/],
    ['1e9', /not a number/],
    ['12kk', /not a number/],
    ['k', /not a number/],
    ['.5k', /not a number/],
    ['Infinity', /not a number/],
    ['0', /at least 1/],
    ['0k', /at least 1/],
    ['100,000,001', /at most 100,000,000/],
    ['99999999999999999999', /at most/],
  ])('rejects %j and says why', (input, message) => {
    const r = readLimit(input)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(message)
  })

  it('quotes the input once, never with doubled quotes', () => {
    const r = readLimit('"x"')
    expect(!r.ok && r.error).toContain('“"x"”')
    expect(!r.ok && r.error).not.toContain('""')
  })

  it('says what it understood, in en-US digits', () => {
    expect(readLimit('8k')).toMatchObject({ ok: true, understood: '= 8,000 tokens' })
    expect(readLimit('1')).toMatchObject({ ok: true, understood: '= 1 token' })
  })

  it('points out that k is 1,000 where a binary size was likely meant', () => {
    expect(readLimit('8k')).toMatchObject({ note: 'k means 1,000 here; for 8,192 type 8192.' })
    expect(readLimit('128k')).toMatchObject({ note: 'k means 1,000 here; for 131,072 type 131072.' })
    expect(readLimit('10k')).not.toHaveProperty('note')
    expect(readLimit('8000')).not.toHaveProperty('note')
  })

  it('reads every whole number back from its en-US, plain and k/m forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), (n) => {
        expect(value(String(n))).toBe(n)
        expect(value(formatCount(n))).toBe(n)
        expect(value(`${n / 1000}k`)).toBe(n)
        expect(value(`${n / 1_000_000}m`)).toBe(n)
      }),
    )
  })

  it('accepts a k/m number exactly when it is a whole number of tokens', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.stringMatching(/^\d{1,5}$/), fc.constantFrom('k', 'm'), (whole, fraction, suffix) => {
        const scale = suffix === 'k' ? 1000 : 1_000_000
        // Exact: whole.fraction × scale, in integer arithmetic on the digits.
        const numerator = BigInt(`${whole}${fraction}`) * BigInt(scale)
        const denominator = 10n ** BigInt(fraction.length)
        const isWhole = numerator % denominator === 0n
        const n = Number(numerator / denominator)
        const expected = isWhole && n >= 1 && n <= 100_000_000 ? n : null
        expect(value(`${whole}.${fraction}${suffix}`)).toBe(expected)
      }),
    )
  })
})
