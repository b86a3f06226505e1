import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addCounts, charsPerToken, countText, endsWithLineBreak, lineCount } from './counts'

describe('countText', () => {
  it('counts code points, words, UTF-8 bytes and newlines', () => {
    expect(countText('Hello, world!\nSecond line')).toEqual({ characters: 25, words: 4, bytes: 25, newlines: 1 })
  })
  it('counts astral characters once and their four bytes', () => {
    expect(countText('🦙 日本')).toEqual({ characters: 4, words: 1, bytes: 4 + 1 + 6, newlines: 0 })
  })
  it('counts CRLF as one newline, and lone CR too', () => {
    expect(countText('a\r\nb\rc\n').newlines).toBe(3)
  })
  it('counts a lone surrogate as three bytes, like TextEncoder', () => {
    const s = 'a\ud800b'
    expect(countText(s).bytes).toBe(new TextEncoder().encode(s).length)
  })
  it('treats no-break and ideographic spaces as word breaks', () => {
    expect(countText('a\u00a0b\u3000c').words).toBe(3)
  })
  it('counts runs of letters and digits as words; apostrophes inside join, punctuation does not', () => {
    expect(countText("don't stop, it’s 2026 — naïve e\u0301tude").words).toBe(6)
    expect(countText('{"id":42,"ok":true}').words).toBe(4)
    expect(countText("'quoted' well-known").words).toBe(3)
  })
  it('sums across pieces split after a newline', () => {
    const a = 'one two\n'
    const b = 'three'
    expect(addCounts(countText(a), countText(b))).toEqual(countText(a + b))
  })
  it('is zero for empty text', () => {
    expect(countText('')).toEqual({ characters: 0, words: 0, bytes: 0, newlines: 0 })
  })
})

describe('charsPerToken', () => {
  it('divides, and is null without tokens', () => {
    expect(charsPerToken(10, 4)).toBe(2.5)
    expect(charsPerToken(10, 0)).toBeNull()
  })
})

describe('lineCount (issue 26: one definition for the app and the command line)', () => {
  const lines = (text: string) => lineCount(countText(text), endsWithLineBreak(text))
  it('counts as wc -l does, plus a last line without a newline', () => {
    expect(lines('')).toBe(0)
    expect(lines('a')).toBe(1)
    expect(lines('a\nb')).toBe(2)
    expect(lines('a\nb\n')).toBe(2)
    // The file of the issue: ending in "\n\n" is one empty line more, not two.
    expect(lines('a\n\n')).toBe(2)
    expect(lines('\n')).toBe(1)
    expect(lines('a\r\nb\r\n')).toBe(2)
    expect(lines('a\rb\r')).toBe(2)
    expect(lines('a\r\n\r\n')).toBe(2)
  })
  it('agrees with wc -l plus an unterminated last line on any text (oracle: split on line breaks)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'é', '\n', '\r', '\r\n', ' ', '🦙'), { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        const terminated = text.split(/\r\n|\r|\n/)
        const expected = terminated.length - (terminated[terminated.length - 1] === '' ? 1 : 0)
        expect(lines(text)).toBe(expected)
      }),
    )
  })
})
