import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { DocumentModel } from './documentModel'
import { loadEncoding, type LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import { TokenIndex } from './tokenIndex'
import { tokenizeChunk } from './tokenize'
import { LEAF_CHUNKS } from './tokenLeaf'

let enc: LoadedEncoding
beforeAll(async () => {
  enc = await loadEncoding('o200k_base')
})

/** Everything a reader can see of an index, as plain data. */
function contentOf(index: TokenIndex) {
  const tokens = Array.from({ length: index.count }, (_, i) => [index.id(i), index.start(i), index.end(i), index.flags(i)])
  return {
    chunks: index.chunkList.map((c) => [c.start, c.end, c.tokens ? Array.from(c.tokens.ids) : null]),
    byChunk: Array.from({ length: index.chunkCount }, (_, k) => index.chunk(k)).map((c) => [c.start, c.end, c.tokens !== null]),
    tokens,
    count: index.count,
    exactCount: index.exactCount,
    counts: index.counts,
    pending: index.pending,
    ids: Array.from(index.allIds()),
    at: Array.from({ length: (index.chunkList.at(-1)?.end ?? 0) + 1 }, (_, pos) => [index.indexAt(pos), index.chunkAt(pos)]),
  }
}

const alphabet = ['\n', 'a\n', ' b\n', 'Word', '.', '🦙\n', '\n\n', 'x\nY', '日本\n', ',']
const textArb = fc.array(fc.constantFrom(...alphabet), { minLength: 100, maxLength: 900 }).map((a) => a.join(''))
const editArb = fc.record({ a: fc.nat(), b: fc.nat(40), insert: fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((a) => a.join('')), pending: fc.boolean(), fill: fc.nat() })

describe('TokenIndex as a value', () => {
  it('a splice or fill leaves the snapshot before it unchanged, and the new one equals a fresh build', () => {
    let mostChunks = 0
    fc.assert(
      fc.property(textArb, fc.array(editArb, { minLength: 1, maxLength: 12 }), (text, edits) => {
        // Tiny chunks, so a few hundred characters make several leaves.
        const model = new DocumentModel(2)
        const encode = (c: { start: number; end: number }) => tokenizeChunk(model.text, c.start, c.end, enc, 'text')
        const first = model.reset(text)
        let index = new TokenIndex().applySplice({ ...first, insert: first.insert.map((c) => ({ ...c, tokens: encode(c) })) })
        for (const e of edits) {
          const before = index
          const seen = contentOf(before)
          const len = model.length
          const from = len === 0 ? 0 : e.a % (len + 1)
          const to = Math.min(len, from + e.b)
          const splice = model.edit(from, to, e.insert)
          index = index.applySplice({ ...splice, insert: splice.insert.map((c) => ({ ...c, tokens: e.pending ? null : encode(c) })) })
          // Fill one pending chunk, if any, as a fill message would.
          const pendingAt = index.chunkList.findIndex((c, k) => c.tokens === null && k >= e.fill % Math.max(1, index.chunkCount))
          if (pendingAt >= 0) {
            const mid = index
            const midSeen = contentOf(mid)
            index = index.fill(pendingAt, encode(model.chunks[pendingAt]))
            expect(contentOf(mid)).toEqual(midSeen)
          }
          expect(contentOf(before)).toEqual(seen)
          const fresh = new TokenIndex().applySplice({ from: 0, remove: 0, shift: 0, insert: index.chunkList.map((c) => ({ ...c })) })
          expect(contentOf(index)).toEqual(contentOf(fresh))
          expect(index.chunkList.map((c) => [c.start, c.end])).toEqual(model.chunks.map((c) => [c.start, c.end]))
          mostChunks = Math.max(mostChunks, index.chunkCount)
        }
        // Everything filled: the ids are those of the text, chunk by chunk.
        index.chunkList.forEach((c, k) => {
          if (!c.tokens) index = index.fill(k, encode(model.chunks[k]))
        })
        expect(Array.from(index.allIds())).toEqual(model.chunks.flatMap((c) => Array.from(encode(c).ids)))
      }),
      { numRuns: 30 },
    )
    // The runs went through indexes of more than one leaf.
    expect(mostChunks).toBeGreaterThan(LEAF_CHUNKS)
  })

  it('keeps unchanged leaves shared and leaves bounded in size', () => {
    const text = 'line\n'.repeat(4000)
    const model = new DocumentModel(8)
    const first = model.reset(text)
    const index = new TokenIndex().applySplice({ ...first, insert: first.insert.map((c) => ({ ...c, tokens: null })) })
    expect(index.chunkCount).toBeGreaterThan(4 * LEAF_CHUNKS)
    const splice = model.edit(10, 11, 'X')
    const next = index.applySplice({ ...splice, insert: splice.insert.map((c) => ({ ...c, tokens: null })) })
    const leavesOf = (i: TokenIndex) => (i as unknown as { leaves: readonly object[] }).leaves
    const shared = leavesOf(next).filter((leaf) => leavesOf(index).includes(leaf)).length
    expect(shared).toBeGreaterThanOrEqual(leavesOf(index).length - 2)
    expect(leavesOf(next).every((leaf) => (leaf as { chunks: unknown[] }).chunks.length <= LEAF_CHUNKS)).toBe(true)
  })

  it('removes at most the chunks there are (like Array.splice) and rejects a fill outside the list', () => {
    const index = new TokenIndex().applySplice({ from: 0, remove: 0, shift: 0, insert: [{ start: 0, end: 2, tokens: null }] })
    // A new encoding's first splice names the old list's chunks; applied to an empty index it just inserts.
    const fresh = new TokenIndex().applySplice({ from: 0, remove: 5, shift: 0, insert: [{ start: 0, end: 2, tokens: null }] })
    expect(fresh.chunkList).toEqual(index.chunkList)
    expect(index.applySplice({ from: 0, remove: 9, shift: 0, insert: [] }).chunkCount).toBe(0)
    expect(() => index.applySplice({ from: -1, remove: 0, shift: 0, insert: [] })).toThrow(RangeError)
    expect(() => index.fill(1, tokenizeChunk('ab', 0, 2, enc, 'text'))).toThrow(RangeError)
    expect(index.chunkCount).toBe(1)
  })
})
