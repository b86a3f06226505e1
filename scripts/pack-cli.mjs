// Packs the command line as a self-contained npm package: `npm run pack:cli` builds the command
// (every dependency bundled in, the bundled tokenizer files beside it) in out/cli-pack/build,
// stages it in out/cli-pack/package with its own package.json, README and licences, and writes
// tokenizer-explorer-cli-<version>.tgz (into --out DIR, default the repository root).
// `npm install -g ./tokenizer-explorer-cli-<version>.tgz` then works offline: the package has
// no dependencies to fetch.
// Usage: node scripts/pack-cli.mjs [--out DIR] [--no-build]
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Runs a command in the repository; exits with its status when it fails. */
function run(cmd, args, cwd = root, env = process.env) {
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', shell: process.platform === 'win32' })
  if (r.status !== 0) {
    console.error(`pack:cli: ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}).`)
    process.exit(1)
  }
  return r.stdout
}

/** The licence text a package ships (LICENSE, LICENCE, COPYING, in any case or extension), or null. */
function licenceText(name) {
  const dir = join(root, 'node_modules', name)
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f))
  return file ? readFileSync(join(dir, file), 'utf8').trim() : null
}

/** The package.json of the packed command line. */
export function cliPackageJson(app) {
  return {
    name: 'tokenizer-explorer-cli',
    version: app.version,
    description: 'Count, check, trim, split, encode and decode text as language models see it, offline: the Tokenizer Explorer command line.',
    type: 'module',
    bin: { 'tokenizer-explorer': 'tokenizer-explorer.js' },
    engines: app.engines,
    license: 'SEE LICENSES.md',
    files: ['tokenizer-explorer.js', 'chunks/', 'tokenizers/', 'README.md', 'LICENSES.md', 'TOKENIZERS.md'],
  }
}

const args = process.argv.slice(2)
const outIndex = args.indexOf('--out')
const outDir = resolve(outIndex >= 0 ? args[outIndex + 1] : root)
const app = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

// Built apart from out/cli (CLI_OUT_DIR), so a test building out/cli at the same time never races this.
const built = join(root, 'out', 'cli-pack', 'build')
if (!args.includes('--no-build')) run('npx', ['vite', 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'warn'], root, { ...process.env, CLI_OUT_DIR: built })
if (!existsSync(join(built, 'tokenizer-explorer.js'))) {
  console.error('pack:cli: out/cli-pack/build/tokenizer-explorer.js is missing: run without --no-build.')
  process.exit(1)
}

const stage = join(root, 'out', 'cli-pack', 'package')
rmSync(stage, { recursive: true, force: true })
mkdirSync(stage, { recursive: true })
for (const name of readdirSync(built)) if (name !== 'bundled-packages.json') cpSync(join(built, name), join(stage, name), { recursive: true })
writeFileSync(join(stage, 'package.json'), JSON.stringify(cliPackageJson(app), null, 2) + '\n')

// README: the command line's reference (docs/cli.md), without its link back to the app's README.
const reference = readFileSync(join(root, 'docs', 'cli.md'), 'utf8').replace(/ Back to the \[README\]\(\.\.\/README\.md\)\./, '')
writeFileSync(join(stage, 'README.md'), reference)
cpSync(join(root, 'docs', 'tokenizers.md'), join(stage, 'TOKENIZERS.md'))

// Licences: the code bundled into the command (as the build recorded it) and the tokenizer data.
const bundled = JSON.parse(readFileSync(join(built, 'bundled-packages.json'), 'utf8'))
const sections = [
  '# Licences',
  '',
  'The command line bundles the code of these npm packages; their licences follow. The bundled',
  'tokenizer files and their licences are listed in TOKENIZERS.md.',
  '',
  ...bundled.map((p) => `- ${p.name} ${p.version}: ${p.license}`),
]
for (const p of bundled) {
  const text = licenceText(p.name)
  sections.push('', `## ${p.name} ${p.version} (${p.license})`, '', text ?? `No licence file ships with the package; its package.json says ${p.license}.`)
}
writeFileSync(join(stage, 'LICENSES.md'), sections.join('\n') + '\n')

mkdirSync(outDir, { recursive: true })
const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', outDir], stage))[0]
const tgz = join(outDir, packed.filename)
console.log(`pack:cli: ${tgz} (${(statSync(tgz).size / 1024 / 1024).toFixed(1)} MB packed, ${(packed.unpackedSize / 1024 / 1024).toFixed(1)} MB unpacked, ${packed.entryCount} files)`)
