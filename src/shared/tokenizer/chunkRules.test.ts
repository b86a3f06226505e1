import { describe, expect, it } from 'vitest'
import { addedNewlineCuts, normalizedWordCuts, REGEX_SPLIT_CUTS, SPACE_CUTS } from './chunkRules'

describe('addedNewlineCuts', () => {
  const nl = (content: string, id: number) => ({ id, content, special: false })

  it('cuts after a newline run when every added token with a newline is newlines only', () => {
    const rule = addedNewlineCuts([nl('\n', 1), nl('\n\n', 2), { id: 3, content: '<b>', special: true }])!
    expect(rule.isSafeCut('ab\n\ncd', 4)).toBe(true)
    expect(rule.isSafeCut('ab\n\ncd', 3)).toBe(false)
    expect(rule.isSafeCut('ab\n\ncd', 2)).toBe(false)
  })

  it('gives no rule when a newline could belong to a longer added token, or "\\n" is not one', () => {
    expect(addedNewlineCuts([nl('\n', 1), nl('\nx', 2)])).toBeNull()
    expect(addedNewlineCuts([nl('\n\n', 2)])).toBeNull()
  })
})

describe('SPACE_CUTS and normalizedWordCuts', () => {
  it('SPACE_CUTS cuts only before a space, never at a line start', () => {
    expect(SPACE_CUTS.isSafeWordCut!('ab cd', 2)).toBe(true)
    expect(SPACE_CUTS.isSafeWordCut!('ab cd', 3)).toBe(false)
    expect(SPACE_CUTS.isSafeWordCut!(' ab', 0)).toBe(false)
    expect(SPACE_CUTS.isSafeCut('ab\ncd', 3)).toBe(false)
  })

  it('normalizedWordCuts keeps a word cut only where the normalized characters still end a word', () => {
    const nfc = normalizedWordCuts(REGEX_SPLIT_CUTS, (s) => s.normalize('NFC'))
    const lower = normalizedWordCuts(REGEX_SPLIT_CUTS, (s) => s.toLowerCase())
    expect(nfc.isSafeWordCut!('ab\u0958,', 3)).toBe(false) // क़ is क + nukta under NFC
    expect(nfc.isSafeWordCut!('ab\u0915,', 3)).toBe(true)
    expect(lower.isSafeWordCut!('Aİ,', 2)).toBe(false) // İ lower-cases to i + U+0307
    expect(lower.isSafeWordCut!('AB,', 2)).toBe(true)
    expect(nfc.isSafeWordCut!('a𝐀,', 3)).toBe(true) // an astral letter before the cut
    expect(nfc.isSafeCut).toBe(REGEX_SPLIT_CUTS.isSafeCut)
  })
})
