import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { DocumentModel } from './documentModel'
import { loadEncoding, type LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import { hasLongRun, LOCAL_EDIT_MAX_CHARS, LOCAL_MAX_RUN_CHARS, localTokenSplice } from './localEdit'
import type { SpecialMode } from '../tokenizer/specialTokens'
import { oracleOrdinary } from '../testing/oracle'
import { TokenIndex } from './tokenIndex'
import { CHUNK_CHARS, SCREEN_CHARS, tokenizeChunk } from './tokenize'
import { makeCorpus } from '../testing/corpus'

let o200k: LoadedEncoding
let cl100k: LoadedEncoding
beforeAll(async () => {
  o200k = await loadEncoding('o200k_base')
  cl100k = await loadEncoding('cl100k_base')
})

/** An index of `model`'s text, every chunk encoded, as the worker would send it. */
function indexOf(model: DocumentModel, enc: LoadedEncoding, mode: SpecialMode): TokenIndex {
  let index = new TokenIndex()
  index = index.applySplice({ from: 0, remove: 0, shift: 0, insert: model.chunks.map((c) => ({ ...c, tokens: tokenizeChunk(model.text, c.start, c.end, enc, mode) })) })
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
        let index = indexOf(model, enc, mode)
        for (const e of edits) {
          const before = model.text
          const from = e.a % (before.length + 1)
          const to = from + (e.b % (before.length - from + 1)) % 12
          const local = localTokenSplice(index, (a, b) => before.slice(a, b), [from, to, e.insert], enc, mode, { minChars: 8 })
          const worker = model.edit(from, to, e.insert)
          expect(local).not.toBeNull()
          expect({ from: local!.from, remove: local!.remove, shift: local!.shift, insert: local!.insert.map((c) => ({ start: c.start, end: c.end })) }).toEqual(worker)
          for (const c of local!.insert) expect(Array.from(c.tokens!.ids)).toEqual(Array.from(tokenizeChunk(model.text, c.start, c.end, enc, mode).ids))
          index = index.applySplice(local!)
        }
        if (mode === 'text') expect(Array.from(index.allIds())).toEqual(oracleOrdinary(name, model.text))
        expect(index.count).toBe(tokenizeChunk(model.text, 0, model.text.length, enc, mode).ids.length)
      }),
      { numRuns: 150 },
    )
  })

  it('leaves big edits (without a screen to fill) and incomplete indexes to the worker', () => {
    const model = new DocumentModel(64)
    model.reset('Some words here.\n'.repeat(5000))
    const index = indexOf(model, o200k, 'text')
    const text = model.text
    const read = (a: number, b: number) => text.slice(a, b)
    expect(localTokenSplice(index, read, [10, 10, 'x'.repeat(LOCAL_EDIT_MAX_CHARS + 1)], o200k, 'text', { minChars: 64 })).toBeNull()
    expect(localTokenSplice(index, read, [10, 10, 'x'], o200k, 'text', { minChars: 64 })).not.toBeNull()
    let pending = new TokenIndex()
    pending = pending.applySplice({ from: 0, remove: 0, shift: 0, insert: model.chunks.map((c) => ({ ...c, tokens: null })) })
    expect(localTokenSplice(pending, read, [10, 10, 'x'], o200k, 'text', { minChars: 64 })).toBeNull()
    expect(localTokenSplice(pending, read, [10, 10, 'x'.repeat(50_000)], o200k, 'text', { minChars: 64, onScreen: () => true })).toBeNull()
  })

  it('leaves a chunk holding one long run (10,000 right-to-left overrides) to the worker, and encodes the others', () => {
    const model = new DocumentModel(64)
    const last = 'Last line of words here. '.repeat(4) + '\n'
    model.reset('\u202e'.repeat(10_000) + '\n' + last)
    const index = indexOf(model, o200k, 'text')
    const text = model.text
    const read = (a: number, b: number) => text.slice(a, b)
    // A key typed after the run: its chunk is left pending (null tokens), not encoded on this thread.
    const splice = localTokenSplice(index, read, [10_000, 10_000, 'a'], o200k, 'text', { minChars: 64 })
    expect(splice).not.toBeNull()
    expect(splice!.insert.find((c) => c.start <= 9_999 && c.end > 9_999)?.tokens).toBeNull()
    // A key in the last line: its chunk is still encoded here, as tiktoken does.
    const at = text.indexOf('Last') + 4
    const other = localTokenSplice(index, read, [at, at, 'x'], o200k, 'text', { minChars: 64 })
    const chunk = other?.insert.find((c) => c.start <= at && c.end > at)
    expect(chunk?.tokens).not.toBeNull()
    const after = text.slice(0, at) + 'x' + text.slice(at)
    expect(Array.from(chunk!.tokens!.ids)).toEqual(oracleOrdinary('o200k_base', after.slice(chunk!.start, chunk!.end)))
  })

  it('hasLongRun finds runs of one kind of character, in linear time', () => {
    expect(hasLongRun('\u202e'.repeat(LOCAL_MAX_RUN_CHARS))).toBe(true)
    expect(hasLongRun('a'.repeat(LOCAL_MAX_RUN_CHARS))).toBe(true)
    expect(hasLongRun(' '.repeat(LOCAL_MAX_RUN_CHARS))).toBe(true)
    expect(hasLongRun('a'.repeat(LOCAL_MAX_RUN_CHARS - 1))).toBe(false)
    expect(hasLongRun('word '.repeat(10_000))).toBe(false)
    expect(hasLongRun('{"key":[1,2,3],"v":"x"}'.repeat(2_000))).toBe(false)
    const t0 = performance.now()
    hasLongRun(('a'.repeat(LOCAL_MAX_RUN_CHARS - 1) + ' ').repeat(24))
    expect(performance.now() - t0).toBeLessThan(50)
  })

  it('deletes a big range reading only the chunks at its two ends, as the worker does', () => {
    const model = new DocumentModel(64)
    model.reset('Some words here.\n'.repeat(5000))
    let index = indexOf(model, o200k, 'text')
    const text = model.text
    let read = 0
    const splice = localTokenSplice(index, (a, b) => ((read += b - a), text.slice(a, b)), [10, 70_000, ''], o200k, 'text', { minChars: 64 })
    expect(read).toBeLessThan(1_000)
    const worker = model.edit(10, 70_000, '')
    expect({ from: splice!.from, remove: splice!.remove, shift: splice!.shift, insert: splice!.insert.map((c) => ({ start: c.start, end: c.end })) }).toEqual(worker)
    index = index.applySplice(splice!)
    expect(Array.from(index.allIds())).toEqual(oracleOrdinary('o200k_base', model.text))
  })

  it('in an empty document, cuts the inserted text as the worker does', () => {
    const model = new DocumentModel(64)
    const text = 'First line of it.\n'.repeat(40)
    const splice = localTokenSplice(new TokenIndex(), () => '', [0, 0, text], o200k, 'text', { minChars: 64 })
    const worker = model.edit(0, 0, text)
    expect({ from: splice!.from, remove: splice!.remove, shift: splice!.shift, insert: splice!.insert.map((c) => ({ start: c.start, end: c.end })) }).toEqual(worker)
    expect(splice!.insert.every((c) => c.tokens !== null)).toBe(true)
    expect(localTokenSplice(new TokenIndex(), () => '', [0, 3, 'x'], o200k, 'text', { minChars: 64 })).toBeNull()
  })

  it.each([
    ['into an empty document', '', 0, 0],
    ['over most of a document', 'Words before the paste.\n'.repeat(20_000), 30_000, 400_000],
  ])('a big paste %s: the worker’s chunks, the ones on screen encoded here (at most the budget), the rest pending', (_, before, from, to) => {
    const model = new DocumentModel(CHUNK_CHARS)
    model.reset(before)
    let index = indexOf(model, o200k, 'text')
    const paste = makeCorpus(600_000)
    // On screen after the paste: its end, where the caret lands.
    const caret = from + paste.length
    const onScreen = (start: number, end: number) => end > caret - SCREEN_CHARS && start <= caret
    let read = 0
    const splice = localTokenSplice(index, (a, b) => ((read += b - a), before.slice(a, b)), [from, to, paste], o200k, 'text', { onScreen })!
    // The replaced text is not read: only chunks at its ends and a few past it.
    expect(read).toBeLessThan(8 * CHUNK_CHARS)
    const worker = model.edit(from, to, paste)
    expect({ from: splice.from, remove: splice.remove, shift: splice.shift, insert: splice.insert.map((c) => ({ start: c.start, end: c.end })) }).toEqual(worker)
    const encoded = splice.insert.filter((c) => c.tokens !== null)
    expect(encoded.length).toBeGreaterThan(0)
    expect(encoded.reduce((n, c) => n + c.end - c.start, 0)).toBeLessThanOrEqual(LOCAL_EDIT_MAX_CHARS)
    for (const c of splice.insert) expect(c.tokens !== null).toBe(onScreen(c.start, c.end) && encoded.includes(c))
    for (const c of encoded) expect(Array.from(c.tokens!.ids)).toEqual(Array.from(tokenizeChunk(model.text, c.start, c.end, o200k, 'text').ids))
    // The worker's fills complete it: then the index equals tiktoken of the new text.
    index = index.applySplice(splice)
    expect(index.pending).toBe(splice.insert.length - encoded.length)
    model.chunks.forEach((c, k) => {
      if (index.chunk(k).tokens === null) index = index.fill(k, tokenizeChunk(model.text, c.start, c.end, o200k, 'text'))
    })
    expect(index.pending).toBe(0)
    expect(Array.from(index.allIds())).toEqual(oracleOrdinary('o200k_base', model.text))
  })

  it('in text with a repeating layout, re-cuts a few chunks here (the same as the worker) and stays exact', () => {
    // Identical lines: a plain re-cut would never meet the old cuts again (see recutEdit).
    const model = new DocumentModel(64)
    model.reset('Same line here!\n'.repeat(5_000))
    let index = indexOf(model, o200k, 'text')
    let read = 0
    const text = model.text
    const splice = localTokenSplice(index, (a, b) => ((read += b - a), text.slice(a, b)), [0, 0, 'Same line here!\n'], o200k, 'text', { minChars: 64 })
    expect(splice).not.toBeNull()
    expect(read).toBeLessThan(1_000)
    const worker = model.edit(0, 0, 'Same line here!\n')
    expect({ ...worker, insert: worker.insert }).toEqual({ from: splice!.from, remove: splice!.remove, shift: splice!.shift, insert: splice!.insert.map((c) => ({ start: c.start, end: c.end })) })
    index = index.applySplice(splice!)
    expect(Array.from(index.allIds())).toEqual(oracleOrdinary('o200k_base', model.text))
  })
})
