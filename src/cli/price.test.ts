import { describe, expect, it } from 'vitest'
import { PRICE_TABLE_DATE } from '@shared/models/prices'
import { countReport, countReportJson, countTable } from './count'
import { CliError } from './errors'
import { fileCosts, priceJson, priceNote, resolvePrice, sumCosts } from './price'

const none = { price: false, priceIn: null, priceOut: null }
const table = { price: true, priceIn: null, priceOut: null }

/** The CliError `fn` throws. */
function failure(fn: () => unknown): CliError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(CliError)
    return err as CliError
  }
  throw new Error('no error')
}

describe('resolvePrice', () => {
  it('is null without --price, the table’s price with it', () => {
    expect(resolvePrice(none, 'gpt-4o', 'count')).toBeNull()
    expect(resolvePrice(table, 'gpt-4o', 'count')).toEqual({ input: 2.5, output: 10, origin: 'table', provider: 'openai', tiered: false })
  })
  it('lets --price-in and --price-out replace either price', () => {
    expect(resolvePrice({ price: true, priceIn: 1, priceOut: null }, 'gpt-4o', 'count')).toMatchObject({ input: 1, output: 10, origin: 'user' })
    expect(resolvePrice({ price: true, priceIn: 0, priceOut: 0 }, null, 'count')).toMatchObject({ input: 0, output: 0, origin: 'user', provider: null })
    expect(resolvePrice({ price: true, priceIn: 3, priceOut: 4 }, 'davinci-codex', 'check')).toMatchObject({ input: 3, output: 4 })
  })
  it('is a usage error when a price is missing: no model, or one the table does not know', () => {
    const noModel = failure(() => resolvePrice(table, null, 'count'))
    expect(noModel.exitCode).toBe(2)
    expect(noModel.message).toMatch(/--price needs a price: no --model was given\. Give --price-in and --price-out/)
    expect(failure(() => resolvePrice(table, 'davinci-codex', 'check')).message).toMatch(`the price table (${PRICE_TABLE_DATE}) has no price for davinci-codex`)
    expect(failure(() => resolvePrice({ price: true, priceIn: 1, priceOut: null }, null, 'count')).message).toMatch(/needs a price/)
  })
})

describe('costs', () => {
  const gpt4o = resolvePrice(table, 'gpt-4o', 'count')!
  it('prices each file as a prompt plus the reply, and sums them', () => {
    const costs = fileCosts([1000, 3000], 500, gpt4o)
    expect(costs).toEqual([
      { input: 0.0025, output: 0.005, total: 0.0075 },
      { input: 0.0075, output: 0.005, total: 0.0125 },
    ])
    expect(sumCosts(costs)).toEqual({ input: 0.01, output: 0.01, total: 0.02 })
    expect(sumCosts([])).toEqual({ input: 0, output: 0, total: 0 })
  })
  it('dates table prices and names the user’s', () => {
    expect(priceNote(gpt4o, 'gpt-4o', 500)).toBe(`cost: each file as a prompt plus a 500-token reply, at gpt-4o's $2.5 in / $10 out per million tokens; prices as of ${PRICE_TABLE_DATE}, source pydantic/genai-prices (openai).`)
    const mine = resolvePrice({ price: true, priceIn: 1, priceOut: 2 }, null, 'count')!
    expect(priceNote(mine, null, 0)).toBe(`cost: each file as a prompt, at $1 in / $2 out per million tokens (no model); your prices (--price-in/--price-out).`)
    expect(priceJson(gpt4o, 0)).toMatchObject({ input: 2.5, output: 10, reserve: 0, origin: 'table', asOf: PRICE_TABLE_DATE })
    expect(priceJson(mine, 7)).toMatchObject({ origin: 'user', asOf: null, source: 'command line', reserve: 7 })
  })
})

describe('count with --price', () => {
  const report = countReport(
    [
      { path: 'a.txt', tokens: 4000, characters: 11, words: 2, bytes: 11, lines: 1, invalidBytes: 0 },
      { path: 'b.md', tokens: 1200, characters: 5000, words: 900, bytes: 5100, lines: 80, invalidBytes: 0 },
    ],
    [],
    'o200k_base',
    'gpt-4o',
    'text',
  )
  const pricing = { price: resolvePrice(table, 'gpt-4o', 'count')!, reserve: 1000 }
  it('adds a cost column and the dated price line to the table', () => {
    expect(countTable(report, pricing)).toBe(
      [
        'tokens  characters  words  bytes  lines    cost  path',
        '  4000          11      2     11      1   $0.02  a.txt',
        '  1200        5000    900   5100     80  $0.013  b.md',
        '  5200        5011    902   5111     81  $0.033  total (2 files)',
        priceNote(pricing.price, 'gpt-4o', 1000),
        '',
      ].join('\n'),
    )
  })
  it('adds price and cost keys to the JSON, after the stable ones', () => {
    const json = JSON.parse(countReportJson(report, pricing))
    expect(Object.keys(json)).toEqual(['encoding', 'model', 'special', 'price', 'files', 'skipped', 'total'])
    expect(Object.keys(json.files[0])).toEqual(['path', 'tokens', 'characters', 'words', 'bytes', 'lines', 'invalidBytes', 'cost'])
    expect(json.files[1].cost).toEqual({ input: 0.003, output: 0.01, total: 0.013 })
    expect(json.total.cost).toEqual({ input: 0.013, output: 0.02, total: 0.033 })
    expect(Object.keys(JSON.parse(countReportJson(report)))).toEqual(['encoding', 'model', 'special', 'files', 'skipped', 'total'])
  })
})
