import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import { formatCount } from '@shared/text/format'
import { limitCutOffset, limitStatus } from '@shared/models/limits'
import type { ModelInfo } from '@shared/models/models'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import { tokenTable } from './chunks'
import { flatTokenView } from '@shared/document/tokenView'
import { countFiles, inputWarnings, nothingReadMessage, type Pricing, type TokenCounter } from './count'
import { costJson, fileCosts, priceJson, priceNote, resolvePrice, sumCosts, type PriceOptions } from './price'
import { formatCost } from '@shared/models/prices'
import { EXIT_FAIL, EXIT_NO_INPUT, EXIT_OK, usageError } from './errors'
import type { FoundFile, SkippedInput } from './inputs'
import type { CliIO } from './io'

/** Where in a text a UTF-16 offset falls: 1-based line (\n, \r\n or \r ends one) and column (in code points). */
export interface TextPosition {
  line: number
  column: number
  /** The UTF-16 offset itself (JavaScript string index). */
  offset: number
}

/** The line and column of `offset` in `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++
      lineStart = i + 1
    }
  }
  let column = 1
  for (let i = lineStart; i < offset; i++) {
    const c = text.charCodeAt(i)
    // The second half of a surrogate pair is not a character of its own.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > lineStart && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800)) column++
  }
  return { line, column, offset }
}

/** One file measured against the budget. */
export interface CheckedFile {
  path: string
  tokens: number
  fits: boolean
  /** Tokens past the budget (0 when it fits). */
  over: number
  /** Tokens left under the budget (0 when over). */
  remaining: number
  /** Where the first token past the budget starts; null when the file fits. */
  cut: TextPosition | null
}

/**
 * Measures one text against `budget` tokens; for a text over it, tokenizes it with spans
 * (as the app does) to say where the budget cuts (`tokenizer` may be null for a text that fits).
 */
export function checkText(path: string, text: string, tokens: number, budget: number, tokenizer: Tokenizer | null, mode: SpecialMode): CheckedFile {
  const status = limitStatus(tokens, budget)
  if (status.over === 0) return { path, tokens, fits: true, over: 0, remaining: status.remaining, cut: null }
  if (!tokenizer) throw new Error('checkText needs the tokenizer for a text over the budget')
  const view = flatTokenView(tokenTable(text, tokenizer, mode))
  const offset = limitCutOffset(view, budget)
  return { path, tokens, fits: false, over: status.over, remaining: 0, cut: offset === null ? null : positionAt(text, offset) }
}

/** The limit and reserve a check runs with. */
export interface Budget {
  limit: number
  reserve: number
  /** limit - reserve: what each file must fit in. */
  budget: number
  /** Where the limit came from ("--limit" or the model's name). */
  source: string
}

/** The budget from --limit (or the model's window) minus --reserve; a usage error when nothing is left. */
export function budgetOf(limit: number | null, reserve: number, model: ModelInfo | null, command: string): Budget {
  const value = limit ?? model?.contextWindow
  if (value === undefined) throw usageError(`${command} needs --limit N, or --model NAME for that model's context window.`, command)
  if (reserve >= value) throw usageError(`--reserve ${reserve} leaves no room under the limit of ${value} tokens.`, command)
  return { limit: value, reserve, budget: value - reserve, source: limit !== null ? '--limit' : `${model!.name}'s window` }
}

/** One line per file: fits (with tokens left) or OVER (by how much, and where the limit cuts). */
export function checkLine(file: CheckedFile, budget: Budget): string {
  const of = budget.reserve > 0 ? `${formatCount(budget.budget)} (${formatCount(budget.limit)} minus ${formatCount(budget.reserve)} reserved)` : formatCount(budget.budget)
  if (file.fits) return `fits  ${file.path}: ${formatCount(file.tokens)} tokens, ${formatCount(file.remaining)} left of ${of}`
  const where = file.cut ? `; the limit cuts at line ${formatCount(file.cut.line)}, column ${formatCount(file.cut.column)}` : ''
  return `OVER  ${file.path}: ${formatCount(file.tokens)} tokens, ${formatCount(file.over)} over the limit of ${of}${where}`
}

/** The closing line of check: how many files are over `within` (the budget, described). */
export function checkSummary(files: number, over: number, within: string): string {
  if (files === 0) return `No files to check (nothing to read, or everything was skipped).`
  if (over === 0) return files === 1 ? `The file fits within ${within}.` : `All ${formatCount(files)} files fit within ${within}.`
  return files === 1 ? `The file is over ${within}.` : `${formatCount(over)} of ${formatCount(files)} files ${over === 1 ? 'is' : 'are'} over ${within}.`
}

/** The `check --json` report; keys in a fixed order. */
export function checkReportJson(
  files: readonly CheckedFile[],
  skipped: readonly SkippedInput[],
  budget: Budget,
  tokenizer: { id: string; model: ModelInfo | null },
  special: SpecialMode,
  pricing: Pricing | null = null,
): string {
  const costs = pricing ? fileCosts(files.map((f) => f.tokens), pricing.reserve, pricing.price) : null
  const report = {
    encoding: tokenizer.id,
    model: tokenizer.model?.name ?? null,
    special,
    limit: budget.limit,
    reserve: budget.reserve,
    budget: budget.budget,
    ...(pricing && { price: priceJson(pricing.price, pricing.reserve) }),
    fits: files.every((f) => f.fits),
    files: files.map((f, i) => ({ path: f.path, tokens: f.tokens, fits: f.fits, over: f.over, remaining: f.remaining, cut: f.cut && { line: f.cut.line, column: f.cut.column, offset: f.cut.offset }, ...(costs && { cost: costJson(costs[i]) }) })),
    skipped: skipped.map((s) => ({ path: s.path, reason: s.reason, message: s.message })),
    ...(costs && { cost: costJson(sumCosts(costs)) }),
  }
  return JSON.stringify(report, null, 2) + '\n'
}

/** `check` on the files found: exit 0 when every file fits the budget, 1 when one does not, 3 when no file could be read. */
export async function runCheck(
  options: { maxBytes: number; json: boolean; special: SpecialMode; limit: number | null; reserve: number } & Partial<PriceOptions>,
  found: { files: FoundFile[]; skipped: SkippedInput[] },
  tokenizer: { id: string; model: ModelInfo | null; load: () => Promise<Tokenizer> },
  counter: TokenCounter,
  io: CliIO,
  ahead = 1,
): Promise<number> {
  const budget = budgetOf(options.limit, options.reserve, tokenizer.model, 'check')
  const price = resolvePrice({ price: options.price ?? false, priceIn: options.priceIn ?? null, priceOut: options.priceOut ?? null }, tokenizer.model?.name ?? null, 'check')
  const pricing = price && { price, reserve: options.reserve }
  const checked: CheckedFile[] = []
  const result = await countFiles(found.files, options.maxBytes, counter, io, {
    verb: 'checking',
    ahead,
    onFile: async (count, text) => {
      // With workers, the tokenizer is loaded on this thread only when a file is over (to find the cut).
      const loaded = count.tokens > budget.budget ? await tokenizer.load() : null
      checked.push(checkText(count.path, text, count.tokens, budget.budget, loaded, options.special))
    },
  })
  const skipped = [...found.skipped, ...result.skipped]
  const over = checked.filter((f) => !f.fits).length
  if (options.json) io.out(checkReportJson(checked, skipped, budget, tokenizer, options.special, pricing))
  else {
    const costs = pricing && fileCosts(checked.map((f) => f.tokens), pricing.reserve, pricing.price)
    checked.forEach((f, i) => io.out(checkLine(f, budget) + (costs ? `; cost ${formatCost(costs[i].total)}` : '') + '\n'))
    const n = checked.length
    const within = `${formatCount(budget.budget)} tokens (${budget.source}${budget.reserve > 0 ? ` minus ${formatCount(budget.reserve)} reserved` : ''}, ${tokenizer.id})`
    if (n > 0) io.out(checkSummary(n, over, within) + '\n')
    if (pricing && costs) io.out(`${n > 1 ? `total cost ${formatCost(sumCosts(costs).total)}; ` : ''}${priceNote(pricing.price, tokenizer.model?.name ?? null, pricing.reserve)}\n`)
    io.err(inputWarnings(result.files, skipped))
  }
  const nothing = nothingReadMessage('checked', checked.length, skipped.length)
  if (nothing) io.err(nothing + '\n')
  return nothing ? EXIT_NO_INPUT : over > 0 ? EXIT_FAIL : EXIT_OK
}
