// End-to-end: `npm run pack:cli` makes a self-contained package; installed globally into a
// temporary prefix (offline: it has no dependencies to fetch), `tokenizer-explorer` runs from
// PATH, far from the repository and its node_modules, and counts as tiktoken and the Rust
// oracle do.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCorpus } from '@shared/testing/corpus'
import { oracleOrdinary } from '@shared/testing/oracle'
import { oracleForTokenizer } from '@shared/testing/tokenizerOracle'

const ROOT = resolve(import.meta.dirname, '../..')
let dir: string
let prefix: string
let tgz: string

/** Runs the installed command from PATH in the work folder, with no access to the repository's node_modules. */
function installed(args: string[]) {
  const bin = process.platform === 'win32' ? prefix : join(prefix, 'bin')
  const r = spawnSync('tokenizer-explorer', args, { cwd: dir, encoding: 'utf8', env: { PATH: `${bin}${delimiter}${process.env.PATH}`, HOME: dir }, shell: process.platform === 'win32' })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'te-pack-'))
  prefix = join(dir, 'prefix')
  const out = execFileSync(process.execPath, [join(ROOT, 'scripts/pack-cli.mjs'), '--out', dir], { cwd: ROOT, encoding: 'utf8' })
  tgz = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!)
  expect(out).toContain(tgz)
  // --offline: nothing may be fetched; a package with dependencies would fail here.
  execFileSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tgz], { cwd: dir, stdio: 'pipe', shell: process.platform === 'win32' })
}, 180_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the packed command line', () => {
  it('declares no dependencies and carries its README, licences and the tokenizer files', () => {
    const root = join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'tokenizer-explorer-cli')
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>
    expect(pkg.bin).toEqual({ 'tokenizer-explorer': 'tokenizer-explorer.js' })
    expect(pkg.dependencies).toBeUndefined()
    const files = readdirSync(root)
    expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSES.md', 'TOKENIZERS.md', 'tokenizers', 'tokenizer-explorer.js']))
    expect(readFileSync(join(root, 'LICENSES.md'), 'utf8')).toMatch(/## gpt-tokenizer [\d.]+ \(MIT\)/)
    expect(readdirSync(join(root, 'tokenizers'))).toContain('llama3.tokenizer.json.gz')
  })

  it('runs from PATH: counts as tiktoken does (default encoding) and as the Rust oracle does (Llama 3)', async () => {
    const text = makeCorpus(20_000, 5)
    writeFileSync(join(dir, 'prompt.md'), text)
    const o200k = installed(['count', '--json', 'prompt.md'])
    expect(o200k.stderr).toBe('')
    expect(JSON.parse(o200k.stdout).total.tokens).toBe(oracleOrdinary('o200k_base', text).length)
    const llama = installed(['count', '--json', '--tokenizer', 'llama3', 'prompt.md'])
    expect(JSON.parse(llama.stdout).total.tokens).toBe((await oracleForTokenizer('llama3').encode(text, 'text')).length)
  })

  it('counts a big input on worker threads from the installed files', () => {
    writeFileSync(join(dir, 'big.txt'), makeCorpus(4_500_000, 9))
    const r = installed(['count', '--json', '--jobs', '2', 'big.txt'])
    expect(r.code).toBe(0)
    const one = installed(['count', '--json', '--jobs', '1', 'big.txt'])
    expect(JSON.parse(r.stdout).total.tokens).toBe(JSON.parse(one.stdout).total.tokens)
  })
})
