import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BpeEncoder, MERGE_CACHE_ENTRIES, utf8ByteString, wellFormed } from './bpeEncoder'

const utf8 = new TextEncoder()
const byteString = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('')

describe('utf8ByteString and wellFormed', () => {
  it('give the bytes TextEncoder gives, lone surrogates as U+FFFD', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\ud800', '\udfff', '\ufeff'), fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c))) }), (text) => {
        expect(utf8ByteString(text)).toBe(byteString(utf8.encode(text)))
        expect(wellFormed(text)).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(utf8.encode(text)))
      }),
    )
  })
  it('leave ASCII and well-formed text as it is', () => {
    const ascii = 'plain ASCII'
    expect(utf8ByteString(ascii)).toBe(ascii)
    const text = 'naïve 🦙'
    expect(wellFormed(text)).toBe(text)
  })
})

describe('BpeEncoder', () => {
  // A toy vocabulary: every byte, then merges; one token stored as bytes (a BOM), as gpt-tokenizer stores it.
  const ranks: (string | number[])[] = Array.from({ length: 256 }, (_, b) => (b < 0x80 ? String.fromCharCode(b) : [b]))
  ranks.push('ab', 'abc', 'bc', [0xef, 0xbb, 0xbf], [0xef, 0xbb])
  const words = (text: string, onPiece: (s: number, e: number) => void) => {
    for (const m of text.matchAll(/\S+|\s+/gu)) onPiece(m.index, m.index + m[0].length)
  }
  const enc = new BpeEncoder(ranks, words)

  it('merges the lowest-ranked pair first and finds tokens stored as bytes, a BOM among them', () => {
    expect(enc.encode('abc')).toEqual([257])
    expect(enc.encode('abcd')).toEqual([257, 100])
    expect(enc.encode('\ufeff')).toEqual([259])
    expect(enc.encode('\ufeffab')).toEqual([259, 256])
    expect(enc.encode('x \ud800')).toEqual([120, 32, 0xef, 0xbf, 0xbd])
  })

  it('keeps its merge cache bounded on text where every piece is new', () => {
    const text = Array.from({ length: MERGE_CACHE_ENTRIES * 2 }, (_, i) => 'q' + i.toString(36)).join(' ')
    const ids = enc.encode(text)
    expect(ids.length).toBeGreaterThan(MERGE_CACHE_ENTRIES * 2)
    expect((enc as unknown as { mergeCache: Map<string, number[]> }).mergeCache.size).toBeLessThanOrEqual(MERGE_CACHE_ENTRIES)
  })
})
