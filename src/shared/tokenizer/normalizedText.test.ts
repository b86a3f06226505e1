import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nfcNormalizer, nfkcNormalizer } from 'tokenizers'
import { normalizePinned, normalizeWithOffsets } from './normalizedText'
import { fuzzUnit } from '../testing/fuzzTexts'
import { wellFormed } from './bpe/bpeEncoder'

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

  it("pinned: NFC and NFKC as Hugging Face's Rust tokenizers give them (Unicode 9.0 data), not the engine's", () => {
    // U+1AC2 (Unicode 13, combining class 230 today) is unknown to the reference: nothing reorders.
    expect(normalizePinned('\u1AC2\u309A', 'NFC')).toBe('\u1AC2\u309A')
    expect('\u1AC2\u309A'.normalize('NFC')).toBe('\u309A\u1AC2')
    // U+10781 (Unicode 14) has a compatibility mapping today; the reference keeps it.
    expect(normalizePinned('a\u{10781}ﬁ', 'NFKC')).toBe('a\u{10781}fi')
    expect(normalizeWithOffsets('e\u0301\u1AC2\u0301x', [{ kind: 'unicode', form: 'NFC', pinned: true }]).text).toBe('\u00e9\u1AC2\u0301x')
    const nfc = nfcNormalizer()
    const nfkc = nfkcNormalizer()
    fc.assert(
      fc.property(fc.array(fuzzUnit([]), { maxLength: 30 }), (parts) => {
        const text = wellFormed(parts.join(''))
        expect(normalizeWithOffsets(text, [{ kind: 'unicode', form: 'NFC', pinned: true }]).text, JSON.stringify(text)).toBe(nfc.normalizeString(text))
        expect(normalizeWithOffsets(text, [{ kind: 'unicode', form: 'NFKC', pinned: true }]).text, JSON.stringify(text)).toBe(nfkc.normalizeString(text))
      }),
      { seed: 25, numRuns: 1000 },
    )
  })
})
