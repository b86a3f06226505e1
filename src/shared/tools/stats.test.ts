import { describe, expect, it } from 'vitest'
import { loadEncoding } from '../tokenizer/openai/encodingLoader'
import { costLevel, tokenFrequencies, tokensStartingIn } from './stats'
import { oracleOrdinary } from '../testing/oracle'
import { tokenizeAll } from '../document/tokenize'
import { flatTokenView, type TokenView } from '../document/tokenView'

const viewOf = (ids: number[]): TokenView => ({
  count: ids.length,
  exactCount: ids.length,
  id: (i) => ids[i],
  start: (i) => i,
  end: (i) => i + 1,
  flags: () => 0,
  indexAt: (p) => Math.min(p, ids.length - 1),
})

describe('tokenFrequencies', () => {
  it('ranks ids by count, then by first occurrence, with shares', () => {
    const r = tokenFrequencies(viewOf([5, 7, 5, 9, 7, 5, 1]), 3)
    expect(r).toEqual([
      { id: 5, count: 3, share: 3 / 7, firstIndex: 0 },
      { id: 7, count: 2, share: 2 / 7, firstIndex: 1 },
      { id: 9, count: 1, share: 1 / 7, firstIndex: 3 },
    ])
  })
  it('is empty for no tokens', () => {
    expect(tokenFrequencies(viewOf([]))).toEqual([])
  })
})

describe('tokensStartingIn and costLevel', () => {
  it('counts the tokens that start in each line; lines add up to the whole text (tiktoken)', async () => {
    const enc = await loadEncoding('o200k_base')
    const text = 'Plain English prose is cheap.\nQmFzZTY0IGlzIGV4cGVuc2l2ZQ==\n1234567890 0987654321\n日本語のテキストは高い\n\n🦙🦙🦙'
    const view = flatTokenView(tokenizeAll(text, enc, 'text').table)
    let pos = 0
    let sum = 0
    const perLine: number[] = []
    for (const line of text.split('\n')) {
      const to = Math.min(text.length, pos + line.length + 1) // with its newline
      const n = tokensStartingIn(view, pos, to)
      perLine.push(n)
      sum += n
      pos = to
    }
    expect(sum).toBe(oracleOrdinary('o200k_base', text).length)
    expect(perLine[4]).toBe(0) // an empty line's newline merged into the token before
    const levels = text.split('\n').map((line, k) => (perLine[k] ? costLevel(Array.from(line).length / perLine[k]) : -1))
    expect(levels[0]).toBe(0) // prose
    expect(levels[1]).toBeGreaterThanOrEqual(2) // base64
    expect(levels[5]).toBe(4) // emoji
  })

  it('maps characters per token onto five levels', () => {
    expect([6, 4, 3.5, 3, 2.5, 2, 1.5, 1, 0.3].map(costLevel)).toEqual([0, 0, 1, 1, 2, 3, 3, 4, 4])
  })
})
