import { describe, expect, it } from 'vitest'
import { loadModelList } from './models'
import { PRICE_ROWS } from './priceTable'
import { MAX_PRICE_PER_MILLION, PRICE_TABLE_DATE, costOf, formatCost, isPrice, parsePrice, priceFor, priceOrigin, promptCost, tablePrice } from './prices'

describe('price table', () => {
  it('has one valid row per model, dated', () => {
    const names = PRICE_ROWS.map((r) => r[0])
    expect(new Set(names).size).toBe(names.length)
    for (const [name, provider, input, output] of PRICE_ROWS) {
      expect(name.length, name).toBeGreaterThan(0)
      expect(provider).toMatch(/^[a-z]+$/)
      expect(isPrice({ input, output }), name).toBe(true)
      // No list price in the table is free or anywhere near the cap (a slip of the decimal point would be).
      expect(input + output, name).toBeGreaterThan(0)
      expect(output, name).toBeLessThan(1000)
    }
    expect(PRICE_TABLE_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('prices the current OpenAI models the app lists, and the next families', async () => {
    const models = new Set((await loadModelList()).map((m) => m.name))
    for (const name of ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-5', 'gpt-5-mini', 'o3', 'o4-mini']) {
      expect(models.has(name), name).toBe(true)
      expect(tablePrice(name), name).not.toBeNull()
    }
    for (const name of ['claude-sonnet-4-5', 'gemini-2.5-pro', 'mistral-large-latest', 'deepseek-chat']) expect(tablePrice(name), name).not.toBeNull()
    // Published list prices at the table's date (openai.com/api/pricing).
    expect(tablePrice('gpt-4o')).toMatchObject({ input: 2.5, output: 10, provider: 'openai', origin: 'table', tiered: false })
    expect(tablePrice('gpt-4o-mini')).toMatchObject({ input: 0.15, output: 0.6 })
    expect(tablePrice('gemini-2.5-pro')?.tiered).toBe(true)
  })

  it('has no price for unknown models or no model', () => {
    expect(tablePrice('no-such-model')).toBeNull()
    expect(tablePrice(null)).toBeNull()
    expect(tablePrice('GPT-4O')).toBeNull()
  })
})

describe('priceFor', () => {
  it('uses the table unless the user edited the model’s prices', () => {
    expect(priceFor('gpt-4o', {})).toMatchObject({ input: 2.5, output: 10, origin: 'table' })
    expect(priceFor('gpt-4o', { 'gpt-4o': { input: 1, output: 4 } })).toMatchObject({ input: 1, output: 4, origin: 'user', provider: 'openai' })
    expect(priceFor('gpt-4o', { 'gpt-4.1': { input: 1, output: 4 } })).toMatchObject({ input: 2.5, origin: 'table' })
  })
  it('prices no model or an unknown one only when the user gave a price', () => {
    expect(priceFor(null, {})).toBeNull()
    expect(priceFor('my-local-model', {})).toBeNull()
    expect(priceFor(null, { '': { input: 0.5, output: 1 } })).toMatchObject({ input: 0.5, output: 1, origin: 'user', provider: null })
    expect(priceFor('my-local-model', { 'my-local-model': { input: 0, output: 0 } })).toMatchObject({ input: 0, output: 0, origin: 'user' })
  })
  it('ignores a malformed edit', () => {
    expect(priceFor('gpt-4o', { 'gpt-4o': { input: -1, output: 4 } })).toMatchObject({ origin: 'table' })
    expect(priceFor(null, { '': { input: Number.NaN, output: 4 } })).toBeNull()
  })
})

describe('cost arithmetic', () => {
  it('prices tokens per million', () => {
    expect(costOf(1_000_000, 2.5)).toBe(2.5)
    expect(costOf(1234, 2.5)).toBeCloseTo(0.003085, 12)
    expect(costOf(0, 10)).toBe(0)
    expect(costOf(5000, 0)).toBe(0)
  })
  it('adds a reserved reply at the output price', () => {
    expect(promptCost(1000, 500, { input: 2.5, output: 10 })).toEqual({ input: 0.0025, output: 0.005, total: 0.0075 })
    expect(promptCost(1000, 0, { input: 2.5, output: 10 })).toEqual({ input: 0.0025, output: 0, total: 0.0025 })
    // Edited prices change the total in proportion.
    const edited = promptCost(200_000, 8_000, { input: 1, output: 4 })
    expect(edited.total).toBeCloseTo(0.2 + 0.032, 12)
  })
  it('formats dollars', () => {
    expect(formatCost(0)).toBe('$0')
    expect(formatCost(0.0025)).toBe('$0.0025')
    expect(formatCost(0.00308525)).toBe('$0.00309')
    expect(formatCost(0.123456)).toBe('$0.123')
    expect(formatCost(0.0000001)).toBe('<$0.000001')
    expect(formatCost(2.5)).toBe('$2.50')
    expect(formatCost(12345.678)).toBe('$12,345.68')
  })
})

describe('parsePrice', () => {
  it('reads prices as people type them', () => {
    expect(parsePrice('2.5')).toBe(2.5)
    expect(parsePrice(' $10 ')).toBe(10)
    expect(parsePrice('0')).toBe(0)
    expect(parsePrice('.5')).toBe(0.5)
    expect(parsePrice(String(MAX_PRICE_PER_MILLION))).toBe(MAX_PRICE_PER_MILLION)
  })
  it('says what is wrong with a bad price', () => {
    expect(parsePrice('')).toMatch(/Enter a price/)
    expect(parsePrice('-1')).toMatch(/cannot be negative/)
    expect(parsePrice('NaN')).toMatch(/is not a price/)
    expect(parsePrice('1e3')).toMatch(/is not a price/)
    expect(parsePrice('2,5')).toMatch(/is not a price/)
    expect(parsePrice('99999')).toMatch(/more than the 10,000 accepted/)
  })
})

describe('priceOrigin', () => {
  it('dates table prices and names user prices', () => {
    expect(priceOrigin(tablePrice('gpt-4o')!)).toBe(`prices as of ${PRICE_TABLE_DATE}, source pydantic/genai-prices (openai)`)
    expect(priceOrigin(tablePrice('gemini-2.5-pro')!)).toMatch(/longer prompts cost more/)
    expect(priceOrigin(priceFor(null, { '': { input: 1, output: 2 } })!)).toBe('your prices')
  })
})
