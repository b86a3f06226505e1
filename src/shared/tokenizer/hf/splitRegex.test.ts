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

  it('spells \\p{..} out from the reference\'s Unicode 16 tables, not the runtime\'s Unicode 17', () => {
    // U+1C89 (Cyrillic, Unicode 16) is a letter; U+A7F1 and U+0C5C (Unicode 17) are not yet.
    expect(toJsRegex('^\\p{L}$').test('\u1C89')).toBe(true)
    expect(toJsRegex('^\\p{L}$').test('\uA7F1')).toBe(false)
    expect(toJsRegex('^[\\p{L}\\p{N}]$').test('\u0C5C')).toBe(false)
    expect(toJsRegex('^\\P{L}$').test('\uA7F1')).toBe(true)
    // U+0295 is Ll in Unicode 16 (Lo in 17).
    expect(toJsRegex('^\\p{Ll}$').test('\u0295')).toBe(true)
    expect(toJsRegex('^\\p{Lo}$').test('\u0295')).toBe(false)
    expect('a\u0085b'.match(toJsRegex('[\\S]+'))).toEqual(['a', 'b'])
  })

  it("folds as onig does: (?i:'s) also matches the long s U+017F", () => {
    expect("'\u017F 'St".match(toJsRegex("(?i:'s|'t)"))).toEqual(["'\u017F", "'S"])
  })

  it('refuses what it cannot translate', () => {
    expect(() => toJsRegex('\\p{Han}')).toThrow(/general categories/)
    expect(() => toJsRegex('(?i)abc')).toThrow(/inline flags/)
  })
})
