import { describe, expect, it } from 'vitest'
import { drawsTokenBoxes, hasRightToLeft, TOKEN_BOX_MIN_LINE_CHARS } from './tokenBoxes'
import { SAMPLES } from '../testing/samples'

describe('token boxes', () => {
  it('are drawn in long lines only', () => {
    const json = '{"a":[1,2,3]},'.repeat(200)
    expect(drawsTokenBoxes(TOKEN_BOX_MIN_LINE_CHARS - 1, () => json)).toBe(false)
    expect(drawsTokenBoxes(TOKEN_BOX_MIN_LINE_CHARS, () => json)).toBe(true)
    expect(drawsTokenBoxes(1_000_000, () => 'x'.repeat(3000))).toBe(true)
  })

  it('are not drawn where right-to-left text or bidi controls are near the part drawn', () => {
    const long = TOKEN_BOX_MIN_LINE_CHARS * 5
    expect(drawsTokenBoxes(long, () => SAMPLES.rtl)).toBe(false)
    for (const ch of ['\u05d0', '\u0627', '\u0710', '\u0780', '\u07ca', '\ufb50', '\ufe70', '\u200f', '\u202b', '\u202e', '\u2067', '\u{10800}', '\u{1e900}']) {
      expect(drawsTokenBoxes(long, () => `abc ${ch} def`), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(false)
    }
  })

  it('are drawn for left-to-right scripts, emoji and a left-to-right mark', () => {
    for (const text of ['plain ASCII', 'naïve café', '日本語のテキスト', 'Привет', '👩‍👩‍👧 🇺🇸', 'a\u200eb', '\ufeffBOM']) {
      expect(hasRightToLeft(text), text).toBe(false)
    }
  })
})
