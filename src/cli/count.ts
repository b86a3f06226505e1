import { countText, endsWithLineBreak, lineCount, type TextCounts } from '@shared/text/counts'
import { formatCount } from '@shared/text/format'
import { EXIT_NO_INPUT, EXIT_OK } from './errors'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import { countTokens } from './chunks'
import { readInput, type FoundFile, type SkippedInput } from './inputs'
import type { CliIO } from './io'
import { ProgressLine } from './progress'
import { costJson, fileCosts, priceJson, priceNote, resolvePrice, sumCosts, type PriceOptions } from './price'
import { formatCost, type PriceInUse } from '@shared/models/prices'

/** Measurements of one file (or of all of them, in `total`). */
export interface Measures {
  tokens: number
  /** Unicode code points. */
  characters: number
  /** Runs of letters, marks and digits (as the app counts them). */
  words: number
  /** UTF-8 bytes of the text (as sent to a model; a UTF-16 file counts its UTF-8 size). */
  bytes: number
  /** Lines as the app counts them (shared lineCount: wc's, plus a last line without a newline; "a\nb" and "a\nb\n" are 2). */
  lines: number
}

/** One counted file. */
export interface FileCount extends Measures {
  path: string
  /** Bytes that were not valid UTF-8 (each became U+FFFD, as in the app); 0 for clean text. */
  invalidBytes: number
}

/** What `count --json` prints. The keys and their order are part of the command's contract. */
export interface CountReport {
  /** The tokenizer's id (a catalog id, or the tokenizer.json path given). */
  encoding: string
  model: string | null
  special: SpecialMode
  files: FileCount[]
  skipped: SkippedInput[]
  total: Measures & { files: number }
}

/** Tokens and the app's text counts of one text. */
export interface TextMeasure {
  tokens: number
  counts: TextCounts
}

/** Measures texts; the parallel counter (worker threads) and the inline one share this shape. */
export interface TokenCounter {
  measure(text: string): Promise<TextMeasure>
  close(): Promise<void>
}

/** A TokenCounter on this thread. */
export function inlineCounter(tokenizer: Tokenizer, mode: SpecialMode): TokenCounter {
  return { measure: async (text) => ({ tokens: countTokens(text, tokenizer, mode), counts: countText(text) }), close: async () => {} }
}

/** Every measure of one text but the tokens, from the app's countText (done here, or in pieces by workers). */
export function textMeasures(text: string, c: TextCounts = countText(text)): Omit<Measures, 'tokens'> {
  return { characters: c.characters, words: c.words, bytes: c.bytes, lines: lineCount(c, endsWithLineBreak(text)) }
}

/** Sums file counts. */
export function totalOf(files: readonly FileCount[]): CountReport['total'] {
  const total = { files: files.length, tokens: 0, characters: 0, words: 0, bytes: 0, lines: 0 }
  for (const f of files) {
    total.tokens += f.tokens
    total.characters += f.characters
    total.words += f.words
    total.bytes += f.bytes
    total.lines += f.lines
  }
  return total
}

/** Most bytes of files read ahead and not yet counted (a bound on memory, whatever `ahead` is). */
export const AHEAD_BYTES = 64 * 1024 * 1024

/**
 * Reads and counts every file, in order, keeping up to `ahead` files (and at most
 * AHEAD_BYTES, but always one) in flight so a parallel counter stays busy, with a progress line on a terminal. Skipped files are
 * listed with their reason. `onFile` sees each file's text once it is counted (check uses it).
 */
export async function countFiles(
  files: readonly FoundFile[],
  maxBytes: number,
  counter: TokenCounter,
  io: CliIO,
  options: { verb?: string; ahead?: number; onFile?: (count: FileCount, text: string) => Promise<void> | void } = {},
): Promise<{ files: FileCount[]; skipped: SkippedInput[] }> {
  const progress = new ProgressLine(io, options.verb ?? 'counting')
  const ahead = Math.max(1, options.ahead ?? 1)
  const counted: FileCount[] = []
  const skipped: SkippedInput[] = []
  let bytesDone = 0
  let inFlightBytes = 0
  const start = async (file: FoundFile) => {
    const read = await readInput(file, maxBytes)
    if (!read.ok) return { file, read, measured: null }
    return { file, read, measured: counter.measure(read.text) }
  }
  const pending: ReturnType<typeof start>[] = []
  let next = 0
  try {
    for (let done = 0; done < files.length; done++) {
      while (next < files.length && pending.length < ahead && (pending.length === 0 || inFlightBytes + files[next].size <= AHEAD_BYTES)) {
        inFlightBytes += files[next].size
        pending.push(start(files[next++]))
      }
      const { file, read, measured } = await pending.shift()!
      inFlightBytes -= file.size
      if (!read.ok) skipped.push(read.skipped)
      else {
        const m = (await measured)!
        const count: FileCount = { path: file.path, tokens: m.tokens, ...textMeasures(read.text, m.counts), invalidBytes: read.invalidBytes }
        counted.push(count)
        bytesDone += count.bytes
        await options.onFile?.(count, read.text)
      }
      progress.update(done + 1, files.length, bytesDone)
    }
  } finally {
    progress.finish()
  }
  return { files: counted, skipped }
}

/**
 * The message for a run that read no file (`verb`: "counted", "checked"), or null when
 * files were read: such a run exits EXIT_NO_INPUT, so a script never takes it for success.
 */
export function nothingReadMessage(verb: string, read: number, skipped: number): string | null {
  if (read > 0) return null
  if (skipped === 0) return `Nothing was ${verb}: no files were found in the inputs given.`
  return `Nothing was ${verb}: ${skipped === 1 ? 'the only input was' : `all ${formatCount(skipped)} inputs were`} skipped.`
}

/** Builds the report `count` prints. */
export function countReport(files: FileCount[], skipped: SkippedInput[], encoding: string, model: string | null, special: SpecialMode): CountReport {
  return { encoding, model, special, files, skipped, total: totalOf(files) }
}

/** A price and the reply tokens priced with each file (count and check with --price). */
export interface Pricing {
  price: PriceInUse
  reserve: number
}

/**
 * The report as JSON: keys in a fixed order (the schema docs/cli.md documents), 2-space indented.
 * With pricing, `price` follows `special` and each file and the total end with `cost`.
 */
export function countReportJson(report: CountReport, pricing: Pricing | null = null): string {
  const measures = (m: Measures) => ({ tokens: m.tokens, characters: m.characters, words: m.words, bytes: m.bytes, lines: m.lines })
  const costs = pricing ? fileCosts(report.files.map((f) => f.tokens), pricing.reserve, pricing.price) : null
  return (
    JSON.stringify(
      {
        encoding: report.encoding,
        model: report.model,
        special: report.special,
        ...(pricing && { price: priceJson(pricing.price, pricing.reserve) }),
        files: report.files.map((f, i) => ({ path: f.path, ...measures(f), invalidBytes: f.invalidBytes, ...(costs && { cost: costJson(costs[i]) }) })),
        skipped: report.skipped.map((s) => ({ path: s.path, reason: s.reason, message: s.message })),
        total: { files: report.total.files, ...measures(report.total), ...(costs && { cost: costJson(sumCosts(costs)) }) },
      },
      null,
      2,
    ) + '\n'
  )
}

const COLUMNS = ['tokens', 'characters', 'words', 'bytes', 'lines'] as const

/**
 * A table like wc's: one row per file, right-aligned numbers, a total row when there are several
 * files. With pricing, a cost column (each file a prompt plus the reply) and a line dating the prices.
 */
export function countTable(report: CountReport, pricing: Pricing | null = null): string {
  const costs = pricing ? fileCosts(report.files.map((f) => f.tokens), pricing.reserve, pricing.price) : null
  const names = costs ? [...COLUMNS, 'cost'] : [...COLUMNS]
  const rows: string[][] = report.files.map((f, i) => [...COLUMNS.map((c) => String(f[c])), ...(costs ? [formatCost(costs[i].total)] : []), f.path])
  if (report.files.length !== 1) {
    rows.push([...COLUMNS.map((c) => String(report.total[c])), ...(costs ? [formatCost(sumCosts(costs).total)] : []), `total (${report.total.files} file${report.total.files === 1 ? '' : 's'})`])
  }
  const header = [...names, 'path']
  const widths = names.map((c, k) => Math.max(c.length, ...rows.map((r) => r[k].length)))
  const line = (cells: string[]) => cells.map((cell, k) => (k < names.length ? cell.padStart(widths[k]) : cell)).join('  ')
  const note = pricing ? priceNote(pricing.price, report.model, pricing.reserve) + '\n' : ''
  return [line(header), ...rows.map(line)].join('\n') + '\n' + note
}

/** Lines for standard error naming each skipped input and invalid UTF-8 that was replaced. */
export function inputWarnings(files: readonly FileCount[], skipped: readonly SkippedInput[]): string {
  let out = ''
  for (const s of skipped) out += `skipped ${s.path} (${s.reason}): ${s.message}\n`
  for (const f of files) if (f.invalidBytes > 0) out += `warning: ${f.path} is not valid UTF-8: ${f.invalidBytes} byte${f.invalidBytes === 1 ? ' was' : 's were'} replaced with U+FFFD.\n`
  return out
}

/** `count`: counts the files found and prints the table or JSON. Returns the exit code (3 when no file could be read). */
export async function runCount(
  options: { maxBytes: number; json: boolean; special: SpecialMode; reserve?: number } & Partial<PriceOptions>,
  found: { files: FoundFile[]; skipped: SkippedInput[] },
  tokenizer: { id: string; model: { name: string } | null },
  counter: TokenCounter,
  io: CliIO,
  ahead = 1,
): Promise<number> {
  const model = tokenizer.model?.name ?? null
  const price = resolvePrice({ price: options.price ?? false, priceIn: options.priceIn ?? null, priceOut: options.priceOut ?? null }, model, 'count')
  const pricing = price && { price, reserve: options.reserve ?? 0 }
  const result = await countFiles(found.files, options.maxBytes, counter, io, { ahead })
  const skipped = [...found.skipped, ...result.skipped]
  const report = countReport(result.files, skipped, tokenizer.id, model, options.special)
  if (options.json) io.out(countReportJson(report, pricing))
  else {
    io.out(countTable(report, pricing))
    io.err(inputWarnings(result.files, skipped))
  }
  const nothing = nothingReadMessage('counted', result.files.length, skipped.length)
  if (nothing) io.err(nothing + '\n')
  return nothing ? EXIT_NO_INPUT : EXIT_OK
}
