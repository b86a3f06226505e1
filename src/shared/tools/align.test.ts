import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { alignSegmentations } from './align'
import { loadEncoding, type LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import { tokenizeAll } from '../document/tokenize'

let o200k: LoadedEncoding
let r50k: LoadedEncoding
let cl100k: LoadedEncoding
beforeAll(async () => {
  o200k = await loadEncoding('o200k_base')
  r50k = await loadEncoding('r50k_base')
  cl100k = await loadEncoding('cl100k_base')
})

/** Each token's byte length, from the encoding's own bytes. */
const byteLengths = (enc: LoadedEncoding, ids: Uint32Array) => (i: number) => enc.tokenBytes(ids[i]).length

describe('alignSegmentations, characters split across tokens (issue 26)', () => {
  it('an encoding compared with itself cuts every stretch the same, emoji split into bytes included', () => {
    const text = 'Emoji 🦙 too.'
    const a = tokenizeAll(text, cl100k, 'text').table
    // cl100k cuts the llama into bytes 20f09f | a6 | 99: one token with the text, two of zero width.
    expect(Array.from(a.ids, (id) => Buffer.from(cl100k.tokenBytes(id)).toString('hex'))).toContain('20f09f')
    const groups = alignSegmentations(a.starts, a.starts, byteLengths(cl100k, a.ids), byteLengths(cl100k, a.ids))
    expect(groups.filter((g) => !g.same)).toEqual([])
    expect(groups).toHaveLength(4)
  })
  it('the same spans with the bytes shared out differently are not the same', () => {
    // Both: one token with the text, then one of zero width; 4+1 bytes against 3+2.
    const groups = alignSegmentations([0, 2, 2], [0, 2, 2], (i) => [4, 1][i], (i) => [3, 2][i])
    expect(groups).toEqual([{ from: 0, to: 2, a0: 0, a1: 2, b0: 0, b1: 2, same: false }])
    expect(alignSegmentations([0, 2, 2], [0, 2, 2], (i) => [4, 1][i], (i) => [4, 1][i])[0].same).toBe(true)
  })
  it('property: any text against itself is all the same', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        for (const enc of [cl100k, r50k]) {
          const t = tokenizeAll(text, enc, 'text').table
          const groups = alignSegmentations(t.starts, t.starts, byteLengths(enc, t.ids), byteLengths(enc, t.ids))
          expect(groups.every((g) => g.same)).toBe(true)
        }
      }),
      { numRuns: 200 },
    )
  })
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
