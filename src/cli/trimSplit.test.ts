import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadOpenAiTokenizer as loadEncoding } from '@shared/tokenizer/openai/openaiTokenizer'
import { makeCorpus } from '@shared/testing/corpus'
import { oracleOrdinary } from '@shared/testing/oracle'
import { CliError } from './errors'
import { splitJsonl, splitText, trimSummary, trimText, writeChunkFiles } from './trimSplit'

const TEXT = makeCorpus(12_000, 5) + ' 👍🏽👩‍👩‍👧 end'

describe('trimText', () => {
  it('keeps at most the budget (tiktoken count) as a prefix, a suffix, or both ends around the marker', async () => {
    const enc = await loadEncoding('o200k_base')
    const total = oracleOrdinary('o200k_base', TEXT).length
    for (const budget of [1, 37, 500, total - 1]) {
      const first = (await trimText(TEXT, budget, 'first', '', enc, 'text'))!
      expect(TEXT.startsWith(first.text)).toBe(true)
      expect(oracleOrdinary('o200k_base', first.text).length).toBeLessThanOrEqual(budget)
      expect(first.kept + first.dropped).toBe(total)

      const last = (await trimText(TEXT, budget, 'last', '', enc, 'text'))!
      expect(TEXT.endsWith(last.text)).toBe(true)
      expect(oracleOrdinary('o200k_base', last.text).length).toBeLessThanOrEqual(budget)

      if (budget < 10) continue
      const both = (await trimText(TEXT, budget, 'both', '\n[…]\n', enc, 'text'))!
      const [head, tail] = both.text.split('\n[…]\n')
      expect(TEXT.startsWith(head) && TEXT.endsWith(tail)).toBe(true)
      expect(oracleOrdinary('o200k_base', both.text).length).toBeLessThanOrEqual(budget)
    }
    expect(await trimText(TEXT, total, 'first', '', enc, 'text')).toBeNull()
  })

  it('says when a marker leaves no room (exit 1), and summarises', async () => {
    const enc = await loadEncoding('o200k_base')
    await expect(trimText(TEXT, 3, 'both', ' a long marker of several tokens ', enc, 'text')).rejects.toThrow(CliError)
    expect(trimSummary(null, 12, 20)).toBe('fits: 12 tokens within 20; the text is unchanged.')
    expect(trimSummary({ kept: 10, dropped: 1990, total: 2000 }, 2000, 10)).toBe('trimmed: kept 10 of 2,000 tokens, dropped 1,990, to fit 10.')
  })
})

describe('splitText', () => {
  it('cuts chunks that each take at most `size` tokens alone (tiktoken), cover the text and overlap', async () => {
    const enc = await loadEncoding('cl100k_base')
    const { chunks } = await splitText(TEXT, 300, 30, enc, 'text')
    expect(chunks.length).toBeGreaterThan(5)
    expect(chunks[0].from).toBe(0)
    expect(chunks[chunks.length - 1].to).toBe(TEXT.length)
    for (let i = 0; i < chunks.length; i++) {
      expect(oracleOrdinary('cl100k_base', TEXT.slice(chunks[i].from, chunks[i].to)).length).toBeLessThanOrEqual(300)
      if (i > 0) expect(chunks[i].from).toBeLessThan(chunks[i - 1].to)
    }
    const lines = splitJsonl(TEXT, chunks).trimEnd().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((l) => l.text)).toEqual(chunks.map((c) => TEXT.slice(c.from, c.to)))
    expect(Object.keys(lines[0])).toEqual(['index', 'tokens', 'firstToken', 'text'])
    expect(splitJsonl('', [])).toBe('')
  })
})

describe('writeChunkFiles', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'te-split-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('writes numbered files into a new folder', async () => {
    const out = join(dir, 'new', 'chunks')
    const names = await writeChunkFiles(out, 'abcdef', [
      { index: 0, first: 0, end: 1, from: 0, to: 4 },
      { index: 1, first: 1, end: 2, from: 3, to: 6 },
    ])
    expect(names).toEqual(['chunk-001.txt', 'chunk-002.txt'])
    expect(readFileSync(join(out, 'chunk-002.txt'), 'utf8')).toBe('def')
  })

  it('overwrites nothing: refuses before writing when a chunk file exists', async () => {
    writeFileSync(join(dir, 'chunk-002.txt'), 'mine')
    const chunks = [
      { index: 0, first: 0, end: 1, from: 0, to: 1 },
      { index: 1, first: 1, end: 2, from: 1, to: 2 },
    ]
    await expect(writeChunkFiles(dir, 'ab', chunks)).rejects.toThrow(/chunk-002\.txt already exists/)
    expect(readdirSync(dir)).toEqual(['chunk-002.txt'])
    expect(readFileSync(join(dir, 'chunk-002.txt'), 'utf8')).toBe('mine')
  })
})
