import { describe, expect, it } from 'vitest'
import { makeTiktokenFileTokenizer, parseCompressedRanks } from './tiktokenFileTokenizer'

const b64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes))

describe('tiktoken-style files', () => {
  it('parses compressed ranks: text when UTF-8, bytes otherwise', () => {
    const ranks = parseCompressedRanks(`! 3 ${b64([0x61])} ${b64([0x62])} ${b64([0xc3])} ${b64([0x61, 0x62])}\n`)
    expect(ranks.slice(3)).toEqual(['a', 'b', [0xc3], 'ab'])
    expect(() => parseCompressedRanks('! x abc')).toThrow(/Malformed/)
  })

  it('encodes with specials and NFKC, spans on the original text', () => {
    const ranks = [0x61, 0x62, 0x66, 0x69, 0x20].map((b) => b64([b])).join(' ') + ' ' + b64([0x66, 0x69])
    const tok = makeTiktokenFileTokenizer(
      { bpe_ranks: `! 1 ${ranks}`, pat_str: ' ?\\p{L}+|\\s+', special_tokens: { '<EOT>': 0 } },
      { id: 't', displayName: 'T', normalize: 'NFKC', chunkCuts: null },
    )
    // 'ﬁ' (U+FB01) becomes 'fi' (id 6) spanning the one original character.
    const out = tok.tokenize('ab ﬁ<EOT>', 'special')
    expect(Array.from(out.ids)).toEqual([1, 2, 5, 6, 0])
    expect(Array.from(out.starts)).toEqual([0, 1, 2, 3, 4, 9])
    expect(tok.encodeOrdinary('ab')).toEqual([1, 2])
    expect(tok.isSpecial(0)).toBe(true)
    expect(tok.byteExact).toBe(false)
  })
})
