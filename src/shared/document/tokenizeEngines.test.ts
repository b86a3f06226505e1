// The document path (chunk cuts, tokenizeChunk, tokenizeAll, countTokens, local edits) with
// tokenizers other than OpenAI's: chunked equals whole, spans tile the text, and the ids
// equal the Rust oracle's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadTokenizer } from '../tokenizer/catalog'
import type { Tokenizer } from '../tokenizer/tokenizer'
import { sourceReader } from '../testing/bundledSources'
import { makeCorpus } from '../testing/corpus'
import { oracleForTokenizer, type Oracle } from '../testing/tokenizerOracle'
import { cutText, DocumentModel } from './documentModel'
import { localTokenSplice } from './localEdit'
import { TokenIndex } from './tokenIndex'
import { CHUNK_CHARS, countTokens, encodeIds, tokenizeAll, tokenizeChunk } from './tokenize'

const TEXT =
  makeCorpus(30_000, 7) +
  '\nfunction f(x) {\n  return x * 2 // double\n}\n{"a": [1, 2, 3], "b": null}\n' +
  'مرحبا بالعالم\n日本語のテキスト 👩🏽‍💻🦙\n\n\n   spaces   and\ttabs\n' +
  'a'.repeat(20_000) + ' long line, then ' + 'word '.repeat(3_000) + '\n<bos><|begin_of_text|><start_of_turn>\n'

for (const id of ['llama3', 'gemma3']) {
  describe(`document path with ${id}`, () => {
    let tok: Tokenizer
    let oracle: Oracle
    beforeAll(async () => {
      tok = await loadTokenizer(id, sourceReader)
      oracle = oracleForTokenizer(id)
    }, 120_000)
    afterAll(() => oracle?.free())

    it('cuts the text at the engine’s own rule into several chunks', () => {
      expect(tok.chunkCuts).not.toBeNull()
      const chunks = cutText(TEXT, CHUNK_CHARS, tok.chunkCuts)
      expect(chunks.length).toBeGreaterThan(3)
      expect(chunks[0].start).toBe(0)
      expect(chunks.at(-1)!.end).toBe(TEXT.length)
      for (const c of chunks) expect(c.start === 0 || tok.chunkCuts!.isSafeCut(TEXT, c.start) || tok.chunkCuts!.isSafeWordCut?.(TEXT, c.start)).toBe(true)
    })

    for (const mode of ['text', 'special'] as const) {
      it(`tokenizeAll over the cuts equals whole-text encoding and the oracle (mode ${mode}); spans tile the text`, async () => {
        const whole = tokenizeChunk(TEXT, 0, TEXT.length, tok, mode)
        const { table } = tokenizeAll(TEXT, tok, mode)
        expect(Array.from(table.ids)).toEqual(Array.from(whole.ids))
        expect(Array.from(table.ids)).toEqual(await oracle.encode(TEXT, mode))
        expect(countTokens(TEXT, tok, mode)).toBe(whole.ids.length)
        expect(encodeIds(TEXT, tok, mode).length).toBe(whole.ids.length)
        const n = table.ids.length
        expect(table.starts[0]).toBe(0)
        expect(table.starts[n]).toBe(TEXT.length)
        for (let i = 0; i < n; i++) expect(table.starts[i + 1]).toBeGreaterThanOrEqual(table.starts[i])
        expect(Array.from(table.starts)).toEqual(Array.from(whole.starts))
      }, 120_000)
    }

    it('a local edit gives the tokens of the edited text', async () => {
      const model = new DocumentModel(CHUNK_CHARS, tok.chunkCuts)
      model.reset(TEXT)
      const chunks = model.chunks.map((c) => ({ ...c, tokens: tokenizeChunk(TEXT, c.start, c.end, tok, 'text') }))
      const index = new TokenIndex().applySplice({ from: 0, remove: 0, shift: 0, insert: chunks })
      const at = Math.floor(TEXT.length / 3)
      const splice = localTokenSplice(index, (a, b) => TEXT.slice(a, b), [at, at, ' Llamas\n'], tok, 'text')
      expect(splice).not.toBeNull()
      const after = index.applySplice(splice!)
      const edited = TEXT.slice(0, at) + ' Llamas\n' + TEXT.slice(at)
      expect(Array.from(after.allIds())).toEqual(await oracle.encode(edited, 'text'))
    }, 120_000)
  })
}
