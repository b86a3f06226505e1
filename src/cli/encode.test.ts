import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadOpenAiTokenizer as loadEncoding } from '@shared/tokenizer/openai/openaiTokenizer'
import { oracleFor, oracleOrdinary, oracleWithSpecial } from '@shared/testing/oracle'
import { SAMPLES } from '@shared/testing/samples'
import { decodeList, encodeJson, encodePlain, encodeWithSpans } from './encode'
import { CliError } from './errors'

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ')

describe('encodeWithSpans', () => {
  it('gives tiktoken ids and bytes, and spans that tile the text in UTF-16, code points and UTF-8', async () => {
    for (const name of ['r50k_base', 'o200k_base'] as const) {
      const enc = await loadEncoding(name)
      const oracle = oracleFor(name)
      for (const text of [...Object.values(SAMPLES), 'a👍🏽 é\u0301 <|endoftext|>\r\n\t']) {
        const tokens = encodeWithSpans(text, enc, 'text')
        expect(tokens.map((t) => t.id)).toEqual(oracleOrdinary(name, text))
        tokens.forEach((t, i) => {
          expect(t.index).toBe(i)
          expect(t.bytes).toBe(hex(oracle.decode_single_token_bytes(t.id)))
          expect(t.utf8[1] - t.utf8[0]).toBe(t.bytes.split(' ').length)
          expect(t.text).toBe(text.slice(t.utf16[0], t.utf16[1]))
          if (i > 0) {
            expect(t.utf16[0]).toBe(tokens[i - 1].utf16[1])
            expect(t.codePoints[0]).toBe(tokens[i - 1].codePoints[1])
            expect(t.utf8[0]).toBe(tokens[i - 1].utf8[1])
          }
        })
        if (tokens.length === 0) {
          expect(text).toBe('')
          continue
        }
        const last = tokens[tokens.length - 1]
        expect(last.utf16[1]).toBe(text.length)
        expect(last.codePoints[1]).toBe([...text].length)
        expect(last.utf8[1]).toBe(Buffer.byteLength(text))
        // Code-point spans name the same characters as UTF-16 spans.
        for (const t of tokens) expect([...text].slice(t.codePoints[0], t.codePoints[1]).join('')).toBe(t.text)
      }
    }
  })

  it('marks special tokens with --special special', async () => {
    const enc = await loadEncoding('cl100k_base')
    const text = 'x <|endoftext|> y'
    const tokens = encodeWithSpans(text, enc, 'special')
    expect(tokens.map((t) => t.id)).toEqual(oracleWithSpecial('cl100k_base', text))
    expect(tokens.filter((t) => t.special).map((t) => t.text)).toEqual(['<|endoftext|>'])
  })

  it('prints JSON with fixed keys and plain ids separated by spaces', async () => {
    const enc = await loadEncoding('o200k_base')
    const json = JSON.parse(encodeJson(encodeWithSpans('hi there', enc, 'text'), 'o200k_base', 'text'))
    expect(Object.keys(json)).toEqual(['encoding', 'special', 'count', 'tokens'])
    expect(Object.keys(json.tokens[0])).toEqual(['index', 'id', 'text', 'bytes', 'special', 'utf16', 'codePoints', 'utf8'])
    expect(JSON.parse(encodeJson([], 'o200k_base', 'text')).tokens).toEqual([])
    expect(encodePlain('hi there', enc, 'text')).toBe(oracleOrdinary('o200k_base', 'hi there').join(' ') + '\n')
  })
})

describe('decodeList', () => {
  it('round-trips any text, split characters whole (property, against tiktoken ids)', async () => {
    const enc = await loadEncoding('r50k_base')
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.constantFrom(' ', ',', '\n', ', '), (text, sep) => {
        const ids = oracleOrdinary('r50k_base', text)
        expect(decodeList(ids.join(sep), enc).text).toBe(text)
        expect(decodeList(JSON.stringify(ids), enc).text).toBe(text)
      }),
      { numRuns: 200 },
    )
    // No ids (the empty text's) is "nothing to decode", exit 3, as the app says.
    expect(() => decodeList('', enc)).toThrow(expect.objectContaining({ message: 'No token ids found.', exitCode: 3 }))
  })

  it('warns when the ids cut a character, and names bad items and unknown ids by position', async () => {
    const enc = await loadEncoding('r50k_base')
    const ids = oracleOrdinary('r50k_base', '👍')
    expect(ids.length).toBeGreaterThan(1)
    const cut = decodeList(String(ids[0]), enc)
    expect(cut.invalidBytes).toBe(1)
    expect(cut.warnings).toHaveLength(1)
    expect(() => decodeList('15496 abc 99999999', enc)).toThrow(CliError)
    expect(() => decodeList('15496 abc 99999999', enc)).toThrow('Cannot decode: item 2 ("abc"): not a token id (a whole number); item 3: 99999999 is not a token id of r50k_base.')
  })
})
