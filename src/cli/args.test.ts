import { describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES } from '@shared/contract/textDecoding'
import { parseByteSize, parseCommandLine } from './args'
import { CliError } from './errors'

/** The CliError a command line throws (fails when it parses). */
function failure(argv: string[]): CliError {
  try {
    parseCommandLine(argv)
  } catch (err) {
    expect(err).toBeInstanceOf(CliError)
    return err as CliError
  }
  throw new Error(`parsed: ${argv.join(' ')}`)
}

describe('parseCommandLine', () => {
  it('gives help for no arguments, --help, help COMMAND and COMMAND --help', () => {
    expect(parseCommandLine([])).toEqual({ command: 'help', topic: null })
    expect(parseCommandLine(['--help'])).toEqual({ command: 'help', topic: null })
    expect(parseCommandLine(['help', 'trim'])).toEqual({ command: 'help', topic: 'trim' })
    expect(parseCommandLine(['split', '-h'])).toEqual({ command: 'help', topic: 'split' })
    expect(parseCommandLine(['--version'])).toEqual({ command: 'version' })
  })

  it('parses count with defaults: standard input, the app defaults, 50 MB, .gitignore on', () => {
    expect(parseCommandLine(['count'])).toEqual({
      command: 'count',
      json: false,
      encoding: null,
      model: null,
      tokenizer: null,
      special: 'text',
      paths: ['-'],
      maxBytes: MAX_FILE_BYTES,
      gitignore: true,
      jobs: null,
      reserve: 0,
      price: false,
      priceIn: null,
      priceOut: null,
    })
  })

  it('parses --price, --price-in and --price-out (either implies --price) and count --reserve', () => {
    expect(parseCommandLine(['count', '--price', '-m', 'gpt-4o'])).toMatchObject({ price: true, priceIn: null, priceOut: null, reserve: 0 })
    expect(parseCommandLine(['count', '--price-in', '2.5', '--price-out=$10', '--reserve', '1k'])).toMatchObject({ price: true, priceIn: 2.5, priceOut: 10, reserve: 1000 })
    expect(parseCommandLine(['check', '-l', '8k', '--reserve', '500', '--price-out', '0'])).toMatchObject({ price: true, priceIn: null, priceOut: 0, reserve: 500 })
  })

  it('refuses bad prices with exit code 2 and a clear message', () => {
    for (const [argv, message] of [
      [['count', '--price-in', '-1'], /--price-in needs a value/],
      [['count', '--price-in=-1'], /--price-in: A price cannot be negative/],
      [['count', '--price-in', 'NaN'], /--price-in: "NaN" is not a price/],
      [['check', '-l', '9', '--price-out', '1e9'], /--price-out: "1e9" is not a price/],
      [['count', '--price-out', '1000000'], /--price-out: 1000000 dollars per million tokens is more than the 10,000 accepted/],
      [['count', '--price-in', ''], /--price-in: Enter a price/],
      [['count', '--reserve', '100'], /--reserve on count sets the reply tokens to price: use it with --price/],
    ] as const) {
      const err = failure([...argv])
      expect(err.exitCode).toBe(2)
      expect(err.message).toMatch(message)
    }
    // --price takes no value: "yes" is a path.
    expect(parseCommandLine(['count', '--price', 'yes'])).toMatchObject({ price: true, paths: ['yes'] })
    expect(failure(['count', '--price=yes']).message).toMatch(/--price takes no value/)
  })

  it('parses count options in any order, short and long, = or a separate value', () => {
    const inv = parseCommandLine(['count', 'a.txt', '-e', 'cl100k_base', 'docs', '--json', '--special=special', '--max-size', '2M', '--no-ignore', '-'])
    expect(inv).toMatchObject({ command: 'count', json: true, encoding: 'cl100k_base', special: 'special', paths: ['a.txt', 'docs', '-'], maxBytes: 2 * 1024 * 1024, gitignore: false })
  })

  it('takes --jobs as a thread count', () => {
    expect(parseCommandLine(['count', '-j', '4'])).toMatchObject({ jobs: 4 })
    expect(parseCommandLine(['check', '-l', '9', '--jobs=1'])).toMatchObject({ jobs: 1 })
    expect(failure(['count', '--jobs', '0']).message).toBe('--jobs takes a number of threads (1 for none), not "0".')
    expect(failure(['count', '--jobs', 'all']).message).toMatch(/--jobs takes/)
  })

  it('takes a path that starts with - after --', () => {
    expect(parseCommandLine(['count', '--', '--odd-name'])).toMatchObject({ paths: ['--odd-name'] })
  })

  it('rejects unknown commands and options, with the command named', () => {
    expect(failure(['cont']).message).toMatch(/Unknown command "cont"\. Commands: count, check/)
    expect(failure(['--json']).message).toMatch(/Put the command first/)
    const e = failure(['count', '--jsn'])
    expect(e.message).toBe('Unknown option --jsn for count.')
    expect(e.exitCode).toBe(2)
    expect(e.command).toBe('count')
    expect(failure(['encode', '--limit', '5']).message).toBe('Unknown option --limit for encode.')
    expect(failure(['count', '-x']).message).toBe('Unknown option -x for count.')
  })

  it('rejects missing and unwanted option values', () => {
    expect(failure(['check', '--limit']).message).toBe('--limit needs a value.')
    expect(failure(['count', '--json=yes']).message).toBe('--json takes no value.')
  })

  it('rejects unknown encodings and special modes, listing the valid ones', () => {
    expect(failure(['count', '--encoding', 'gpt2']).message).toMatch(/Unknown encoding "gpt2"\. Tokenizers: r50k_base, .*o200k_harmony, llama3, .*claude-legacy/)
    expect(failure(['count', '--special', 'all']).message).toBe('--special takes "text" or "special", not "all".')
  })

  it('takes every catalog id with --encoding or --tokenizer, and a tokenizer.json path with --tokenizer', () => {
    for (const id of ['llama3', 'qwen3', 'deepseek-v3', 'gemma3', 'mistral-nemo', 'claude-legacy', 'cl100k_base']) {
      expect(parseCommandLine(['count', '--tokenizer', id])).toMatchObject({ tokenizer: id, encoding: null })
      expect(parseCommandLine(['encode', '-e', id, '-t', 'x'])).toMatchObject({ encoding: id, tokenizer: null })
    }
    expect(parseCommandLine(['split', '--tokenizer', 'dir/tokenizer.json', '--size', '10'])).toMatchObject({ tokenizer: 'dir/tokenizer.json' })
    expect(parseCommandLine(['models', '--tokenizer', 'gemma3'])).toEqual({ command: 'models', json: false, encoding: 'gemma3' })
    expect(failure(['count', '--tokenizer', 'llama4']).message).toMatch(/^Unknown tokenizer "llama4"\. Tokenizers: .*; or give a path to a tokenizer\.json/)
    expect(failure(['count', '--encoding', 'x/tokenizer.json']).message).toMatch(/a tokenizer\.json goes to --tokenizer/)
    expect(failure(['models', '--tokenizer', 'a/tokenizer.json']).message).toMatch(/is not a tokenizer id/)
    expect(failure(['count', '--tokenizer', ' ']).message).toBe('--tokenizer needs a tokenizer id or a path to a tokenizer.json.')
  })

  it('parses limits as the app does (8k, 8,192) and rejects others', () => {
    expect(parseCommandLine(['check', '--limit', '8k', 'a'])).toMatchObject({ limit: 8000, reserve: 0 })
    expect(parseCommandLine(['check', '--limit=8,192', '--reserve', '1k'])).toMatchObject({ limit: 8192, reserve: 1000 })
    expect(parseCommandLine(['check', '--model', 'gpt-4o'])).toMatchObject({ limit: null, model: 'gpt-4o' })
    expect(failure(['check', '--limit', '0']).message).toMatch(/--limit takes a whole number of tokens of at least 1/)
    expect(failure(['check', '--limit', 'lots']).message).toMatch(/not "lots"/)
    expect(failure(['check']).message).toBe('check needs --limit N, or --model NAME for that model\'s context window.')
    expect(failure(['trim', '--limit', '5', '--reserve', '-1']).message).toMatch(/--reserve/)
  })

  it('parses trim: keep defaults to first, the marker goes with both and \\n is a line break', () => {
    expect(parseCommandLine(['trim', '--limit', '10', 'f.txt'])).toMatchObject({ path: 'f.txt', keep: 'first', limit: 10, marker: '\n[…]\n' })
    expect(parseCommandLine(['trim', '-l', '10', '--keep', 'both', '--marker', '\\n--\\n'])).toMatchObject({ path: '-', keep: 'both', marker: '\n--\n' })
    expect(failure(['trim', '-l', '10', '--keep', 'middle']).message).toBe('--keep takes first, last or both, not "middle".')
    expect(failure(['trim', '-l', '10', '--marker', 'x']).message).toMatch(/--marker goes with --keep both/)
    expect(failure(['trim', '-l', '10', 'a', 'b']).message).toBe('trim reads one file (or - for standard input), not 2.')
  })

  it('parses split: size needed, overlap smaller than size, --out or --jsonl', () => {
    expect(parseCommandLine(['split', '--size', '100', '--overlap', '10', '--out', 'chunks', 'f'])).toMatchObject({ size: 100, overlap: 10, out: 'chunks', path: 'f' })
    expect(parseCommandLine(['split', '-s', '1k', '--jsonl'])).toMatchObject({ size: 1000, overlap: 0, out: null, path: '-' })
    expect(failure(['split']).message).toBe('split needs --size N (tokens per chunk).')
    expect(failure(['split', '-s', '10', '--overlap', '10']).message).toBe('--overlap (10) must be smaller than --size (10).')
    expect(failure(['split', '-s', '10', '--out', 'd', '--jsonl']).message).toMatch(/either --out DIR .* or --jsonl/)
  })

  it('parses encode and decode inputs', () => {
    expect(parseCommandLine(['encode', '--text', 'hi'])).toMatchObject({ command: 'encode', text: 'hi', path: '-' })
    expect(parseCommandLine(['encode', 'f.txt', '--json'])).toMatchObject({ text: null, path: 'f.txt', json: true })
    expect(failure(['encode', '--text', 'hi', 'f.txt']).message).toBe('Give either --text or a file, not both.')
    expect(parseCommandLine(['decode', '9906', '1917'])).toMatchObject({ command: 'decode', ids: '9906 1917' })
    expect(parseCommandLine(['decode'])).toMatchObject({ ids: null })
    expect(parseCommandLine(['decode', '-'])).toMatchObject({ ids: null })
  })
})

describe('parseByteSize', () => {
  it('reads bytes and powers of 1024', () => {
    expect(parseByteSize('1000')).toBe(1000)
    expect(parseByteSize('512k')).toBe(512 * 1024)
    expect(parseByteSize('50M')).toBe(50 * 1024 * 1024)
    expect(parseByteSize('1.5GB')).toBe(1.5 * 1024 ** 3)
    expect(parseByteSize('2 MiB')).toBe(2 * 1024 ** 2)
  })
  it('rejects nonsense and zero', () => {
    for (const s of ['', 'x', '0', '-5', '5 T', '1e9']) expect(parseByteSize(s)).toBeNull()
  })
})
