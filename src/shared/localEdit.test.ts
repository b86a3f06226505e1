import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { DocumentModel } from './documentModel'
import { loadEncoding, type LoadedEncoding } from './encodingLoader'
import { LOCAL_EDIT_MAX_CHARS, localTokenSplice } from './localEdit'
import type { SpecialMode } from './specialTokens'
import { oracleOrdinary } from './testing/oracle'
import { TokenIndex } from './tokenIndex'
import { tokenizeChunk } from './tokenize'

let o200k: LoadedEncoding
let cl100k: LoadedEncoding
beforeAll(async () => {
  o200k = await loadEncoding('o200k_base')
  cl100k = await loadEncoding('cl100k_base')
})

/** An index of `model`'s text, every chunk encoded, as the worker would send it. */
function indexOf(model: DocumentModel, enc: LoadedEncoding, mode: SpecialMode): TokenIndex {
  const index = new TokenIndex()
  index.applySplice({ from: 0, remove: 0, shift: 0, insert: model.chunks.map((c) => ({ ...c, tokens: tokenizeChunk(model.text, c.start, c.end, enc, mode) })) })
  return index
}

describe('localTokenSplice', () => {
  it.each([
    ['o200k_base', 'text'],
    ['cl100k_base', 'special'],
  ] as const)('%s (%s): equals the worker’s splice for the same edit, and the index stays equal to tiktoken', (name, mode) => {
    const enc = name === 'o200k_base' ? o200k : cl100k
    const alphabet = ['\n', ' ', 'a', 'Word', '.', 'é', '🦙', '\n\n', 'x\nY', ')\n', '𝐀', '日本', '"v":', "'s", ',', '<|endoftext|>', '\udc00', '\ud835']
    const textArb = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 200 }).map((a) => a.join(''))
    const editArb = fc.record({ a: fc.nat(), b: fc.nat(), insert: textArb.map((t) => t.slice(0, 20)) })
    fc.assert(
      fc.property(textArb, fc.array(editArb, { minLength: 1, maxLength: 8 }), (text, edits) => {
        const model = new DocumentModel(8)
        model.reset(text)
        const index = indexOf(model, enc, mode)
        for (const e of edits) {
          const before = model.text
          const from = e.a % (before.length + 1)
          const to = from + (e.b % (before.length - from + 1)) % 12
          const local = localTokenSplice(index, (a, b) => before.slice(a, b), [from, to, e.insert], enc, mode, 8)
          const worker = model.edit(from, to, e.insert)
          expect(local).not.toBeNull()
          expect({ from: local!.from, remove: local!.remove, shift: local!.shift, insert: local!.insert.map((c) => ({ start: c.start, end: c.end })) }).toEqual(worker)
          for (const c of local!.insert) expect(Array.from(c.tokens!.ids)).toEqual(Array.from(tokenizeChunk(model.text, c.start, c.end, enc, mode).ids))
          index.applySplice(local!)
        }
        if (mode === 'text') expect(Array.from(index.allIds())).toEqual(oracleOrdinary(name, model.text))
        expect(index.count).toBe(tokenizeChunk(model.text, 0, model.text.length, enc, mode).ids.length)
      }),
      { numRuns: 150 },
    )
  })

  it('leaves big edits and incomplete indexes to the worker', () => {
    const model = new DocumentModel(64)
    model.reset('Some words here.\n'.repeat(5000))
    const index = indexOf(model, o200k, 'text')
    const text = model.text
    const read = (a: number, b: number) => text.slice(a, b)
    expect(localTokenSplice(index, read, [10, 10, 'x'.repeat(LOCAL_EDIT_MAX_CHARS + 1)], o200k, 'text', 64)).toBeNull()
    expect(localTokenSplice(index, read, [10, 40_000, ''], o200k, 'text', 64)).toBeNull()
    expect(localTokenSplice(index, read, [10, 10, 'x'], o200k, 'text', 64)).not.toBeNull()
    const pending = new TokenIndex()
    pending.applySplice({ from: 0, remove: 0, shift: 0, insert: model.chunks.map((c) => ({ ...c, tokens: null })) })
    expect(localTokenSplice(pending, read, [10, 10, 'x'], o200k, 'text', 64)).toBeNull()
    expect(localTokenSplice(new TokenIndex(), read, [0, 0, 'x'], o200k, 'text', 64)).toBeNull()
  })

  it('in text with a repeating layout, re-cuts a few chunks here (the same as the worker) and stays exact', () => {
    // Identical lines: a plain re-cut would never meet the old cuts again (see recutEdit).
    const model = new DocumentModel(64)
    model.reset('Same line here!\n'.repeat(5_000))
    const index = indexOf(model, o200k, 'text')
    let read = 0
    const text = model.text
    const splice = localTokenSplice(index, (a, b) => ((read += b - a), text.slice(a, b)), [0, 0, 'Same line here!\n'], o200k, 'text', 64)
    expect(splice).not.toBeNull()
    expect(read).toBeLessThan(1_000)
    const worker = model.edit(0, 0, 'Same line here!\n')
    expect({ ...worker, insert: worker.insert }).toEqual({ from: splice!.from, remove: splice!.remove, shift: splice!.shift, insert: splice!.insert.map((c) => ({ start: c.start, end: c.end })) })
    index.applySplice(splice!)
    expect(Array.from(index.allIds())).toEqual(oracleOrdinary('o200k_base', model.text))
  })
})
