import { describe, expect, it } from 'vitest'
import { splitOnSpecialTokens } from './specialTokens'

const specials = new Map([
  ['<|endoftext|>', 100],
  ['<|fim_prefix|>', 101],
])

describe('splitOnSpecialTokens', () => {
  it('finds specials at the start, middle, end and back to back', () => {
    const text = '<|endoftext|>a<|fim_prefix|><|endoftext|>b<|endoftext|>'
    const segs = splitOnSpecialTokens(text, specials)
    expect(segs.map((s) => [text.slice(s.start, s.end), s.specialId])).toEqual([
      ['<|endoftext|>', 100],
      ['a', undefined],
      ['<|fim_prefix|>', 101],
      ['<|endoftext|>', 100],
      ['b', undefined],
      ['<|endoftext|>', 100],
    ])
  })
  it('leaves unknown and malformed special-like strings as text', () => {
    const text = 'x<|im_start|>y<|endoftext|z<||>'
    expect(splitOnSpecialTokens(text, specials)).toEqual([{ start: 0, end: text.length }])
  })
  it('gives one empty segment for empty text', () => {
    expect(splitOnSpecialTokens('', specials)).toEqual([{ start: 0, end: 0 }])
  })
})
