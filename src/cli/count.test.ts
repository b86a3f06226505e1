import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpenAiTokenizer } from '@shared/tokenizer/openai/openaiTokenizer'
import { loadOpenAiTokenizer as loadEncoding } from '@shared/tokenizer/openai/openaiTokenizer'
import { ENCODING_NAMES } from '@shared/tokenizer/openai/encodings'
import { makeCorpus } from '@shared/testing/corpus'
import { oracleOrdinary, oracleWithSpecial } from '@shared/testing/oracle'
import { SAMPLES } from '@shared/testing/samples'
import { countText } from '@shared/text/counts'
import { countTokens } from './chunks'
import { AHEAD_BYTES, countFiles, countReport, countReportJson, countTable, inlineCounter, textMeasures, totalOf, type TextMeasure } from './count'
import { memoryIO } from './io'

describe('countTokens', () => {
  const encodings = new Map<string, OpenAiTokenizer>()
  beforeAll(async () => {
    for (const name of ENCODING_NAMES) encodings.set(name, await loadEncoding(name))
  })

  it('equals tiktoken on every sample and a 60 KB mixed text (cut into chunks), in every encoding', () => {
    const texts = [...Object.values(SAMPLES), makeCorpus(60_000, 7), '']
    for (const name of ENCODING_NAMES) {
      for (const text of texts) expect(countTokens(text, encodings.get(name)!, 'text')).toBe(oracleOrdinary(name, text).length)
    }
  })

  it('counts <|endoftext|> as text by default and as one token with special', () => {
    const text = 'a<|endoftext|>b\n'.repeat(3)
    const enc = encodings.get('cl100k_base')!
    expect(countTokens(text, enc, 'text')).toBe(oracleOrdinary('cl100k_base', text).length)
    expect(countTokens(text, enc, 'special')).toBe(oracleWithSpecial('cl100k_base', text).length)
    expect(countTokens(text, enc, 'special')).toBeLessThan(countTokens(text, enc, 'text'))
  })
})

describe('measures', () => {
  it('counts lines as wc does, plus an unterminated last line', () => {
    const lines = (text: string) => textMeasures(text).lines
    expect(lines('')).toBe(0)
    expect(lines('a')).toBe(1)
    expect(lines('a\n')).toBe(1)
    expect(lines('a\nb')).toBe(2)
    expect(lines('a\r\nb\r\n')).toBe(2)
    expect(lines('a\n\n')).toBe(2)
    expect(textMeasures('don’t stop\r\nhé 👍\n')).toEqual({ characters: 17, words: 3, bytes: 23, lines: 2 })
  })

  it('totals files', () => {
    const f = (tokens: number) => ({ path: 'x', tokens, characters: 1, words: 2, bytes: 3, lines: 4, invalidBytes: 0 })
    expect(totalOf([f(5), f(7)])).toEqual({ files: 2, tokens: 12, characters: 2, words: 4, bytes: 6, lines: 8 })
  })
})

describe('count output', () => {
  const report = countReport(
    [
      { path: 'a.txt', tokens: 3, characters: 11, words: 2, bytes: 11, lines: 1, invalidBytes: 0 },
      { path: 'dir/b.md', tokens: 1200, characters: 5000, words: 900, bytes: 5100, lines: 80, invalidBytes: 2 },
    ],
    [{ path: 'img.png', reason: 'binary', message: 'A binary file.' }],
    'o200k_base',
    null,
    'text',
  )

  it('prints JSON with a fixed schema: these keys, in this order', () => {
    const json = JSON.parse(countReportJson(report))
    expect(Object.keys(json)).toEqual(['encoding', 'model', 'special', 'files', 'skipped', 'total'])
    expect(Object.keys(json.files[0])).toEqual(['path', 'tokens', 'characters', 'words', 'bytes', 'lines', 'invalidBytes'])
    expect(Object.keys(json.skipped[0])).toEqual(['path', 'reason', 'message'])
    expect(json.total).toEqual({ files: 2, tokens: 1203, characters: 5011, words: 902, bytes: 5111, lines: 81 })
  })

  it('prints a table with a total row, numbers right-aligned', () => {
    expect(countTable(report)).toBe(
      [
        'tokens  characters  words  bytes  lines  path',
        '     3          11      2     11      1  a.txt',
        '  1200        5000    900   5100     80  dir/b.md',
        '  1203        5011    902   5111     81  total (2 files)',
        '',
      ].join('\n'),
    )
  })
})

describe('countFiles', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'te-count-'))
    mkdirSync(join(dir, 'sub'))
    writeFileSync(join(dir, 'a.txt'), 'Hello, world!\n')
    writeFileSync(join(dir, 'bin.dat'), Buffer.from([1, 2, 0, 3]))
    writeFileSync(join(dir, 'sub', 'big.txt'), 'x'.repeat(2000))
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('counts text files, skips binary and oversized ones with the reason, counts invalid UTF-8', async () => {
    const enc = await loadEncoding('o200k_base')
    const files = ['a.txt', 'bin.dat', 'sub/big.txt', 'latin1.txt'].map((p) => ({ path: p, absolute: join(dir, p), size: 0 }))
    const io = memoryIO()
    const result = await countFiles(files, 1000, inlineCounter(enc, 'text'), io)
    expect(result.files.map((f) => [f.path, f.tokens, f.invalidBytes])).toEqual([
      ['a.txt', oracleOrdinary('o200k_base', 'Hello, world!\n').length, 0],
      ['latin1.txt', oracleOrdinary('o200k_base', 'caf\ufffd\n').length, 1],
    ])
    expect(result.skipped.map((s) => [s.path, s.reason])).toEqual([
      ['bin.dat', 'binary'],
      ['sub/big.txt', 'too-large'],
    ])
    expect(result.skipped[1].message).toMatch(/over the 1000 B limit \(raise it with --max-size\)/)
    expect(io.stderr).toBe('')
  })

  it('keeps up to `ahead` files in flight, but no more than AHEAD_BYTES of them (always one)', async () => {
    let now = 0
    let most = 0
    const counter = {
      measure: async (t: string) => {
        most = Math.max(most, ++now)
        await new Promise((r) => setTimeout(r, 5))
        now--
        return { tokens: 1, counts: countText(t) }
      },
      close: async () => {},
    }
    const small = Array.from({ length: 8 }, () => ({ path: 'a.txt', absolute: join(dir, 'a.txt'), size: 14 }))
    await countFiles(small, 1e9, counter, memoryIO(), { ahead: 5 })
    expect(most).toBe(5)
    most = 0
    // Sizes as listed (the files themselves are small): two would pass the byte bound.
    const big = small.map((f) => ({ ...f, size: AHEAD_BYTES / 2 + 1 }))
    const result = await countFiles(big, 1e9, counter, memoryIO(), { ahead: 5 })
    expect(most).toBe(1)
    expect(result.files).toHaveLength(8)
  })

  it('keeps the order of the files with several in flight', async () => {
    const files = ['sub/big.txt', 'a.txt', 'latin1.txt'].map((p) => ({ path: p, absolute: join(dir, p), size: 0 }))
    // A counter that answers later for longer texts: results still come back in file order.
    const slow = {
      measure: (t: string) => new Promise<TextMeasure>((r) => setTimeout(() => r({ tokens: t.length, counts: countText(t) }), t.length / 100)),
      close: async () => {},
    }
    const result = await countFiles(files, 1e6, slow, memoryIO(), { ahead: 3 })
    expect(result.files.map((f) => [f.path, f.tokens])).toEqual([
      ['sub/big.txt', 2000],
      ['a.txt', 14],
      ['latin1.txt', 5],
    ])
  })
})
