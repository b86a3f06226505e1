// Over 300 lines: one case per command and option (18), all sharing one build of the command.
// End-to-end: builds the command (npm run build:cli) and runs out/cli/tokenizer-explorer.js
// as a child process on real files in a temporary folder, comparing with tiktoken.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCorpus } from '@shared/testing/corpus'
import { oracleOrdinary } from '@shared/testing/oracle'
import { SAMPLES } from '@shared/testing/samples'
import { PRICE_TABLE_DATE, formatCost } from '@shared/models/prices'
import { hfAsset } from '@shared/tokenizer/catalog'
import { sourcePath } from '@shared/testing/bundledSources'
import { oracleForTokenizer } from '@shared/testing/tokenizerOracle'

const ROOT = resolve(import.meta.dirname, '../..')
const BIN = join(ROOT, 'out/cli/tokenizer-explorer.js')

let dir: string

function write(rel: string, content: string | Uint8Array): void {
  const path = join(dir, rel)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, content)
}

/** Runs the built command; returns its exit code and output. */
function cli(args: string[], options: { input?: string | Uint8Array; cwd?: string } = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? dir, input: options.input ?? '', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

/** No output of the command may look like a stack trace. */
function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/)
}

/** The command refuses `args`: exit code 2, nothing on standard output, `message` on standard error, no stack trace. */
function expectRefused(args: readonly string[], message: RegExp): void {
  const r = cli([...args])
  expect(r.code, args.join(' ')).toBe(2)
  expect(r.stdout).toBe('')
  expect(r.stderr).toMatch(message)
  expectNoStack(r.stderr)
}

const TEXTS: Record<string, string> = {
  'notes/prose.txt': SAMPLES[Object.keys(SAMPLES)[0]],
  'notes/mixed.md': makeCorpus(30_000, 11),
  'src/code.ts': 'export const x = (a: number) => a * 2\n// ünïcödé and emoji 👍🏽 <|endoftext|>\n',
  'crlf.txt': 'line one\r\nline two\r\nno newline at the end',
  'empty.txt': '',
}

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'pipe' })
  dir = mkdtempSync(join(tmpdir(), 'te-cli-e2e-'))
  for (const [rel, text] of Object.entries(TEXTS)) write(rel, text)
  write('.gitignore', 'ignored/\n*.log\n')
  write('ignored/secret.txt', 'should not be counted')
  write('debug.log', 'should not be counted either')
  write('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
  write('huge.txt', 'x'.repeat(3000))
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('tokenizer-explorer count', () => {
  it('counts every text file of a folder like tiktoken, honours .gitignore, skips binary and oversized files (--json)', () => {
    const r = cli(['count', '.', '--json', '--max-size', '2k'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(Object.keys(report)).toEqual(['encoding', 'model', 'special', 'files', 'skipped', 'total'])
    expect(report.encoding).toBe('o200k_base')
    const byPath = new Map<string, { tokens: number; characters: number; bytes: number }>(report.files.map((f: { path: string }) => [f.path.split('\\').join('/'), f]))
    // The 30 KB corpus is over 2k: skipped too. Everything else matches tiktoken.
    expect([...byPath.keys()].sort()).toEqual(['.gitignore', 'crlf.txt', 'empty.txt', 'notes/prose.txt', 'src/code.ts'])
    for (const [rel, text] of Object.entries(TEXTS)) {
      if (rel === 'notes/mixed.md') continue
      expect(byPath.get(rel)!.tokens, rel).toBe(oracleOrdinary('o200k_base', text).length)
      expect(byPath.get(rel)!.characters, rel).toBe([...text].length)
      expect(byPath.get(rel)!.bytes, rel).toBe(Buffer.byteLength(text))
    }
    expect(report.skipped.map((s: { path: string; reason: string }) => [s.path.split('\\').join('/'), s.reason])).toEqual([
      ['huge.txt', 'too-large'],
      ['image.png', 'binary'],
      ['notes/mixed.md', 'too-large'],
    ])
    const sum = report.files.reduce((a: number, f: { tokens: number }) => a + f.tokens, 0)
    expect(report.total.tokens).toBe(sum)
    expect(report.total.files).toBe(5)
  })

  it('counts with --encoding and --model, files and standard input', () => {
    const text = TEXTS['notes/mixed.md']
    const r = cli(['count', '--encoding', 'cl100k_base', '--json', 'notes/mixed.md', '-'], { input: 'hello world\n' })
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.files.map((f: { path: string; tokens: number }) => [f.path, f.tokens])).toEqual([
      [join('notes', 'mixed.md'), oracleOrdinary('cl100k_base', text).length],
      ['-', oracleOrdinary('cl100k_base', 'hello world\n').length],
    ])
    const m = JSON.parse(cli(['count', '--model', 'gpt-3.5-turbo', '--json', 'src/code.ts']).stdout)
    expect([m.encoding, m.model, m.files[0].tokens]).toEqual(['cl100k_base', 'gpt-3.5-turbo', oracleOrdinary('cl100k_base', TEXTS['src/code.ts']).length])
  })

  it('prints a table, skipped files on standard error with the reason', () => {
    const r = cli(['count', '.'])
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe('tokens  characters  words  bytes  lines  path')
    expect(r.stdout).toMatch(/total \(7 files\)\n$/)
    expect(r.stdout).not.toMatch(/secret|debug\.log|image\.png/)
    expect(r.stderr).toBe('skipped image.png (binary): A binary file (it contains NUL bytes), not text.\n')
  })

  it('reads ignored files with --no-ignore (never .git)', () => {
    write('.git/HEAD', 'ref: refs/heads/main\n')
    const paths = JSON.parse(cli(['count', '.', '--json', '--no-ignore']).stdout).files.map((f: { path: string }) => f.path.split('\\').join('/'))
    expect(paths).toContain('ignored/secret.txt')
    expect(paths).toContain('debug.log')
    expect(paths.some((p: string) => p.startsWith('.git/'))).toBe(false)
    rmSync(join(dir, '.git'), { recursive: true })
  })

  it('exits 2 with one clear line for an unknown option, encoding, model or path; never a stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['count', '--jsonn'], /^tokenizer-explorer: Unknown option --jsonn for count\.\nTry "tokenizer-explorer count --help"\.\n$/],
      [['count', '--encoding', 'gpt5'], /Unknown encoding "gpt5"/],
      [['count', '--model', 'gpt-4-tubro'], /Unknown model "gpt-4-tubro"\. Did you mean/],
      [['count', 'missing.txt'], /Cannot read missing\.txt: no such file or folder\./],
      [['frobnicate'], /Unknown command "frobnicate"/],
    ]
    for (const [args, message] of cases) {
      expectRefused(args, message)
    }
  })

  it('prints help for the command and for each subcommand', () => {
    const r = cli(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^tokenizer-explorer: count, check/)
    for (const command of ['count', 'check', 'encode', 'decode', 'trim', 'split', 'train', 'models']) {
      const h = cli([command, '--help'])
      expect(h.code).toBe(0)
      expect(h.stdout).toMatch(new RegExp(`^Usage: tokenizer-explorer ${command}`))
    }
  })
})

describe('tokenizer-explorer check', () => {
  it('exits 0 when every file fits, 1 when one is over (saying by how much and where), 2 on bad usage', () => {
    const tokens = oracleOrdinary('o200k_base', TEXTS['notes/mixed.md']).length
    const fits = cli(['check', '--limit', String(tokens), 'notes'])
    expect(fits.code).toBe(0)
    expect(fits.stdout).toMatch(/All 2 files fit within/)

    const over = cli(['check', '--limit', String(tokens - 10), 'notes'])
    expect(over.code).toBe(1)
    expect(over.stdout).toContain(`OVER  ${join('notes', 'mixed.md')}: ${tokens.toLocaleString('en-US')} tokens, 10 over the limit of`)
    expect(over.stdout).toMatch(/the limit cuts at line \d+, column \d+/)

    const reserve = cli(['check', '--limit', String(tokens), '--reserve', '10', 'notes', '--json'])
    expect(reserve.code).toBe(1)
    const report = JSON.parse(reserve.stdout)
    expect(Object.keys(report)).toEqual(['encoding', 'model', 'special', 'limit', 'reserve', 'budget', 'fits', 'files', 'skipped'])
    const mixed = report.files.find((f: { path: string }) => f.path.endsWith('mixed.md'))
    expect(Object.keys(mixed)).toEqual(['path', 'tokens', 'fits', 'over', 'remaining', 'cut'])
    expect(mixed).toMatchObject({ tokens, fits: false, over: 10, remaining: 0 })
    expect(Object.keys(mixed.cut)).toEqual(['line', 'column', 'offset'])

    for (const bad of [['check', 'notes'], ['check', '--limit', 'many', 'notes'], ['check', '--limit', '5', '--reserve', '5'], ['check', '--limit', '5', 'nope/']]) {
      const r = cli(bad)
      expect(r.code, bad.join(' ')).toBe(2)
      expectNoStack(r.stderr)
    }
  })

  it("uses a model's context window with --model", () => {
    const r = cli(['check', '--model', 'gpt-4', '--json', 'src/code.ts'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ encoding: 'cl100k_base', model: 'gpt-4', limit: 8192, budget: 8192, fits: true })
  })
})

describe('tokenizer-explorer encode and decode', () => {
  it('encodes a file or --text to tiktoken ids, and decodes them back (split emoji whole)', () => {
    const text = TEXTS['src/code.ts']
    const ids = cli(['encode', 'src/code.ts', '-e', 'r50k_base'])
    expect(ids.code).toBe(0)
    expect(ids.stdout).toBe(oracleOrdinary('r50k_base', text).join(' ') + '\n')
    const back = cli(['decode', '-e', 'r50k_base'], { input: ids.stdout })
    expect(back.code).toBe(0)
    expect(back.stdout).toBe(text)
    expect(cli(['encode', '--text', 'héllo 👍🏽']).stdout).toBe(oracleOrdinary('o200k_base', 'héllo 👍🏽').join(' ') + '\n')
  })

  it('prints JSON spans that tile the text', () => {
    const text = TEXTS['crlf.txt']
    const r = JSON.parse(cli(['encode', '--json', 'crlf.txt']).stdout)
    expect(r.count).toBe(r.tokens.length)
    expect(r.tokens.map((t: { text: string }) => t.text).join('')).toBe(text)
    expect(r.tokens[r.tokens.length - 1].utf8[1]).toBe(Buffer.byteLength(text))
  })

  it('decode: exit 1 naming bad items; a binary input is refused with a reason (exit 1)', () => {
    const r = cli(['decode', '1', 'two', '3'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/item 2 \("two"\): not a token id/)
    const b = cli(['encode', 'image.png'])
    expect(b.code).toBe(1)
    expect(b.stderr).toMatch(/Cannot use image\.png: A binary file/)
    expectNoStack(b.stderr)
  })
})

describe('tokenizer-explorer: nothing to work on (issue 26)', () => {
  it('check and count exit 3 with a clear message when every input was skipped', () => {
    const c = cli(['check', '--limit', '10', 'image.png'])
    expect(c.code).toBe(3)
    expect(c.stderr).toMatch(/skipped image\.png \(binary\)/)
    expect(c.stderr).toMatch(/Nothing was checked: the only input was skipped\.\n$/)
    expectNoStack(c.stderr)
    const n = cli(['count', 'image.png', 'huge.txt', '--max-size', '1k'])
    expect(n.code).toBe(3)
    expect(n.stderr).toMatch(/Nothing was counted: all 2 inputs were skipped\.\n$/)
    const j = cli(['check', '--limit', '10', '--json', 'image.png'])
    expect(j.code).toBe(3)
    expect(JSON.parse(j.stdout)).toMatchObject({ files: [], skipped: [{ path: 'image.png', reason: 'binary' }] })
    // One file read is enough: the others' skipping is only reported.
    expect(cli(['check', '--limit', '1000', 'image.png', 'src/code.ts']).code).toBe(0)
  })
  it('decode of empty input exits 3 and says "No token ids found." as the app does', () => {
    for (const input of ['', '  \n', '[]']) {
      const r = cli(['decode'], { input })
      expect(r.code, JSON.stringify(input)).toBe(3)
      expect(r.stdout).toBe('')
      expect(r.stderr).toBe('tokenizer-explorer: No token ids found.\n')
    }
  })
  it('the help lists the exit codes', () => {
    expect(cli(['check', '--help']).stdout).toMatch(/3 when nothing could\s+be checked/)
    expect(cli(['count', '--help']).stdout).toMatch(/Exit codes: 0 .*\n?.*3 /)
    expect(cli(['decode', '--help']).stdout).toMatch(/3 when the input holds no ids/)
    expect(cli(['--help']).stdout).toMatch(/Exit codes:/)
  })
})

describe('tokenizer-explorer trim and split', () => {
  it('trims to the limit (tiktoken agrees) and leaves fitting text unchanged', () => {
    const text = TEXTS['notes/mixed.md']
    for (const keep of ['first', 'last', 'both']) {
      const r = cli(['trim', '--limit', '100', '--keep', keep, 'notes/mixed.md'])
      expect(r.code).toBe(0)
      expect(oracleOrdinary('o200k_base', r.stdout).length).toBeLessThanOrEqual(100)
      expect(r.stderr).toMatch(/^trimmed: kept \d+ of [\d,]+ tokens/)
      if (keep === 'first') expect(text.startsWith(r.stdout)).toBe(true)
      if (keep === 'last') expect(text.endsWith(r.stdout)).toBe(true)
      if (keep === 'both') expect(r.stdout).toContain('\n[…]\n')
    }
    const same = cli(['trim', '--model', 'gpt-4o'], { input: 'short text' })
    expect([same.code, same.stdout]).toEqual([0, 'short text'])
  })

  it('splits into JSON Lines or numbered files, each chunk within the size (tiktoken)', () => {
    const text = TEXTS['notes/mixed.md']
    const r = cli(['split', '--size', '500', '--overlap', '50', 'notes/mixed.md'])
    expect(r.code).toBe(0)
    const chunks = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l))
    expect(chunks.length).toBeGreaterThan(3)
    for (const c of chunks) expect(oracleOrdinary('o200k_base', c.text).length).toBeLessThanOrEqual(500)
    expect(text.startsWith(chunks[0].text) && text.endsWith(chunks[chunks.length - 1].text)).toBe(true)

    const files = cli(['split', '-s', '500', '--overlap', '50', '--out', 'chunks', 'notes/mixed.md'])
    expect(files.code).toBe(0)
    expect(files.stderr).toMatch(new RegExp(`^wrote ${chunks.length} chunks to chunks`))
    const again = cli(['split', '-s', '500', '--out', 'chunks', 'notes/mixed.md'])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already exists/)
    rmSync(join(dir, 'chunks'), { recursive: true })
  })

  it('lists models with their encodings and windows', () => {
    const r = JSON.parse(cli(['models', '--json']).stdout)
    expect(r.find((m: { name: string }) => m.name === 'gpt-4')).toMatchObject({ name: 'gpt-4', encoding: 'cl100k_base', contextWindow: 8192, maxOutput: 8192 })
    expect(r.find((m: { name: string }) => m.name === 'llama-3.1-8b-instruct')).toMatchObject({ encoding: 'llama3.1', contextWindow: 131072, source: expect.stringMatching(/^https:/) })
    expect(r.find((m: { name: string }) => m.name === 'claude-sonnet-4-5')).toMatchObject({ encoding: 'claude-legacy', contextWindow: 200000, approximate: expect.stringMatching(/estimates/) })
    const gemma = cli(['models', '--tokenizer', 'gemma3'])
    expect(gemma.code).toBe(0)
    expect(gemma.stdout).toMatch(/^model\s+encoding\s+window\s+max output\s+source\n/)
    expect(gemma.stdout).toMatch(/\ngemma-3-27b-it\s+gemma3\s+131,072\s+8,192\s+\[1\]\n/)
    // The source the README promises, without --json too.
    expect(gemma.stdout).toMatch(/\nSources:\n\[1\] https:\/\/ai\.google\.dev\/gemma\/docs\/core\/model_card_3\n$/)
    expect(gemma.stdout).not.toContain('gpt-4')
  })
})

describe('tokenizer-explorer count on worker threads', () => {
  it('gives the same counts with --jobs 2 as on one thread and as tiktoken, a file bigger than a piece included', () => {
    const big = makeCorpus(700_000, 21)
    write('par/big.txt', big)
    for (let i = 0; i < 6; i++) write(`par/small-${i}.md`, makeCorpus(5_000 + i * 997, i))
    const parallel = cli(['count', 'par', '--json', '--jobs', '2'])
    const single = cli(['count', 'par', '--json', '--jobs', '1'])
    expect(parallel.code).toBe(0)
    expect(parallel.stderr).toBe('')
    expect(JSON.parse(parallel.stdout)).toEqual(JSON.parse(single.stdout))
    const files = JSON.parse(parallel.stdout).files as { path: string; tokens: number; characters: number; words: number; lines: number }[]
    expect(files[0].path).toBe(join('par', 'big.txt'))
    expect(files[0].tokens).toBe(oracleOrdinary('o200k_base', big).length)
    expect(files[0].characters).toBe([...big].length)
    const over = cli(['check', 'par', '--limit', '1000', '--jobs', '2', '--json'])
    expect(over.code).toBe(1)
    expect(JSON.parse(over.stdout)).toEqual(JSON.parse(cli(['check', 'par', '--limit', '1000', '--jobs', '1', '--json']).stdout))
    rmSync(join(dir, 'par'), { recursive: true })
  })
})

describe('tokenizer-explorer --price', () => {
  const code = TEXTS['src/code.ts']
  const crlf = TEXTS['crlf.txt']
  it('count --price: each file at the dated table price of the model, plus the reserved reply (tiktoken counts)', () => {
    const r = cli(['count', 'src/code.ts', 'crlf.txt', '-m', 'gpt-4o', '--price', '--reserve', '500', '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(Object.keys(report)).toEqual(['encoding', 'model', 'special', 'price', 'files', 'skipped', 'total'])
    expect(report.price).toMatchObject({ input: 2.5, output: 10, reserve: 500, origin: 'table', asOf: PRICE_TABLE_DATE })
    let total = 0
    for (const [i, text] of [code, crlf].entries()) {
      const expected = (oracleOrdinary('o200k_base', text).length * 2.5 + 500 * 10) / 1e6
      expect(report.files[i].cost.total).toBeCloseTo(expected, 10)
      total += expected
    }
    expect(report.total.cost.total).toBeCloseTo(total, 10)

    const table = cli(['count', 'src/code.ts', '-m', 'gpt-4o', '--price'])
    expect(table.code).toBe(0)
    expect(table.stdout.split('\n')[0]).toMatch(/^tokens\s+characters\s+words\s+bytes\s+lines\s+cost\s+path$/)
    expect(table.stdout).toContain(`prices as of ${PRICE_TABLE_DATE}, source pydantic/genai-prices (openai)`)
  })

  it('check --price-in/--price-out: the user’s prices, the reply at the output price, a cost per file', () => {
    const r = cli(['check', 'src/code.ts', '--limit', '100k', '--reserve', '1000', '--price-in', '1', '--price-out', '$4'])
    expect(r.code).toBe(0)
    const cost = (oracleOrdinary('o200k_base', code).length * 1 + 1000 * 4) / 1e6
    expect(r.stdout).toContain(`; cost ${formatCost(cost)}\n`)
    expect(r.stdout).toContain('your prices (--price-in/--price-out)')
    expect(r.stdout).not.toContain('prices as of')
  })

  it('exits 2 with a clear message for a bad or missing price; never a stack trace', () => {
    for (const [args, message] of [
      [['count', 'crlf.txt', '--price'], /--price needs a price: no --model was given/],
      [['count', 'crlf.txt', '--price-in=-5', '--price-out', '1'], /--price-in: A price cannot be negative/],
      [['count', 'crlf.txt', '--price-in', 'NaN', '--price-out', '1'], /--price-in: "NaN" is not a price/],
      [['check', 'crlf.txt', '-l', '9', '--price-out', '123456789'], /--price-out: 123456789 dollars per million tokens is more than the 10,000 accepted/],
      [['check', 'crlf.txt', '-m', 'davinci-codex', '--price'], new RegExp(`the price table \\(${PRICE_TABLE_DATE}\\) has no price for davinci-codex`)],
    ] as const) {
      expectRefused(args, message)
    }
  })
})

describe('tokenizer-explorer with the bundled tokenizers and tokenizer.json files', () => {
  const files = ['notes/prose.txt', 'notes/mixed.md', 'src/code.ts', 'crlf.txt']

  // Two worker threads for llama3 only: loading Gemma 3 three times at once on a shared 2-core machine takes a minute.
  it.each([
    ['llama3', ['1', '2']],
    ['gemma3', ['1']],
  ])('count --tokenizer %s equals the Rust tokenizers oracle per file (jobs %j)', async (id, jobs) => {
    const oracle = oracleForTokenizer(id)
    const expected = await Promise.all(files.map(async (f) => (await oracle.encode(TEXTS[f], 'text')).length))
    oracle.free()
    for (const n of jobs) {
      const r = cli(['count', ...files, '--tokenizer', id, '--json', '--jobs', n])
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      const report = JSON.parse(r.stdout)
      expect(report.encoding).toBe(id)
      expect(report.files.map((f: { tokens: number }) => f.tokens)).toEqual(expected)
    }
  }, 180_000)

  it('reads a tokenizer.json folder (config beside it): counts, encode and a check by a model window', async () => {
    const folder = join(dir, 'my-llama')
    mkdirSync(folder, { recursive: true })
    copyFileSync(sourcePath(hfAsset('llama3', 'tokenizer')), join(folder, 'tokenizer.json'))
    copyFileSync(sourcePath(hfAsset('llama3', 'tokenizer_config')), join(folder, 'tokenizer_config.json'))
    const oracle = oracleForTokenizer('llama3')
    const ids = await oracle.encode(TEXTS['src/code.ts'], 'text')
    const crlfIds = await oracle.encode(TEXTS['crlf.txt'], 'text')
    oracle.free()
    // --jobs 2: each worker thread loads the same file.
    const count = cli(['count', 'src/code.ts', 'crlf.txt', '--tokenizer', 'my-llama', '--json', '--jobs', '2'])
    expect(count.stderr).toBe('')
    expect(JSON.parse(count.stdout)).toMatchObject({ encoding: 'my-llama', files: [{ tokens: ids.length }, { tokens: crlfIds.length }] })
    expect(cli(['encode', 'src/code.ts', '--tokenizer', join(folder, 'tokenizer.json')]).stdout).toBe(ids.join(' ') + '\n')
    const decoded = cli(['decode', '--tokenizer', './my-llama', ...ids.map(String)])
    expect(decoded.stdout).toBe(TEXTS['src/code.ts'])
    const check = cli(['check', 'src/code.ts', '--tokenizer', 'my-llama', '--model', 'llama-3-8b-instruct'])
    expect(check.code).toBe(0)
    expect(check.stdout).toContain(`${ids.length} tokens`)
    expect(check.stdout).toContain("llama-3-8b-instruct's window")
  }, 180_000)

  it('exits 2 with one line for a malformed, missing or non-tokenizer file and an unknown id', () => {
    write('bad/tokenizer.json', '{"model": {"type": "BPE", "vocab": {')
    write('other.json', '{"name": "not a tokenizer"}')
    for (const [args, message] of [
      [['count', 'crlf.txt', '--tokenizer', 'bad'], /^tokenizer-explorer: bad[\\/]tokenizer\.json is not valid JSON \(malformed or cut short\): .+\n/],
      [['count', 'crlf.txt', '--tokenizer', 'nowhere/tokenizer.json'], /^tokenizer-explorer: Cannot read the tokenizer nowhere\/tokenizer\.json: no such file or folder\.\n/],
      [['encode', '-t', 'x', '--tokenizer', 'other.json'], /^tokenizer-explorer: Cannot use other\.json as a tokenizer: This is not a tokenizer\.json: it has no "model" section\.\n/],
      [['count', 'crlf.txt', '--tokenizer', 'llama9'], /^tokenizer-explorer: Unknown tokenizer "llama9"\. Tokenizers: .*llama3.*\n/],
      [['count', 'crlf.txt', '--tokenizer', 'qwen3', '--model', 'gemma-3-4b-it'], /gemma-3-4b-it uses gemma3, not qwen3/],
    ] as const) {
      expectRefused(args, message)
    }
  })

  it('prices a Claude model from the table, its counts marked as estimates (standard error, models)', () => {
    const r = cli(['count', 'src/code.ts', '--model', 'claude-sonnet-4-5', '--price', '--json'])
    expect(r.stderr).toMatch(/^note: counts are estimates\. Counted with Anthropic’s legacy tokenizer .*\n$/)
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report).toMatchObject({ encoding: 'claude-legacy', model: 'claude-sonnet-4-5', price: { input: 3, output: 15, origin: 'table' } })
    expect(report.files[0].cost.total).toBeCloseTo((report.files[0].tokens * 3) / 1e6, 10)
    expect(cli(['check', 'src/code.ts', '-l', '9k', '--tokenizer', 'claude-legacy']).stderr).toMatch(/^note: counts are estimates\. Anthropic’s tokenizer for Claude 2 and earlier/)
    expect(cli(['count', 'src/code.ts', '--tokenizer', 'llama3']).stderr).toBe('')
    expect(cli(['models']).stdout).toMatch(/\nclaude-sonnet-4-5\s+claude-legacy\s+200,000\s+64,000\s+\[\d+\]\s+~\n[\s\S]*\n~ Counted with Anthropic’s legacy tokenizer/)
  })
})

describe('tokenizer-explorer train', () => {
  it('trains on files, writes a tokenizer.json that Rust tokenizers and --tokenizer read with the same ids', async () => {
    const r = cli(['train', '--merges', '500', '--pattern', 'cl100k', 'notes', 'src/code.ts', '--out', 'trained.json'])
    expect(r.stderr).toMatch(/^learned 500 merges from [\d,]+ characters in \d+ files \([\d,]+ distinct pre-tokens, split cl100k\) in [\d.]+ s: [\d,]+ tokens, written to trained\.json\.\n$/)
    expect(r.code).toBe(0)
    const { Tokenizer } = await import('tokenizers')
    const rust = await Tokenizer.fromFile(join(dir, 'trained.json'))
    const text = TEXTS['notes/mixed.md'].slice(0, 5000) + ' ünïcödé 👍🏽'
    const expected = (await rust.encode(text, null, { addSpecialTokens: false })).getIds()
    const ours = cli(['encode', '--tokenizer', 'trained.json', '--text', text])
    expect(ours.code).toBe(0)
    expect(ours.stdout.trim().split(' ').map(Number)).toEqual(expected)
  }, 60_000)

  it('refuses a missing or bad --merges, an unknown --pattern and no inputs, in one line each', () => {
    for (const [args, message] of [
      [['train', 'crlf.txt'], /^tokenizer-explorer: train needs --merges N/],
      [['train', '--merges', '0', 'crlf.txt'], /--merges takes a whole number from 1 to 50,000, not "0"/],
      [['train', '--merges', 'ten', 'crlf.txt'], /--merges takes a whole number from 1 to 50,000, not "ten"/],
      [['train', '--merges', '10', '--pattern', 'gpt4', 'crlf.txt'], /--pattern takes gpt2, cl100k, o200k, none, not "gpt4"/],
      [['train', '--merges', '10'], /train needs the files \(or folders\) to train on/],
    ] as const) {
      expectRefused(args, message)
    }
    const empty = cli(['train', '--merges', '10', 'empty.txt'])
    expect(empty.code).toBe(1)
    expect(empty.stderr).toBe('tokenizer-explorer: No text to train on: the inputs are empty.\n')
  })
})
