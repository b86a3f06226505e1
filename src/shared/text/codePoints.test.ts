import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CodePointCursor, codePointOffset, pairsIn } from './codePoints'

/** The oracle: the text's code points as JavaScript iterates them (lone surrogates one each). */
const codePointsBefore = (text: string, pos: number) => Array.from(text.slice(0, pos)).length

// Text with astral characters, lone surrogates and plain ASCII mixed.
const unit = fc.oneof(
  fc.constantFrom('a', ' ', '\n', 'é', '日', '🦙', '👩🏽‍💻', '\ud83d', '\udc99', '𝔸'),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
)
const text = fc.array(unit, { maxLength: 40 }).map((parts) => parts.join(''))

describe('code-point offsets', () => {
  it('equal the number of code points JavaScript iterates before each UTF-16 offset that is not inside a pair', () => {
    fc.assert(
      fc.property(text, (t) => {
        const cursor = new CodePointCursor(t)
        for (let pos = 0; pos <= t.length; pos++) {
          const inside = pos > 0 && pos < t.length && /[\ud800-\udbff]/.test(t[pos - 1]) && /[\udc00-\udfff]/.test(t[pos])
          const got = cursor.at(pos)
          expect(got).toBe(codePointOffset(t, pos))
          if (!inside) expect(got).toBe(codePointsBefore(t, pos))
        }
      }),
    )
  })
  it('count each emoji once and a lone surrogate once', () => {
    expect(codePointOffset('a🦙b', 4)).toBe(3)
    expect(codePointOffset('\udc99\ud83d!', 3)).toBe(3)
    expect(pairsIn('🦙🦙', 1, 4)).toBe(2)
  })
  it('the cursor refuses to go back', () => {
    const c = new CodePointCursor('abc')
    c.at(2)
    expect(() => c.at(1)).toThrow(RangeError)
  })
})
