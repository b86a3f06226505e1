import { describe, expect, it } from 'vitest'
import { toJsRegex } from './splitRegex'

describe('toJsRegex', () => {
  it("rewrites (?i:...) into case classes (Node 20 has no inline flags)", () => {
    const re = toJsRegex("(?i:'s|'ll)|x")
    expect("'S 'Ll x".match(re)).toEqual(["'S", "'Ll", 'x'])
  })

  it('uses Unicode White_Space for \\s: U+0085 is space, U+FEFF is not', () => {
    expect(toJsRegex('\\s+').test('\u0085')).toBe(true)
    expect(toJsRegex('^\\s+$').test('\ufeff')).toBe(false)
    expect('a\u0085b\ufeffc'.match(toJsRegex('[^\\s]+'))).toEqual(['a', 'b\ufeffc'])
    expect('a\ufeff'.match(toJsRegex('\\S+'))).toEqual(['a\ufeff'])
  })

  it('refuses what it cannot translate', () => {
    expect(() => toJsRegex('[\\S]')).toThrow(/\\S inside/)
    expect(() => toJsRegex('(?i)abc')).toThrow(/inline flags/)
  })
})
