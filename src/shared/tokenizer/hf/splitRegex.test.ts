import { describe, expect, it } from 'vitest'
import { toJsRegex, toSplitRegex } from './splitRegex'
import { SPLIT_CLASSES } from './unicodeTables.gen'
import { LOWER_LETTERS, MARKS, MODIFIER_OTHER_LETTERS, NUMBERS, UPPER_TITLE_LETTERS, WHITE_SPACE } from '../openai/unicodeClasses.gen'

/** The code points of range lists (lo, hi, lo, hi, ...) as one sorted list of ranges' members. */
function members(...lists: (readonly number[])[]): number[] {
  const out: number[] = []
  for (const r of lists) for (let i = 0; i < r.length; i += 2) for (let c = r[i]; c <= r[i + 1]; c++) out.push(c)
  return out.sort((a, b) => a - b)
}

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

  it("onig's tables (probed from Rust tokenizers) equal tiktoken's (the regex crate's): both Unicode 16", () => {
    expect(members(SPLIT_CLASSES.L)).toEqual(members(UPPER_TITLE_LETTERS, LOWER_LETTERS, MODIFIER_OTHER_LETTERS))
    expect(members(SPLIT_CLASSES.Ll)).toEqual(members(LOWER_LETTERS))
    expect(members(SPLIT_CLASSES.M)).toEqual(members(MARKS))
    expect(members(SPLIT_CLASSES.N)).toEqual(members(NUMBERS))
    expect(members(SPLIT_CLASSES.White_Space)).toEqual(members(WHITE_SPACE))
  })

  it("the fast twin (the engine's \\p{..}) is used only where it agrees; both split alike", () => {
    const split = toSplitRegex("(?i:'s)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}|\\s+")
    const exact = toJsRegex("(?i:'s)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}|\\s+")
    // U+A7F1 is a letter to Node 20's Unicode 17, not to the reference: the exact regex splits it.
    expect(split.regexFor('x\uA7F1y').source).toBe(exact.source)
    expect(split.regexFor('plain text, café 日本').source).not.toBe(exact.source)
    for (const text of ['x\uA7F1y', "plain text, café 日本 it'\u017F"]) expect(text.match(split.regexFor(text))).toEqual(text.match(exact))
  })
})
