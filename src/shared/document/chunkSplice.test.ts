import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clampSplice, spliceChunks } from './chunkSplice'
import { DocumentModel, type ChunkRange } from './documentModel'
import { TokenIndex } from './tokenIndex'
import type { ChunkTokens } from './tokenize'
import { LEAF_CHUNKS } from './tokenLeaf'

const moveCopy = (c: ChunkRange, d: number) => ({ start: c.start + d, end: c.end + d })

/** Chunk texts as tokens: one token per character, id = its code unit (enough to tell chunks apart). */
function charTokens(text: string): ChunkTokens {
  const n = text.length
  return {
    ids: Uint32Array.from(text, (ch) => ch.charCodeAt(0)),
    starts: Uint32Array.from({ length: n + 1 }, (_, i) => i),
    flags: new Uint8Array(n),
    counts: { characters: n, words: 0, bytes: n, newlines: 0 },
  }
}

describe('spliceChunks', () => {
  it('keeps the chunks before, inserts, moves the chunks after, and leaves the list as it was', () => {
    const list = [
      { start: 0, end: 2 },
      { start: 2, end: 5 },
      { start: 5, end: 9 },
      { start: 9, end: 10 },
    ]
    const copy = structuredClone(list)
    const out = spliceChunks(list, { from: 1, remove: 2, insert: [{ start: 2, end: 4 }], shift: -5 }, moveCopy)
    expect(out).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 5 },
    ])
    expect(out[0]).toBe(list[0])
    expect(list).toEqual(copy)
  })

  it('limits a splice to the list like Array.splice, and rejects negative arguments', () => {
    expect(clampSplice({ from: 1, remove: 9 }, 3)).toEqual({ from: 1, remove: 2 })
    expect(clampSplice({ from: 7, remove: 2 }, 3)).toEqual({ from: 3, remove: 0 })
    const inRange = { from: 1, remove: 1 }
    expect(clampSplice(inRange, 3)).toBe(inRange)
    expect(() => clampSplice({ from: -1, remove: 0 }, 3)).toThrow(RangeError)
    expect(() => clampSplice({ from: 0, remove: -1 }, 3)).toThrow(RangeError)
    expect(spliceChunks([{ start: 0, end: 1 }], { from: 0, remove: 5, insert: [], shift: 0 }, moveCopy)).toEqual([])
  })
})

const alphabet = ['\n', 'a\n', ' b\n', 'Word', '.', '🦙\n', '\n\n', 'x\nY', '日本\n', ',']
const piece = (max: number, min = 0) => fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''))
const editArb = fc.record({ a: fc.nat(), b: fc.nat(300), insert: piece(60) })

describe('DocumentModel and TokenIndex share one splice', () => {
  it('after random edits they hold the same chunks; chunks outside an edit keep their identity and tokens', () => {
    let mostChunks = 0
    fc.assert(
      fc.property(piece(900, 300), fc.array(editArb, { minLength: 1, maxLength: 15 }), (start, edits) => {
        // Tiny chunks: a few hundred characters make several leaves.
        const model = new DocumentModel(2)
        // The splice's insert holds copies: read the text of the model's own chunk at that place.
        const tokensOf = (k: number) => charTokens(model.chunkText(model.chunks[k]))
        const first = model.reset(start)
        let index = new TokenIndex().applySplice({ ...first, insert: first.insert.map((c, i) => ({ ...c, tokens: tokensOf(i) })) })
        let text = start
        for (const e of edits) {
          const before = model.chunks
          const beforeIndex = index
          const from = text.length === 0 ? 0 : e.a % (text.length + 1)
          const to = Math.min(text.length, from + e.b)
          const s = model.edit(from, to, e.insert)
          text = text.slice(0, from) + e.insert + text.slice(to)
          index = index.applySplice({ ...s, insert: s.insert.map((c, i) => ({ ...c, tokens: tokensOf(s.from + i) })) })
          const after = model.chunks
          expect(model.text).toBe(text)
          expect(index.chunkList.map((c) => [c.start, c.end])).toEqual(after.map((c) => [c.start, c.end]))
          // Every chunk's tokens are those of its current text: the index moved them with the model.
          expect(Array.from(index.allIds())).toEqual(Array.from(text, (ch) => ch.charCodeAt(0)))
          // Outside the splice: the model's chunk objects are kept (the coordinator knows chunks by
          // identity), the index's tokens are the same arrays (nothing re-encoded), and each kept
          // chunk moved by exactly the splice's shift.
          for (let k = 0; k < before.length; k++) {
            if (k >= s.from && k < s.from + s.remove) continue
            const at = k < s.from ? k : k - s.remove + s.insert.length
            expect(after[at]).toBe(before[k])
            expect(index.chunk(at).tokens).toBe(beforeIndex.chunk(k).tokens)
            expect(index.chunk(at).start - beforeIndex.chunk(k).start).toBe(k < s.from ? 0 : s.shift)
          }
          mostChunks = Math.max(mostChunks, after.length)
        }
      }),
      { numRuns: 40 },
    )
    expect(mostChunks).toBeGreaterThan(LEAF_CHUNKS)
  })
})
