import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { oracleOrdinary } from '@shared/testing/oracle'
import { sourceReader } from '@shared/testing/bundledSources'
import { oracleForTokenizer } from '@shared/testing/tokenizerOracle'
import { memoryIO } from './io'
import { modelTable, runCli } from './run'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'te-run-'))
  writeFileSync(join(dir, 'a.txt'), 'One line of text.\nAnd another one.\n')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('runCli', () => {
  it('prints help and the version', async () => {
    const io = memoryIO()
    expect(await runCli(['help'], io)).toBe(0)
    expect(io.stdout).toMatch(/^tokenizer-explorer: count, check/)
    const v = memoryIO()
    expect(await runCli(['--version'], v)).toBe(0)
    expect(v.stdout).toBe('tokenizer-explorer dev\n')
  })

  it('turns a usage error into one line and a pointer to the help, exit 2', async () => {
    const io = memoryIO()
    expect(await runCli(['check', '--limit', 'x'], io)).toBe(2)
    expect(io.stdout).toBe('')
    expect(io.stderr).toBe('tokenizer-explorer: --limit takes a whole number of tokens of at least 1 (such as 4096, 8,192 or 8k), not "x".\nTry "tokenizer-explorer check --help".\n')
  })

  it('runs count and check on this thread without a worker script', async () => {
    const text = 'One line of text.\nAnd another one.\n'
    const tokens = oracleOrdinary('o200k_base', text).length
    const io = memoryIO()
    expect(await runCli(['count', '--json', join(dir, 'a.txt')], io)).toBe(0)
    expect(JSON.parse(io.stdout).total).toEqual({ files: 1, tokens, characters: text.length, words: 7, bytes: text.length, lines: 2 })
    const fits = memoryIO()
    expect(await runCli(['check', '--limit', String(tokens), join(dir, 'a.txt')], fits)).toBe(0)
    const over = memoryIO()
    expect(await runCli(['check', '--limit', String(tokens - 1), join(dir, 'a.txt')], over)).toBe(1)
    expect(over.stdout).toMatch(/OVER .*a\.txt: \d+ tokens, 1 over the limit of \d+; the limit cuts at line 2, column \d+/)
  })
})

describe('runCli with a bundled tokenizer', () => {
  it('counts with --tokenizer qwen3 through the given asset reader (the Rust oracle agrees), and says when the files are missing', async () => {
    const text = 'One line of text.\nAnd another one.\n'
    const oracle = oracleForTokenizer('qwen3')
    const tokens = (await oracle.encode(text, 'text')).length
    oracle.free()
    const io = memoryIO()
    expect(await runCli(['count', '--json', '--tokenizer', 'qwen3', join(dir, 'a.txt')], io, { readAsset: sourceReader })).toBe(0)
    expect(JSON.parse(io.stdout)).toMatchObject({ encoding: 'qwen3', total: { tokens } })
    const missing = memoryIO()
    expect(await runCli(['encode', '-t', 'x', '--tokenizer', 'mistral-nemo'], missing, { assetDir: dir })).toBe(2)
    expect(missing.stderr).toMatch(/^tokenizer-explorer: The bundled tokenizer file mistral-nemo\.tokenizer\.json\.gz is missing from .*: rebuild the command \(npm run build:cli\)\.?\n/)
  }, 60_000)

  it('lists every tokenizer id in the help', async () => {
    const io = memoryIO()
    await runCli(['count', '--help'], io)
    for (const id of ['o200k_base', 'llama3', 'llama3.1', 'qwen3', 'deepseek-v3', 'gemma3', 'mistral-nemo', 'claude-legacy']) expect(io.stdout).toContain(id)
    expect(io.stdout).toContain('--tokenizer ID|PATH')
  })
})

describe('modelTable', () => {
  it('marks models whose counts are estimates and explains the mark under the table', () => {
    expect(
      modelTable([
        { name: 'llama-3-8b', encoding: 'llama3', contextWindow: 8192, maxOutput: null, chat: false },
        { name: 'claude-x', encoding: 'claude-legacy', contextWindow: 200000, maxOutput: 64000, chat: false, approximate: 'Estimates only.' },
      ]),
    ).toBe(['model       encoding        window  max output', 'llama-3-8b  llama3           8,192           –', 'claude-x    claude-legacy  200,000      64,000  ~', '~ Estimates only.', ''].join('\n'))
  })

  it('prints where the numbers come from: a reference per row and the sources under the table (issue 26)', () => {
    const out = modelTable([
      { name: 'gpt-4', encoding: 'cl100k_base', contextWindow: 8192, maxOutput: 8192, chat: true, source: 'gpt-tokenizer specs' },
      { name: 'gpt-4o', encoding: 'o200k_base', contextWindow: 128000, maxOutput: 16384, chat: true, source: 'gpt-tokenizer specs' },
      { name: 'gemma-3-4b-it', encoding: 'gemma3', contextWindow: 131072, maxOutput: 8192, chat: false, source: 'https://ai.google.dev/gemma' },
    ])
    expect(out).toBe(
      [
        'model          encoding      window  max output  source',
        'gpt-4          cl100k_base    8,192       8,192  [1]',
        'gpt-4o         o200k_base   128,000      16,384  [1]',
        'gemma-3-4b-it  gemma3       131,072       8,192  [2]',
        'Sources:',
        '[1] gpt-tokenizer specs',
        '[2] https://ai.google.dev/gemma',
        '',
      ].join('\n'),
    )
  })

  it('aligns names and numbers', () => {
    expect(
      modelTable([
        { name: 'gpt-4', encoding: 'cl100k_base', contextWindow: 8192, maxOutput: 8192, chat: true },
        { name: 'davinci', encoding: 'r50k_base', contextWindow: 2048, maxOutput: null, chat: false },
      ]),
    ).toBe(['model    encoding     window  max output', 'gpt-4    cl100k_base   8,192       8,192', 'davinci  r50k_base     2,048           –', ''].join('\n'))
  })
})
