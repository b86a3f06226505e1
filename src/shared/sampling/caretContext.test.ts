import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadEncoding } from '../tokenizer/openai/encodingLoader'
import { tokenizeAll } from '../document/tokenize'
import { flatTokenView } from '../document/tokenView'
import { tokensBefore } from './caretContext'

describe('tokensBefore', () => {
  it('counts the tokens that end at or before the caret (checked against the spans themselves)', async () => {
    const enc = await loadEncoding('o200k_base')
    const text = 'the cat sat. 日本語 🦙 and more'
    const view = flatTokenView(tokenizeAll(text, enc, 'text').table)
    expect(tokensBefore(view, 0)).toBe(0)
    expect(tokensBefore(view, text.length)).toBe(view.count)
    // "the" is one token: the caret after it has one token before it; inside it, none.
    expect(tokensBefore(view, 3)).toBe(1)
    expect(tokensBefore(view, 2)).toBe(0)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length }), (pos) => {
        let n = 0
        for (let i = 0; i < view.count; i++) if (view.end(i) <= pos) n++
        expect(tokensBefore(view, pos)).toBe(n)
      }),
    )
  })
  it('is 0 for no tokens', () => {
    expect(tokensBefore({ count: 0, exactCount: 0, id: () => 0, start: () => 0, end: () => 0, flags: () => 0, indexAt: () => 0 }, 5)).toBe(0)
  })
})
