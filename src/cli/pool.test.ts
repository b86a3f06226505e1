import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addCounts, countText, ZERO_COUNTS } from '@shared/text/counts'
import { loadOpenAiTokenizer as loadEncoding } from '@shared/tokenizer/openai/openaiTokenizer'
import { makeCorpus } from '@shared/testing/corpus'
import { oracleOrdinary } from '@shared/testing/oracle'
import { countTokens } from './chunks'
import { OPENAI_CHUNK_CUTS } from '@shared/tokenizer/openai/openaiTokenizer'
import { MAX_WORKERS, PARALLEL_MIN_BYTES, piecesOf, workerCount } from './pool'

describe('piecesOf', () => {
  it('tiles the text, and the pieces\' tokens and counts add up to the whole text\'s (tiktoken)', async () => {
    const enc = await loadEncoding('o200k_base')
    const text = makeCorpus(200_000, 9) + 'x'.repeat(30_000) + ' tail'
    const pieces = piecesOf(text, OPENAI_CHUNK_CUTS, 20_000)
    expect(pieces.length).toBeGreaterThan(5)
    expect(pieces[0].start).toBe(0)
    expect(pieces[pieces.length - 1].end).toBe(text.length)
    for (let i = 1; i < pieces.length; i++) expect(pieces[i].start).toBe(pieces[i - 1].end)
    let tokens = 0
    let counts = ZERO_COUNTS
    for (const p of pieces) {
      const piece = text.slice(p.start, p.end)
      tokens += countTokens(piece, enc, 'text')
      counts = addCounts(counts, countText(piece))
    }
    expect(tokens).toBe(oracleOrdinary('o200k_base', text).length)
    expect(counts).toEqual(countText(text))
  })

  it('adds up on any text cut into small pieces (property)', async () => {
    const enc = await loadEncoding('cl100k_base')
    fc.assert(
      fc.property(fc.array(fc.constantFrom('word', ' ', '\n', 'é', '👍', "'s", '  ', '\n\n', '123', '<|endoftext|>', 'Über'), { maxLength: 300 }), (parts) => {
        const text = parts.join('')
        let tokens = 0
        for (const p of piecesOf(text, OPENAI_CHUNK_CUTS, 8)) tokens += countTokens(text.slice(p.start, p.end), enc, 'text')
        expect(tokens).toBe(oracleOrdinary('cl100k_base', text).length)
      }),
      { numRuns: 200 },
    )
  })

  it('gives one empty piece for empty text', () => {
    expect(piecesOf('', null)).toEqual([{ start: 0, end: 0 }])
  })
})

describe('workerCount', () => {
  it('follows --jobs, else one per core for big inputs only', () => {
    expect(workerCount(1, 1e9, 8)).toBe(0)
    expect(workerCount(3, 0, 8)).toBe(3)
    expect(workerCount(64, 0, 8)).toBe(MAX_WORKERS)
    expect(workerCount(null, PARALLEL_MIN_BYTES - 1, 8)).toBe(0)
    expect(workerCount(null, PARALLEL_MIN_BYTES, 2)).toBe(2)
    expect(workerCount(null, 1e9, 1)).toBe(0)
  })
})
