import { parseArgs, type ParseArgsConfig } from 'node:util'
import { catalogEntry } from '@shared/tokenizer/catalog'
import { parseLimit } from '@shared/models/limits'
import { isSpecialMode, type SpecialMode } from '@shared/tokenizer/specialTokens'
import { MAX_FILE_BYTES } from '@shared/contract/textDecoding'
import { TOKENIZER_IDS, tokenizerSource } from './engine'
import { usageError } from './errors'
import { parseTrainArgs, TRAIN_OPTIONS, type TrainInvocation } from './train'
import { priceOptions, type PriceOptions } from './price'

/** The subcommands, in the order help lists them. */
export const COMMANDS = ['count', 'check', 'encode', 'decode', 'trim', 'split', 'train', 'models', 'embed', 'chat'] as const

/** Name of one subcommand. */
export type CommandName = (typeof COMMANDS)[number]

/** Options every subcommand that tokenizes takes. */
export interface TokenizerOptions {
  /** --encoding: a catalog id (OpenAI encoding or bundled tokenizer), or null for the model's (or the app's default). */
  encoding: string | null
  /** --tokenizer: a catalog id or a path to a tokenizer.json (or its folder), or null. */
  tokenizer: string | null
  /** --model: sets the encoding and (check, trim) the limit, as picking a model does in the app. */
  model: string | null
  /** --special: special-token strings as plain text (default) or one special token each. */
  special: SpecialMode
}

/** Options of the subcommands that read files and folders. */
export interface InputOptions {
  /** Paths as given; `-` (or none) is standard input. */
  paths: string[]
  /** Files larger than this are skipped (bytes). */
  maxBytes: number
  /** False with --no-ignore: .gitignore files are not read. */
  gitignore: boolean
  /** --jobs: worker threads (1 = none), or null to decide by the input's size. */
  jobs: number | null
}

/** A parsed command line, ready to run. */
export type Invocation =
  | { command: 'help'; topic: CommandName | null }
  | { command: 'version' }
  | ({ command: 'count'; json: boolean; reserve: number } & TokenizerOptions & InputOptions & PriceOptions)
  | ({ command: 'check'; json: boolean; limit: number | null; reserve: number } & TokenizerOptions & InputOptions & PriceOptions)
  | ({ command: 'encode'; json: boolean; path: string; text: string | null } & TokenizerOptions)
  | ({ command: 'decode'; json: boolean; ids: string | null; path: string } & TokenizerOptions)
  | ({ command: 'trim'; path: string; limit: number | null; reserve: number; keep: 'first' | 'last' | 'both'; marker: string } & TokenizerOptions)
  | ({ command: 'split'; path: string; size: number; overlap: number; out: string | null } & TokenizerOptions)
  | { command: 'models'; json: boolean; encoding: string | null }
  | TrainInvocation
  | { command: 'embed'; json: boolean; compare: boolean; path: string }
  | { command: 'chat'; json: boolean; path: string; model: string | null; limit: number | null; reserve: number }

type Options = NonNullable<ParseArgsConfig['options']>

const TOKENIZER: Options = {
  encoding: { type: 'string', short: 'e' },
  tokenizer: { type: 'string' },
  model: { type: 'string', short: 'm' },
  special: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
}
const INPUT: Options = {
  'max-size': { type: 'string' },
  'no-ignore': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
}
const JSON_FLAG: Options = { json: { type: 'boolean' } }
const LIMIT: Options = { limit: { type: 'string', short: 'l' }, reserve: { type: 'string' } }
const PRICE: Options = { price: { type: 'boolean' }, 'price-in': { type: 'string' }, 'price-out': { type: 'string' } }

const OPTIONS: Record<CommandName, Options> = {
  count: { ...TOKENIZER, ...INPUT, ...JSON_FLAG, ...PRICE, reserve: { type: 'string' } },
  check: { ...TOKENIZER, ...INPUT, ...JSON_FLAG, ...LIMIT, ...PRICE },
  encode: { ...TOKENIZER, ...JSON_FLAG, text: { type: 'string', short: 't' } },
  decode: { ...TOKENIZER, ...JSON_FLAG },
  trim: { ...TOKENIZER, ...LIMIT, keep: { type: 'string' }, marker: { type: 'string' } },
  split: { ...TOKENIZER, size: { type: 'string', short: 's' }, overlap: { type: 'string' }, out: { type: 'string', short: 'o' }, jsonl: { type: 'boolean' } },
  train: TRAIN_OPTIONS,
  models: { encoding: { type: 'string', short: 'e' }, tokenizer: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...JSON_FLAG },
  embed: { compare: { type: 'boolean', short: 'c' }, help: { type: 'boolean', short: 'h' }, ...JSON_FLAG },
  chat: { model: { type: 'string', short: 'm' }, help: { type: 'boolean', short: 'h' }, ...JSON_FLAG, ...LIMIT },
}

/** The long option names a subcommand accepts (for the documentation check). */
export function optionNames(command: CommandName): string[] {
  return Object.keys(OPTIONS[command])
}

/** True when `value` names a subcommand. */
export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value)
}

/** Parses a size such as 50M, 512k, 2GB or 1000 (bytes; k, M, G are powers of 1024). Null when malformed. */
export function parseByteSize(input: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/i.exec(input.trim())
  if (!m) return null
  const scale = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g']
  const value = Math.round(Number(m[1]) * scale)
  return value >= 1 && Number.isSafeInteger(value) ? value : null
}

/** A whole number of tokens of at least `min` (limits' syntax: 8k, 8,192), or a usage error. */
function tokenNumber(value: string, option: string, command: CommandName, min: 0 | 1): number {
  const n = value.trim() === '0' ? 0 : parseLimit(value)
  if (n === null || n < min) {
    throw usageError(`--${option} takes a whole number of tokens${min === 1 ? ' of at least 1' : ''} (such as 4096, 8,192 or 8k), not "${value}".`, command)
  }
  return n
}

/** Turns util.parseArgs' errors into one plain sentence. */
function parseError(err: unknown, command: CommandName): Error {
  const code = (err as { code?: string }).code
  const message = err instanceof Error ? err.message : String(err)
  // Node names an option "'--limit'", "'-x'" or "'-l, --limit <value>'": take the long name.
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? ''
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? /-\w/.exec(quoted)?.[0]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usageError(`Unknown option ${option ?? message} for ${command}.`, command)
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return usageError(`${option} takes no value.`, command)
    if (/ambiguous/.test(message)) return usageError(`${option} needs a value; to pass one that starts with "-", write ${option}=VALUE.`, command)
    return usageError(`${option} needs a value.`, command)
  }
  return usageError(message, command)
}

function tokenizerOptions(values: Record<string, string | boolean | undefined>, command: CommandName): TokenizerOptions {
  const encoding = values.encoding as string | undefined
  if (encoding !== undefined && !catalogEntry(encoding)) {
    throw usageError(`Unknown encoding "${encoding}". Tokenizers: ${TOKENIZER_IDS.join(', ')} (a tokenizer.json goes to --tokenizer).`, command)
  }
  const tokenizer = values.tokenizer as string | undefined
  if (tokenizer !== undefined) {
    if (tokenizer.trim() === '') throw usageError('--tokenizer needs a tokenizer id or a path to a tokenizer.json.', command)
    // An unknown id is reported now; a path is read (and checked) when the command runs.
    tokenizerSource(tokenizer, command)
  }
  const special = (values.special as string | undefined) ?? 'text'
  if (!isSpecialMode(special)) throw usageError(`--special takes "text" or "special", not "${special}".`, command)
  const model = values.model as string | undefined
  if (model !== undefined && model.trim() === '') throw usageError('--model needs a model name.', command)
  return { encoding: encoding ?? null, tokenizer: tokenizer ?? null, model: model ?? null, special }
}

/** The one input of encode, decode, trim and split: a file or `-` for standard input. */
function singlePath(positionals: string[], command: CommandName): string {
  if (positionals.length > 1) throw usageError(`${command} reads one file (or - for standard input), not ${positionals.length}.`, command)
  return positionals[0] ?? '-'
}

/**
 * Parses the arguments after the program name into an Invocation. Throws a CliError
 * (exit code 2) with a plain message for an unknown command or option and for a bad value.
 */
export function parseCommandLine(argv: readonly string[]): Invocation {
  const [first, ...rest] = argv
  if (first === undefined || first === '--help' || first === '-h') return { command: 'help', topic: null }
  if (first === '--version' || first === '-V') return { command: 'version' }
  if (first === 'help') {
    if (rest[0] !== undefined && !isCommandName(rest[0])) throw usageError(`Unknown command "${rest[0]}". Commands: ${COMMANDS.join(', ')}.`)
    return { command: 'help', topic: (rest[0] as CommandName | undefined) ?? null }
  }
  if (!isCommandName(first)) {
    const hint = first.startsWith('-') ? `Put the command first (${COMMANDS.join(', ')}), then its options.` : `Commands: ${COMMANDS.join(', ')}.`
    throw usageError(`Unknown command "${first}". ${hint}`)
  }
  const command = first
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] }
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS[command], strict: true, allowPositionals: true }) as typeof parsed
  } catch (err) {
    throw parseError(err, command)
  }
  const { values, positionals } = parsed
  if (values.help) return { command: 'help', topic: command }
  const json = values.json === true
  if (command === 'train') return parseTrainArgs(values, positionals)

  if (command === 'models') {
    if (positionals.length > 0) throw usageError(`models takes no arguments (got "${positionals[0]}").`, command)
    const { encoding, tokenizer } = tokenizerOptions(values, command)
    if (encoding !== null && tokenizer !== null && encoding !== tokenizer) throw usageError('Give --encoding or --tokenizer, not both.', command)
    const id = tokenizer ?? encoding
    if (id !== null && !catalogEntry(id)) throw usageError(`models lists the catalog's models: "${id}" is not a tokenizer id (${TOKENIZER_IDS.join(', ')}).`, command)
    return { command, json, encoding: id }
  }
  if (command === 'embed') return { command, json, compare: values.compare === true, path: singlePath(positionals, command) }
  if (command === 'chat') {
    if (positionals.length !== 1 || positionals[0] === '-') throw usageError('chat reads one request body file (FILE.json).', command)
    const model = (values.model as string | undefined) ?? null
    if (model !== null && model.trim() === '') throw usageError('--model needs a model name.', command)
    const limit = values.limit === undefined ? null : tokenNumber(values.limit as string, 'limit', command, 1)
    const reserve = values.reserve === undefined ? 0 : tokenNumber(values.reserve as string, 'reserve', command, 0)
    return { command, json, path: positionals[0], model, limit, reserve }
  }
  const tokenizer = tokenizerOptions(values, command)

  if (command === 'count' || command === 'check') {
    const maxSize = values['max-size'] as string | undefined
    const maxBytes = maxSize === undefined ? MAX_FILE_BYTES : parseByteSize(maxSize)
    if (maxBytes === null) throw usageError(`--max-size takes a size such as 50M, 512k or 1000000 (bytes), not "${maxSize}".`, command)
    const jobsText = values.jobs as string | undefined
    const jobs = jobsText === undefined ? null : /^\d{1,3}$/.test(jobsText) && Number(jobsText) >= 1 ? Number(jobsText) : null
    if (jobsText !== undefined && jobs === null) throw usageError(`--jobs takes a number of threads (1 for none), not "${jobsText}".`, command)
    const input: InputOptions = { paths: positionals.length > 0 ? positionals : ['-'], maxBytes, gitignore: values['no-ignore'] !== true, jobs }
    const price = priceOptions(values, command)
    if (command === 'count') {
      const reserve = values.reserve === undefined ? 0 : tokenNumber(values.reserve as string, 'reserve', command, 0)
      if (reserve > 0 && !price.price) throw usageError('--reserve on count sets the reply tokens to price: use it with --price (or --price-in and --price-out).', command)
      return { command, json, ...tokenizer, ...input, reserve, ...price }
    }
    return { command, json, ...tokenizer, ...input, ...limitOptions(values, tokenizer, command), ...price }
  }
  if (command === 'encode') {
    const text = (values.text as string | undefined) ?? null
    if (text !== null && positionals.length > 0) throw usageError('Give either --text or a file, not both.', command)
    return { command, json, ...tokenizer, path: singlePath(positionals, command), text }
  }
  if (command === 'decode') {
    // Ids on the command line (`decode 9906 1917`), or read from standard input.
    const fromArgs = positionals.length > 0 && !(positionals.length === 1 && positionals[0] === '-')
    return { command, json, ...tokenizer, ids: fromArgs ? positionals.join(' ') : null, path: '-' }
  }
  if (command === 'trim') {
    const keep = (values.keep as string | undefined) ?? 'first'
    if (keep !== 'first' && keep !== 'last' && keep !== 'both') throw usageError(`--keep takes first, last or both, not "${keep}".`, command)
    const marker = values.marker as string | undefined
    if (marker !== undefined && keep !== 'both') throw usageError('--marker goes with --keep both (it is put between the kept head and tail).', command)
    return {
      command,
      ...tokenizer,
      path: singlePath(positionals, command),
      ...limitOptions(values, tokenizer, command),
      keep,
      // As in the app's Fit panel: the two characters \n stand for a line break.
      marker: (marker ?? '\\n[…]\\n').replace(/\\n/g, '\n'),
    }
  }
  // split
  if (values.size === undefined) throw usageError('split needs --size N (tokens per chunk).', command)
  const size = tokenNumber(values.size as string, 'size', command, 1)
  const overlap = values.overlap === undefined ? 0 : tokenNumber(values.overlap as string, 'overlap', command, 0)
  if (overlap >= size) throw usageError(`--overlap (${overlap}) must be smaller than --size (${size}).`, command)
  const out = (values.out as string | undefined) ?? null
  if (out !== null && values.jsonl) throw usageError('Give either --out DIR (one file per chunk) or --jsonl (JSON Lines on standard output), not both.', command)
  if (out === '') throw usageError('--out needs a folder.', command)
  return { command, ...tokenizer, path: singlePath(positionals, command), size, overlap, out }
}

/** --limit (or --model for its window, resolved later) and --reserve of check and trim. */
function limitOptions(values: Record<string, string | boolean | undefined>, tokenizer: TokenizerOptions, command: CommandName): { limit: number | null; reserve: number } {
  const limit = values.limit === undefined ? null : tokenNumber(values.limit as string, 'limit', command, 1)
  if (limit === null && tokenizer.model === null) throw usageError(`${command} needs --limit N, or --model NAME for that model's context window.`, command)
  const reserve = values.reserve === undefined ? 0 : tokenNumber(values.reserve as string, 'reserve', command, 0)
  return { limit, reserve }
}
