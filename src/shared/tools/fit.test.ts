import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadEncoding, type LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import { fitHeadTail, fitRange, fittedText } from './fit'
import { oracleOrdinary } from '../testing/oracle'
import { tokenizeAll } from '../document/tokenize'
import { flatTokenView } from '../document/tokenView'

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

describe('fitHeadTail', () => {
  const count = (text: string) => Promise.resolve(oracleOrdinary('o200k_base', text).length)

  it('keeps both ends around the marker and says what it dropped', async () => {
    const text = 'The quick brown fox jumps over the lazy dog and keeps running far away.'
    const view = flatTokenView(tokenizeAll(text, enc, 'text').table)
    const r = (await fitHeadTail(view, 10, ' […] ', (a, b) => text.slice(a, b), count))!
    expect(r.text.startsWith('The quick')).toBe(true)
    expect(r.text.endsWith(' away.')).toBe(true)
    expect(r.text).toContain(' […] ')
    expect(r.tokens).toBeLessThanOrEqual(10)
    expect(r.kept + r.dropped).toBe(view.count)
  })

  it('is null when the text fits, and refuses a marker that leaves no room', async () => {
    const text = 'one two three four five six seven eight nine ten'
    const view = flatTokenView(tokenizeAll(text, enc, 'text').table)
    expect(await fitHeadTail(view, 100, '…', (a, b) => text.slice(a, b), count)).toBeNull()
    await expect(fitHeadTail(view, 3, ' a b c d e f ', (a, b) => text.slice(a, b), count)).rejects.toThrow(/no room/)
  })

  it('property: whole characters, head and tail of the text, at most N tokens by tiktoken', async () => {
    const unit = fc.constantFrom('a', ' ', '  ', 'Word', '🦙', '👩🏽‍💻', '日本', '\n', '\n\n', '.', '123', 'é', '🇯🇵', '\t')
    await fc.assert(
      fc.asyncProperty(fc.array(unit, { minLength: 1, maxLength: 60 }), fc.integer({ min: 6, max: 40 }), fc.constantFrom('\n[…]\n', ' … ', '\n\n---\n\n'), async (parts, limit, marker) => {
        const text = parts.join('')
        const view = flatTokenView(tokenizeAll(text, enc, 'text').table)
        let r
        try {
          r = await fitHeadTail(view, limit, marker, (a, b) => text.slice(a, b), count)
        } catch (e) {
          expect(String(e)).toMatch(/no room/)
          return
        }
        if (view.count <= limit) {
          expect(r).toBeNull()
          return
        }
        const at = r!.text.indexOf(marker)
        const head = r!.text.slice(0, at)
        const tail = r!.text.slice(at + marker.length)
        expect(text.startsWith(head)).toBe(true)
        expect(text.endsWith(tail)).toBe(true)
        expect(isWellFormed(r!.text)).toBe(true)
        expect(oracleOrdinary('o200k_base', r!.text).length).toBeLessThanOrEqual(limit)
        expect(r!.tokens).toBe(oracleOrdinary('o200k_base', r!.text).length)
      }),
      { numRuns: 200 },
    )
  })
})

describe('fittedText', () => {
  it('gives the kept text for each mode, or null when everything fits', async () => {
    const text = 'one two three four five six seven eight'
    const view = flatTokenView(tokenizeAll(text, enc, 'text').table)
    const slice = (a: number, b: number) => text.slice(a, b)
    const count = (t: string) => Promise.resolve(oracleOrdinary('o200k_base', t).length)
    expect(await fittedText(view, 3, 'head', '', slice, count)).toEqual({ text: 'one two three', kept: 3, dropped: 5 })
    expect(await fittedText(view, 2, 'tail', '', slice, count)).toEqual({ text: ' seven eight', kept: 2, dropped: 6 })
    expect((await fittedText(view, 5, 'both', ' … ', slice, count))!.text).toMatch(/^one .* eight$/)
    expect(await fittedText(view, 100, 'head', '', slice, count)).toBeNull()
  })
})
