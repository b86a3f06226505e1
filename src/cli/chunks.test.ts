import { describe, expect, it } from 'vitest'
import { cutText } from '@shared/document/documentModel'
import { loadTokenizer } from '@shared/tokenizer/catalog'
import { OPENAI_CHUNK_CUTS, loadOpenAiTokenizer } from '@shared/tokenizer/openai/openaiTokenizer'
import { makeCorpus } from '@shared/testing/corpus'
import { sourceReader } from '@shared/testing/bundledSources'
import { oracleForTokenizer } from '@shared/testing/tokenizerOracle'
import { countTokens, cutByRule, encodeAll, tokenTable } from './chunks'

describe('cutByRule', () => {
  it("gives the app's cuts with the OpenAI rules (documentModel.cutText), long lines included", () => {
    const text = makeCorpus(60_000, 3) + 'word,'.repeat(5_000) + '\n' + makeCorpus(10_000, 4)
    for (const min of [16, 512, 4096]) expect(cutByRule(text, OPENAI_CHUNK_CUTS, min)).toEqual(cutText(text, min))
  })

  it('keeps the text whole without a rule, and gives nothing for an empty text', () => {
    expect(cutByRule('a\nb\nc', null, 1)).toEqual([{ start: 0, end: 5 }])
    expect(cutByRule('', OPENAI_CHUNK_CUTS, 1)).toEqual([])
  })

  it('cuts only where the rule allows', () => {
    const rule = { isSafeCut: (t: string, i: number) => t[i] === 'x' }
    expect(cutByRule('a\nb\nxc\nxd', rule, 1)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 7 },
      { start: 7, end: 9 },
    ])
  })
})

describe('countTokens and tokenTable with bundled tokenizers', () => {
  it.each(['llama3', 'claude-legacy'])('%s: the chunked count and ids equal the reference implementation on 30,000 chars', async (id) => {
    const tok = await loadTokenizer(id, sourceReader)
    const oracle = oracleForTokenizer(id)
    const text = makeCorpus(30_000, 11)
    const expected = await oracle.encode(text, 'text')
    oracle.free()
    expect(cutByRule(text, tok.chunkCuts, 4096).length).toBeGreaterThan(1)
    expect(countTokens(text, tok, 'text')).toBe(expected.length)
    expect(encodeAll(text, tok, 'text')).toEqual(expected)
    const table = tokenTable(text, tok, 'text')
    expect(Array.from(table.ids)).toEqual(expected)
    expect(table.starts[0]).toBe(0)
    expect(table.starts[table.ids.length]).toBe(text.length)
    for (let i = 1; i <= table.ids.length; i++) expect(table.starts[i]).toBeGreaterThanOrEqual(table.starts[i - 1])
  }, 120_000)

  it('counts special-token strings as text or as one token each (mode)', async () => {
    const tok = await loadOpenAiTokenizer('cl100k_base')
    const text = 'a<|endoftext|>b\n'.repeat(2_000)
    expect(countTokens(text, tok, 'special')).toBe(4 * 2_000)
    expect(countTokens(text, tok, 'text')).toBeGreaterThan(4 * 2_000)
    expect(tokenTable(text, tok, 'special').ids.length).toBe(4 * 2_000)
  })
})
