import { PRICE_ROWS } from './priceTable'

/** The day the bundled price table was taken from its source (shown wherever a cost is). */
export const PRICE_TABLE_DATE = '2026-09-23'

/** Where the bundled prices come from (short, for a caption). */
export const PRICE_SOURCE = 'pydantic/genai-prices'

/** The source's address, for a link or a help text. */
export const PRICE_SOURCE_URL = 'https://github.com/pydantic/genai-prices'

/** Highest price per million tokens accepted from the user (the dearest model in the table is far below). */
export const MAX_PRICE_PER_MILLION = 10_000

/** Input and output prices in US dollars per million tokens. */
export interface Price {
  input: number
  output: number
}

/** A price and where it came from: the dated table, or the user (app edit or command line). */
export interface PriceInUse extends Price {
  origin: 'table' | 'user'
  /** The provider whose price list it is (table prices only). */
  provider: string | null
  /** True when longer prompts cost more than this (the first tier) for this model. */
  tiered: boolean
}

let byModel: Map<string, PriceInUse> | null = null

/** The bundled price of a model by its exact name, or null when the table has none. */
export function tablePrice(model: string | null): PriceInUse | null {
  if (!model) return null
  byModel ??= new Map(PRICE_ROWS.map(([name, provider, input, output, tiered]) => [name, { input, output, origin: 'table', provider, tiered: tiered === true }]))
  return byModel.get(model) ?? null
}

/** True when `value` is a usable price per million tokens: a finite number from 0 to MAX_PRICE_PER_MILLION. */
export function isPriceValue(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_PRICE_PER_MILLION
}

/** True when `value` is a Price whose two numbers are usable. */
export function isPrice(value: unknown): value is Price {
  if (typeof value !== 'object' || value === null) return false
  const p = value as Record<string, unknown>
  return isPriceValue(p.input) && isPriceValue(p.output)
}

/**
 * Reads a price per million tokens typed by a person ("2.5", "$2.50", "0"). Returns the number,
 * or a sentence saying what is wrong (empty, not a number, negative, too large).
 */
export function parsePrice(text: string): number | string {
  const trimmed = text.trim().replace(/^\$\s*/, '')
  if (trimmed === '') return 'Enter a price in dollars per million tokens, such as 2.5.'
  if (!/^\d+(?:\.\d*)?$|^\.\d+$/.test(trimmed)) {
    return /^-/.test(trimmed) ? `A price cannot be negative ("${text.trim()}").` : `"${text.trim()}" is not a price: write dollars per million tokens, such as 2.5.`
  }
  const value = Number(trimmed)
  if (!isPriceValue(value)) return `${text.trim()} dollars per million tokens is more than the ${MAX_PRICE_PER_MILLION.toLocaleString('en-US')} accepted.`
  return value
}

/**
 * The price in use for a model: the user's own (an edit saved for that model, or for "no model"
 * under the empty name) before the table's. Null when neither has one: no cost is shown then.
 */
export function priceFor(model: string | null, edits: Readonly<Record<string, Price>>): PriceInUse | null {
  const edited = edits[model ?? '']
  const table = tablePrice(model)
  if (edited && isPrice(edited)) return { input: edited.input, output: edited.output, origin: 'user', provider: table?.provider ?? null, tiered: table?.tiered ?? false }
  return table
}

/** Dollars for `tokens` at `perMillion` dollars per million tokens. */
export function costOf(tokens: number, perMillion: number): number {
  return (tokens * perMillion) / 1_000_000
}

/** What a prompt costs, and a reply of `reserve` tokens on top of it. */
export interface PromptCost {
  input: number
  output: number
  total: number
}

/** The cost of `tokens` prompt tokens at the input price plus `reserve` reply tokens at the output price. */
export function promptCost(tokens: number, reserve: number, price: Price): PromptCost {
  const input = costOf(tokens, price.input)
  const output = costOf(reserve, price.output)
  return { input, output, total: input + output }
}

/** Dollars for people: "$0" for nothing, three significant digits under a dollar ("$0.00123"), cents above. */
export function formatCost(usd: number): string {
  if (usd === 0) return '$0'
  if (usd < 0.000001) return '<$0.000001'
  if (usd < 1) return `$${Number(usd.toPrecision(3)).toFixed(Math.min(8, 2 - Math.floor(Math.log10(usd)))).replace(/0+$/, '').replace(/\.$/, '')}`
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
}

/** A price per million as written in captions: "$2.5 / $10 per million tokens (input / output)". */
export function formatPrice(price: Price): string {
  return `$${price.input} in / $${price.output} out per million tokens`
}

/** Where a price comes from, with the table's date: a cost is never shown without it. */
export function priceOrigin(price: PriceInUse): string {
  if (price.origin === 'user') return 'your prices'
  const tier = price.tiered ? '; longer prompts cost more for this model' : ''
  return `prices as of ${PRICE_TABLE_DATE}, source ${PRICE_SOURCE}${price.provider ? ` (${price.provider})` : ''}${tier}`
}
