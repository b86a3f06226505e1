import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeWithOffsets } from './normalizedText'

describe('normalizeWithOffsets', () => {
  it('gives the same text as String.normalize, in pieces', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'e', ' ', '\u0301', '\u030a', 'ﬁ', '㎏', 'Å', '한', '\u1161', 'x') }), (text) => {
        for (const form of ['NFC', 'NFKC'] as const) expect(normalizeWithOffsets(text, [{ kind: 'unicode', form }]).text).toBe(text.normalize(form))
      }),
      { seed: 3, numRuns: 500 },
    )
  })

  it('maps offsets back monotonically, exactly outside changed stretches', () => {
    const text = 'ab e\u0301 cd ﬁ end'
    const norm = normalizeWithOffsets(text, [{ kind: 'unicode', form: 'NFKC' }])
    expect(norm.text).toBe('ab é cd fi end')
    expect(norm.toOriginal(0)).toBe(0)
    expect(norm.toOriginal(norm.text.indexOf('cd'))).toBe(text.indexOf('cd'))
    expect(norm.toOriginal(norm.text.indexOf('end'))).toBe(text.indexOf('end'))
    expect(norm.toOriginal(norm.text.length)).toBe(text.length)
    for (let i = 1; i <= norm.text.length; i++) expect(norm.toOriginal(i)).toBeGreaterThanOrEqual(norm.toOriginal(i - 1))
  })

  it('keeps offsets for a same-length replacement (a space for ▁)', () => {
    const norm = normalizeWithOffsets('a b  c', [{ kind: 'replace', from: ' ', to: '▁' }])
    expect(norm.text).toBe('a▁b▁▁c')
    expect(norm.toOriginal(4)).toBe(4)
  })
})
