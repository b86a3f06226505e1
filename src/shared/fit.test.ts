import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadEncoding, type LoadedEncoding } from './encodingLoader'
import { fitRange } from './fit'
import { oracleOrdinary } from './testing/oracle'
import { tokenizeAll } from './tokenize'
import { flatTokenView } from './tokenView'

let enc: LoadedEncoding
beforeAll(async () => {
  enc = await loadEncoding('o200k_base')
})

const isWellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)

describe('fitRange', () => {
  it('is null when everything fits', () => {
    const { table } = tokenizeAll('short text', enc, 'text')
    expect(fitRange(flatTokenView(table), 100, 'head')).toBeNull()
  })

  it('keeps the first or last N tokens, cutting at a token boundary', () => {
    const text = 'The quick brown fox jumps over the lazy dog.'
    const view = flatTokenView(tokenizeAll(text, enc, 'text').table)
    const head = fitRange(view, 4, 'head')!
    expect(head).toMatchObject({ from: 0, kept: 4, dropped: view.count - 4 })
    expect(text.slice(head.from, head.to)).toBe('The quick brown fox')
    const tail = fitRange(view, 3, 'tail')!
    expect(text.slice(tail.from, tail.to)).toBe(' lazy dog.')
    expect(tail.kept).toBe(3)
  })

  it('property: the kept text is whole characters and re-encodes to at most N tokens (tiktoken)', () => {
    const unit = fc.constantFrom('a', ' ', 'Word', '🦙', '👩🏽‍💻', '日本', '\n', '.', '123', 'é', '🇯🇵')
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 40 }), fc.nat({ max: 30 }), fc.boolean(), (parts, limit, head) => {
        const text = parts.join('')
        const view = flatTokenView(tokenizeAll(text, enc, 'text').table)
        const r = fitRange(view, limit, head ? 'head' : 'tail')
        if (view.count <= limit) {
          expect(r).toBeNull()
          return
        }
        const kept = text.slice(r!.from, r!.to)
        expect(isWellFormed(kept)).toBe(true)
        expect(r!.kept + r!.dropped).toBe(view.count)
        expect(r!.kept).toBeLessThanOrEqual(limit)
        expect(oracleOrdinary('o200k_base', kept).length).toBeLessThanOrEqual(limit)
        if (head) expect(text.startsWith(kept)).toBe(true)
        else expect(text.endsWith(kept)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
