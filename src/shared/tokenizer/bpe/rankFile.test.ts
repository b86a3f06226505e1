import { describe, expect, it } from 'vitest'
import { makeCorpus } from '../../testing/corpus'
import { oracleOrdinary } from '../../testing/oracle'
import { makeLoadedEncoding } from '../openai/encodingLoader'
import type { RawRanks } from './bpeEncoder'
import { decodeRankFile, encodeRankFile } from './rankFile'

const load = async (table: string) => ((await import(`gpt-tokenizer/bpeRanks/${table}`)) as { default: RawRanks }).default

describe('rank files', () => {
  it.each(['r50k_base', 'cl100k_base', 'o200k_base'])('hold %s exactly: every token, every hole, text or bytes', async (table) => {
    const ranks = await load(table)
    const { ranks: back, byteLengths } = decodeRankFile(encodeRankFile(ranks))
    expect(back.length).toBe(ranks.length)
    const utf8 = new TextEncoder()
    const differ: number[] = []
    for (let id = 0; id < ranks.length; id++) {
      const a = ranks[id]
      const b = back[id]
      const same = a === undefined ? b === undefined : typeof a === 'string' ? b === a : typeof b !== 'string' && b !== undefined && b.length === a.length && Array.from(b).every((x, i) => x === a[i])
      const length = a === undefined ? 0 : typeof a === 'string' ? utf8.encode(a).length : a.length
      if (!same || byteLengths[id] !== length) differ.push(id)
    }
    expect(differ).toEqual([])
    expect(ranks.some((e) => e !== undefined && typeof e !== 'string')).toBe(true)
  })

  it('give an encoder with tiktoken’s ids (o200k_base, cl100k_base)', async () => {
    const text = makeCorpus(60_000, 3)
    for (const name of ['o200k_base', 'cl100k_base'] as const) {
      const { ranks, byteLengths } = decodeRankFile(encodeRankFile(await load(name)))
      const enc = makeLoadedEncoding(name, ranks, byteLengths)
      expect(enc.encodeOrdinary(text)).toEqual(oracleOrdinary(name, text))
      expect(enc.byteLength(100)).toBe(enc.tokenBytes(100).length)
    }
  })

  it('refuse what is not a rank file, or one cut short', async () => {
    expect(() => decodeRankFile(new TextEncoder().encode('{"not": "ranks"}'))).toThrow(RangeError)
    const file = encodeRankFile(await load('r50k_base'))
    expect(() => decodeRankFile(file.subarray(0, 1000))).toThrow(RangeError)
    expect(() => decodeRankFile(file.subarray(0, file.length - 10))).toThrow(RangeError)
  })
})
