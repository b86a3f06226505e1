import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { DocumentModel } from './documentModel'
import { ENCODING_NAMES, type EncodingName } from '../tokenizer/openai/encodings'
import { loadEncoding, type LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import type { SpecialMode } from '../tokenizer/specialTokens'
import { oracleOrdinary } from '../testing/oracle'
import { fillPendingFromSplice, TokenIndex } from './tokenIndex'
import { tokenizeAll, tokenizeChunk } from './tokenize'
import { flatTokenView } from './tokenView'

const encodings = new Map<EncodingName, LoadedEncoding>()
beforeAll(async () => {
  for (const name of ENCODING_NAMES) encodings.set(name, await loadEncoding(name))
})

/** Mirrors what the worker and UI do: the model re-cuts, new chunks are encoded, the index is spliced. */
function applyEdit(model: DocumentModel, index: TokenIndex, enc: LoadedEncoding, mode: SpecialMode, from: number, to: number, insert: string): TokenIndex {
  const splice = model.edit(from, to, insert)
  return index.applySplice({ ...splice, insert: splice.insert.map((c) => ({ ...c, tokens: tokenizeChunk(model.text, c.start, c.end, enc, mode) })) })
}

describe('TokenIndex', () => {
  it.each(ENCODING_NAMES.flatMap((name) => (['text', 'special'] as const).map((mode) => [name, mode] as const)))(
    '%s (%s): matches whole-text tokenization through random edits: ids, starts, counts, lookups',
    (name, mode) => {
      const enc = encodings.get(name)!
      const alphabet = ['\n', ' ', 'a', 'Word', '.', 'é', '🦙', '\n\n', 'x\nY', ')\n', '日本', '"v":', "'s", '<|endoftext|>', ',']
      const textArb = fc.array(fc.constantFrom(...alphabet), { maxLength: 150 }).map((a) => a.join(''))
      const editArb = fc.record({ a: fc.nat(), b: fc.nat(), insert: textArb.map((t) => t.slice(0, 25)) })
      fc.assert(
        fc.property(textArb, fc.array(editArb, { maxLength: 8 }), (text, edits) => {
          const model = new DocumentModel(8)
          let index = new TokenIndex()
          const splice = model.reset(text)
          index = index.applySplice({ ...splice, insert: splice.insert.map((c) => ({ ...c, tokens: null })) })
          expect(index.pending).toBe(splice.insert.length)
          splice.insert.forEach((c, k) => (index = index.fill(k, tokenizeChunk(model.text, c.start, c.end, enc, mode))))
          expect(index.pending).toBe(0)
          for (const e of edits) {
            const len = model.text.length
            const from = len === 0 ? 0 : e.a % (len + 1)
            const to = from + (len - from === 0 ? 0 : e.b % (len - from + 1))
            index = applyEdit(model, index, enc, mode, from, to, e.insert)
          }
          const whole = tokenizeAll(model.text, enc, mode)
          const flat = flatTokenView(whole.table)
          expect(index.count).toBe(flat.count)
          expect(Array.from(index.allIds())).toEqual(Array.from(whole.table.ids))
          if (mode === 'text') expect(Array.from(index.allIds())).toEqual(oracleOrdinary(name, model.text))
          for (let i = 0; i < flat.count; i++) {
            expect(index.start(i)).toBe(flat.start(i))
            expect(index.end(i)).toBe(flat.end(i))
            expect(index.flags(i)).toBe(flat.flags(i))
          }
          for (let pos = 0; pos <= model.text.length; pos++) expect(index.indexAt(pos)).toBe(flat.indexAt(pos))
          expect(index.counts).toEqual(whole.counts)
        }),
        { numRuns: 40 },
      )
    },
  )

  it('counts as exact only the tokens before the first chunk still pending', () => {
    const enc = encodings.get('o200k_base')!
    const model = new DocumentModel(8)
    const text = 'First line here.\nSecond line here.\nThird line here.\nFourth line.'
    const splice = model.reset(text)
    expect(splice.insert.length).toBeGreaterThanOrEqual(3)
    let index = new TokenIndex()
    index = index.applySplice({ ...splice, insert: splice.insert.map((c) => ({ ...c, tokens: null })) })
    const tokensOf = (k: number) => tokenizeChunk(text, splice.insert[k].start, splice.insert[k].end, enc, 'text')
    expect(index.exactCount).toBe(0)
    // The last chunk first (as when it is on screen): its tokens are counted, not exact.
    index = index.fill(splice.insert.length - 1, tokensOf(splice.insert.length - 1))
    expect(index.count).toBeGreaterThan(0)
    expect(index.exactCount).toBe(0)
    index = index.fill(0, tokensOf(0))
    expect(index.exactCount).toBe(tokensOf(0).ids.length)
    splice.insert.forEach((_, k) => (index = index.fill(k, tokensOf(k))))
    expect(index.exactCount).toBe(index.count)
    expect(index.count).toBe(oracleOrdinary('o200k_base', text).length)
  })

  it('fills pending chunks from a splice of the same chunks, and only those', () => {
    const enc = encodings.get('o200k_base')!
    const text = 'one two\nthree four\nfive'
    const at = (start: number, end: number, encoded: boolean) => ({ start, end, tokens: encoded ? tokenizeChunk(text, start, end, enc, 'text') : null })
    // Chunk 0 was tokenized here; chunks 1 and 2 were left pending.
    const partial = new TokenIndex().applySplice({ from: 0, remove: 0, shift: 0, insert: [at(0, 8, true), at(8, 19, false), at(19, 23, false)] })
    // The worker's copy: all encoded, but its last chunk has other bounds (not the same chunk).
    const worker = { from: 0, remove: 0, shift: 0, insert: [at(0, 8, true), at(8, 19, true), at(19, 22, true)] }
    const filled = fillPendingFromSplice(partial, worker)!
    expect(filled.chunkList.map((c) => c.tokens !== null)).toEqual([true, true, false])
    expect(filled.chunk(0).tokens).toBe(partial.chunk(0).tokens)
    expect(filled.chunk(1).tokens).toBe(worker.insert[1].tokens)
    expect(partial.pending).toBe(2)
    // Nothing left to fill from it: null.
    expect(fillPendingFromSplice(filled, worker)).toBeNull()
  })

  it('throws for tokens that do not exist', () => {
    const index = new TokenIndex()
    expect(index.indexAt(0)).toBe(-1)
    expect(() => index.id(0)).toThrow(RangeError)
  })
})
