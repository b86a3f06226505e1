import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { alignSegmentations } from './align'
import { loadEncoding, type LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import { tokenizeAll } from '../document/tokenize'

let o200k: LoadedEncoding
let r50k: LoadedEncoding
beforeAll(async () => {
  o200k = await loadEncoding('o200k_base')
  r50k = await loadEncoding('r50k_base')
})

describe('alignSegmentations', () => {
  it('groups where the encodings cut differently and marks where they agree', () => {
    // "    x" : r50k splits runs of spaces one by one, o200k keeps them together.
    const text = 'Hello world\n        indented'
    const a = tokenizeAll(text, o200k, 'text').table
    const b = tokenizeAll(text, r50k, 'text').table
    const groups = alignSegmentations(a.starts, b.starts)
    expect(groups[0]).toMatchObject({ from: 0, to: 5, same: true })
    const diff = groups.filter((g) => !g.same).map((g) => text.slice(g.from, g.to))
    expect(diff.length).toBeGreaterThan(0)
    expect(diff.some((d) => /^ {2,}$/.test(d))).toBe(true)
  })

  it('an empty text has no groups; mismatched texts are refused', () => {
    expect(alignSegmentations([0], [0])).toEqual([])
    expect(() => alignSegmentations([0, 3], [0, 4])).toThrow(/same text/)
  })

  it('property: groups tile the text and the token lists, and both sides meet at every group end', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const a = tokenizeAll(text, o200k, 'text').table
        const b = tokenizeAll(text, r50k, 'text').table
        const groups = alignSegmentations(a.starts, b.starts)
        let pos = 0
        let i = 0
        let j = 0
        for (const g of groups) {
          expect(g.from).toBe(pos)
          expect(g.to).toBeGreaterThanOrEqual(g.from)
          expect([g.a0, g.b0]).toEqual([i, j])
          expect(g.a1 > g.a0 || g.b1 > g.b0).toBe(true)
          // Both sides' tokens in the group cover exactly [from, to).
          if (g.a1 > g.a0) expect([a.starts[g.a0], a.starts[g.a1]]).toEqual([g.from, g.to])
          if (g.b1 > g.b0) expect([b.starts[g.b0], b.starts[g.b1]]).toEqual([g.from, g.to])
          if (g.same) expect(text.slice(a.starts[g.a0], a.starts[g.a0 + 1])).toBe(text.slice(b.starts[g.b0], b.starts[g.b0 + 1]))
          pos = g.to
          i = g.a1
          j = g.b1
        }
        expect([pos, i, j]).toEqual([text.length, a.ids.length, b.ids.length])
      }),
      { numRuns: 300 },
    )
  })
})
