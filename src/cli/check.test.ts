import { describe, expect, it } from 'vitest'
import { loadOpenAiTokenizer as loadEncoding } from '@shared/tokenizer/openai/openaiTokenizer'
import { makeCorpus } from '@shared/testing/corpus'
import { oracleFor } from '@shared/testing/oracle'
import { utf8ByteLength } from '@shared/text/utf8'
import { budgetOf, checkLine, checkSummary, checkText, positionAt } from './check'
import { CliError } from './errors'

describe('positionAt', () => {
  it('counts lines ended by \\n, \\r\\n or \\r and columns in code points', () => {
    const text = 'ab\r\ncd\ref\n👍x'
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1, offset: 0 })
    expect(positionAt(text, 5)).toEqual({ line: 2, column: 2, offset: 5 })
    expect(positionAt(text, 7)).toEqual({ line: 3, column: 1, offset: 7 })
    // After an astral character (two UTF-16 units): column 2.
    expect(positionAt(text, text.length - 1)).toEqual({ line: 4, column: 2, offset: text.length - 1 })
  })
})

describe('checkText', () => {
  it('cuts where tiktoken says the first token past the budget starts', async () => {
    const enc = await loadEncoding('cl100k_base')
    const text = makeCorpus(20_000, 3)
    const oracle = oracleFor('cl100k_base')
    const ids = oracle.encode_ordinary(text)
    for (const budget of [1, 100, 2500, ids.length - 1]) {
      const r = checkText('f', text, ids.length, budget, enc, 'text')
      expect(r.fits).toBe(false)
      expect(r.over).toBe(ids.length - budget)
      let bytes = 0
      for (let i = 0; i < budget; i++) bytes += oracle.decode_single_token_bytes(ids[i]).length
      // Unless the cut falls inside a character, the text before it is exactly the first `budget` tokens' bytes.
      const before = text.slice(0, r.cut!.offset)
      if (utf8ByteLength(before) !== bytes) expect(Math.abs(utf8ByteLength(before) - bytes)).toBeLessThan(4)
      else expect(utf8ByteLength(before)).toBe(bytes)
      expect(r.cut).toEqual(positionAt(text, r.cut!.offset))
    }
    expect(checkText('f', text, ids.length, ids.length, enc, 'text')).toEqual({ path: 'f', tokens: ids.length, fits: true, over: 0, remaining: 0, cut: null })
  })
})

describe('budgetOf', () => {
  const model = { name: 'gpt-4', encoding: 'cl100k_base' as const, contextWindow: 8192, maxOutput: 8192, chat: true }
  it('takes --limit over the model window, minus the reserve', () => {
    expect(budgetOf(4096, 96, model, 'check')).toEqual({ limit: 4096, reserve: 96, budget: 4000, source: '--limit' })
    expect(budgetOf(null, 192, model, 'check')).toEqual({ limit: 8192, reserve: 192, budget: 8000, source: "gpt-4's window" })
  })
  it('rejects a reserve that leaves nothing', () => {
    expect(() => budgetOf(100, 100, null, 'check')).toThrow(CliError)
    expect(() => budgetOf(100, 100, null, 'check')).toThrow('--reserve 100 leaves no room under the limit of 100 tokens.')
  })
})

describe('checkLine', () => {
  const budget = { limit: 4096, reserve: 0, budget: 4096, source: '--limit' }
  it('says how far over and where the limit cuts', () => {
    expect(checkLine({ path: 'a.md', tokens: 5000, fits: false, over: 904, remaining: 0, cut: { line: 1204, column: 7, offset: 99 } }, budget)).toBe(
      'OVER  a.md: 5,000 tokens, 904 over the limit of 4,096; the limit cuts at line 1,204, column 7',
    )
    expect(checkLine({ path: 'b.md', tokens: 96, fits: true, over: 0, remaining: 4000, cut: null }, { ...budget, reserve: 96, budget: 4000 })).toBe(
      'fits  b.md: 96 tokens, 4,000 left of 4,000 (4,096 minus 96 reserved)',
    )
  })
})

describe('checkSummary', () => {
  it('reads well for none, one and many files', () => {
    expect(checkSummary(0, 0, '10 tokens')).toMatch(/^No files to check/)
    expect(checkSummary(1, 0, '10 tokens')).toBe('The file fits within 10 tokens.')
    expect(checkSummary(1, 1, '10 tokens')).toBe('The file is over 10 tokens.')
    expect(checkSummary(3, 0, '10 tokens')).toBe('All 3 files fit within 10 tokens.')
    expect(checkSummary(3, 1, '10 tokens')).toBe('1 of 3 files is over 10 tokens.')
    expect(checkSummary(3, 2, '10 tokens')).toBe('2 of 3 files are over 10 tokens.')
  })
})
