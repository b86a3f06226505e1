import fc from 'fast-check'
import cl100k from 'gpt-tokenizer/encoding/cl100k_base'
import o200k from 'gpt-tokenizer/encoding/o200k_base'
import r50k from 'gpt-tokenizer/encoding/r50k_base'
import { describe, expect, it } from 'vitest'
import { bytePairMergeFast, LONG_PIECE_BYTES } from './bpeMerge'
import { loadEncoding } from '../openai/encodingLoader'
import { oracleOrdinary } from '../../testing/oracle'

interface Core {
  bytePairMerge(piece: Uint8Array): number[]
  getBpeRankFromBytes(bytes: Uint8Array): number | undefined
}
const coreOf = (encoding: unknown) => (encoding as { bytePairEncodingCoreProcessor: Core }).bytePairEncodingCoreProcessor

describe('bytePairMergeFast', () => {
  // gpt-tokenizer's own merge, taken before anything in this file swaps it.
  const cores = [o200k, cl100k, r50k].map(coreOf)
  const originals = cores.map((core) => core.bytePairMerge.bind(core))
  const utf8 = new TextEncoder()

  it('merges every piece as gpt-tokenizer does (o200k, cl100k, r50k), long repetitive ones included', () => {
    const unit = fc.constantFrom('a', 'b', 'aa', 'ab', 'the', 'ing', ' ', '  ', '\n', 'é', 'ü', '日本', '🦙', '\u0301', '0', '==', 'xyz', 'ACGT', 'ёж')
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 400 }), fc.nat({ max: 2 }), (parts, k) => {
        const piece = utf8.encode(parts.join(''))
        const rankOf = (bytes: Uint8Array) => cores[k].getBpeRankFromBytes(bytes)
        expect(bytePairMergeFast(piece, rankOf)).toEqual(originals[k](piece))
      }),
      { numRuns: 300 },
    )
  })

  it('merges nothing into an empty piece', () => {
    expect(bytePairMergeFast(new Uint8Array(), () => 0)).toEqual([])
  })
})

describe('long pieces through the app encoder', () => {
  it('long single pieces (a run of one letter, a DNA sequence, a run of spaces) encode as tiktoken does', async () => {
    const enc = await loadEncoding('o200k_base')
    const dna = Array.from({ length: 30_000 }, (_, i) => 'acgt'[(i * 7919 + (i >> 3)) % 4]).join('')
    for (const text of ['a'.repeat(30_000), dna, 'x' + ' '.repeat(20_000) + 'y', 'word '.repeat(50) + 'Z'.repeat(LONG_PIECE_BYTES * 4)]) {
      expect(enc.encodeOrdinary(text)).toEqual(oracleOrdinary('o200k_base', text))
    }
  })

  it('a piece of 125,000 tokens (a line of 1,000,000 letters) encodes without overflowing the stack', async () => {
    const enc = await loadEncoding('o200k_base')
    // tiktoken is quadratic too: ask it for the token of 8 letters, which a run of one letter repeats.
    const [eight] = oracleOrdinary('o200k_base', 'a'.repeat(8))
    expect(oracleOrdinary('o200k_base', 'a'.repeat(8_000))).toEqual(new Array(1_000).fill(eight))
    const ids = enc.encodeOrdinary('a'.repeat(1_000_000))
    expect(ids.length).toBe(125_000)
    expect(ids.every((id) => id === eight)).toBe(true)
  })
})
