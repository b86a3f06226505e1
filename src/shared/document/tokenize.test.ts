import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENCODING_NAMES, type EncodingName } from '../tokenizer/openai/encodings'
import { loadEncoding, type LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import { freeOracles, oracleOrdinary, oracleWithSpecial } from '../testing/oracle'
import { SAMPLES } from '../testing/samples'
import { ChunkCache, CHUNK_CHARS, tokenizeAll } from './tokenize'
import { FLAG_PARTIAL, FLAG_SPECIAL } from '../tokenizer/tokenSpans'

const encodings = new Map<EncodingName, LoadedEncoding>()
beforeAll(async () => {
  for (const name of ENCODING_NAMES) encodings.set(name, await loadEncoding(name))
})
afterAll(() => {
  freeOracles()
})

const utf8 = new TextEncoder()

/** The spans tile the text, and the tokens' bytes are exactly the text's bytes. */
function expectTiles(text: string, enc: LoadedEncoding, ids: Uint32Array, starts: Uint32Array, flags: Uint8Array) {
  const n = ids.length
  expect(starts.length).toBe(n + 1)
  expect(starts[0]).toBe(0)
  expect(starts[n]).toBe(text.length)
  let joined = ''
  for (let i = 0; i < n; i++) {
    expect(starts[i + 1]).toBeGreaterThanOrEqual(starts[i])
    const piece = text.slice(starts[i], starts[i + 1])
    joined += piece
    if (!(flags[i] & FLAG_PARTIAL)) expect(Array.from(utf8.encode(piece))).toEqual(Array.from(enc.tokenBytes(ids[i])))
  }
  expect(joined).toBe(text)
  const all: number[] = []
  for (const id of ids) all.push(...enc.tokenBytes(id))
  expect(Buffer.from(all).equals(Buffer.from(utf8.encode(text)))).toBe(true)
}

describe.each(ENCODING_NAMES)('%s', (name) => {
  it.each(Object.keys(SAMPLES))('plain-text ids of sample "%s" equal tiktoken and spans tile the text', (key) => {
    const enc = encodings.get(name)!
    const text = SAMPLES[key]
    const { table } = tokenizeAll(text, enc, 'text')
    expect(Array.from(table.ids)).toEqual(oracleOrdinary(name, text))
    expectTiles(text, enc, table.ids, table.starts, table.flags)
    expect(table.flags.every((f) => (f & FLAG_SPECIAL) === 0)).toBe(true)
  })

  it('special mode finds special tokens anywhere and matches tiktoken', () => {
    const enc = encodings.get(name)!
    const eot = '<|endoftext|>'
    for (const text of [SAMPLES.specials, SAMPLES.specialMidWord, `x ${eot}`, `${eot}${eot}`, `mid${eot}dle\n${eot}`]) {
      const { table } = tokenizeAll(text, enc, 'special')
      expect(Array.from(table.ids)).toEqual(oracleWithSpecial(name, text))
      expectTiles(text, enc, table.ids, table.starts, table.flags)
      const specials = Array.from(table.ids).filter((id, i) => table.flags[i] & FLAG_SPECIAL)
      expect(specials.length).toBeGreaterThan(0)
      expect(specials.every((id) => enc.isSpecial(id))).toBe(true)
    }
    // The end-of-text token is one id, marked special, wherever it stands.
    const { table } = tokenizeAll(`abc${eot}def`, enc, 'special')
    const idx = Array.from(table.ids).indexOf(enc.specialTokens.get(eot)!)
    expect(idx).toBeGreaterThan(0)
    expect(table.starts[idx]).toBe(3)
    expect(table.starts[idx + 1]).toBe(3 + eot.length)
  })

  it('chunked tokenization of a long mixed document equals whole-text ids', () => {
    const enc = encodings.get(name)!
    const parts = Object.values(SAMPLES).filter((s) => !s.includes('<|'))
    let text = ''
    for (let i = 0; text.length < CHUNK_CHARS * 6; i++) text += parts[i % parts.length] + '\n' + 'Paragraph ' + i + '\n'
    const cache = new ChunkCache()
    const { table, counts } = tokenizeAll(text, enc, 'text', cache)
    expect(Array.from(table.ids)).toEqual(oracleOrdinary(name, text))
    expectTiles(text, enc, table.ids, table.starts, table.flags)
    expect(counts.bytes).toBe(utf8.encode(text).length)
    // An edit in the middle reuses the cache and still matches the oracle.
    const edited = text.slice(0, text.length >> 1) + 'INSERTED words ' + text.slice(text.length >> 1)
    const again = tokenizeAll(edited, enc, 'text', cache)
    expect(Array.from(again.table.ids)).toEqual(oracleOrdinary(name, edited))
  })
})

describe('property: random unicode', () => {
  const unit = fc.oneof(
    fc.constantFrom('\n', ' ', '\t', '\r', 'a', 'Z', '.', ')', '/', '1', "'", 's', 'é', '日', '🦙', '\u0301', '<|endoftext|>', '\ufeff', '\u0085'),
    // Any UTF-16 unit (lone surrogates too) and any code point: the split classes are pinned
    // to tiktoken's Unicode 16 tables, whatever this engine's Unicode version.
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  )
  const texts = fc.array(unit, { maxLength: 60 }).map((a) => a.join(''))

  it.each(ENCODING_NAMES)('%s: ids equal tiktoken and spans tile the text', (name) => {
    const enc = encodings.get(name)!
    fc.assert(
      fc.property(texts, (text) => {
        const { table } = tokenizeAll(text, enc, 'text')
        expect(Array.from(table.ids)).toEqual(oracleOrdinary(name, text))
        expectTiles(text, enc, table.ids, table.starts, table.flags)
      }),
      { numRuns: 150 },
    )
  })
})
