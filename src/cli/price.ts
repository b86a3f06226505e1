import { formatPrice, parsePrice, priceOrigin, promptCost, tablePrice, PRICE_SOURCE, PRICE_SOURCE_URL, PRICE_TABLE_DATE, type PriceInUse, type PromptCost } from '@shared/models/prices'
import { formatCount } from '@shared/text/format'
import { usageError } from './errors'

/** --price, --price-in and --price-out of count and check. */
export interface PriceOptions {
  /** True with --price (or either override): a cost column is printed. */
  price: boolean
  /** --price-in: dollars per million prompt tokens, replacing the table's. */
  priceIn: number | null
  /** --price-out: dollars per million reply tokens, replacing the table's. */
  priceOut: number | null
}

/** Reads the price options; a bad price is a usage error (exit 2) saying what is wrong. */
export function priceOptions(values: Record<string, string | boolean | undefined>, command: string): PriceOptions {
  const read = (option: 'price-in' | 'price-out'): number | null => {
    const text = values[option]
    if (text === undefined) return null
    const value = parsePrice(String(text))
    if (typeof value === 'string') throw usageError(`--${option}: ${value}`, command)
    return value
  }
  const priceIn = read('price-in')
  const priceOut = read('price-out')
  return { price: values.price === true || priceIn !== null || priceOut !== null, priceIn, priceOut }
}

/**
 * The price a run uses: the model's from the dated table, with --price-in / --price-out in
 * place of either. Null without --price. A usage error when a price is missing (no model,
 * or a model the table has no price for, and not both overrides).
 */
export function resolvePrice(options: PriceOptions, model: string | null, command: string): PriceInUse | null {
  if (!options.price) return null
  const table = tablePrice(model)
  const input = options.priceIn ?? table?.input
  const output = options.priceOut ?? table?.output
  if (input === undefined || output === undefined) {
    const why = model === null ? 'no --model was given' : `the price table (${PRICE_TABLE_DATE}) has no price for ${model}`
    throw usageError(`--price needs a price: ${why}. Give --price-in and --price-out (dollars per million tokens), or a --model the table knows.`, command)
  }
  const user = options.priceIn !== null || options.priceOut !== null
  return { input, output, origin: user ? 'user' : 'table', provider: table?.provider ?? null, tiered: table?.tiered ?? false }
}

/** The cost of each file as one prompt plus a reply of `reserve` tokens. */
export function fileCosts(tokens: readonly number[], reserve: number, price: PriceInUse): PromptCost[] {
  return tokens.map((n) => promptCost(n, reserve, price))
}

/** Sums costs (the files as separate prompts, each with its own reply). */
export function sumCosts(costs: readonly PromptCost[]): PromptCost {
  const sum = { input: 0, output: 0, total: 0 }
  for (const c of costs) {
    sum.input += c.input
    sum.output += c.output
    sum.total += c.total
  }
  return sum
}

/** A cost for JSON: dollars rounded to 1e-10 (so 0.003 + 0.01 prints as 0.013, not 0.013000000000000001). */
export function costJson(cost: PromptCost): PromptCost {
  const round = (usd: number) => Math.round(usd * 1e10) / 1e10
  return { input: round(cost.input), output: round(cost.output), total: round(cost.total) }
}

/** The line under a table with costs: which prices, what a cost covers, and the prices' date and source. */
export function priceNote(price: PriceInUse, model: string | null, reserve: number): string {
  const reply = reserve > 0 ? ` plus a ${formatCount(reserve)}-token reply` : ''
  const origin = price.origin === 'user' ? `your prices (--price-in/--price-out${price.provider ? `; the table of ${PRICE_TABLE_DATE} has others` : ''})` : priceOrigin(price)
  const at = model === null ? `${formatPrice(price)} (no model)` : `${model}'s ${formatPrice(price)}`
  return `cost: each file as a prompt${reply}, at ${at}; ${origin}.`
}

/** The `price` object of the JSON reports (added only with --price). */
export function priceJson(price: PriceInUse, reserve: number) {
  return {
    input: price.input,
    output: price.output,
    reserve,
    origin: price.origin,
    asOf: price.origin === 'table' ? PRICE_TABLE_DATE : null,
    source: price.origin === 'table' ? `${PRICE_SOURCE} (${PRICE_SOURCE_URL})` : 'command line',
    tiered: price.tiered,
  }
}
