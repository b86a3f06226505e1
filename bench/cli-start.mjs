// The command line's start on a small file, against two references run the same way in the
// same run: Node itself (`node -e 0`) and a plain script that loads gpt-tokenizer's
// o200k_base and encodes the same file (what the command must beat to be worth starting).
// Each is a fresh process, run RUNS times in turn; prints min / median / max in ms and the
// command's median as a ratio to each reference.
//
//   npm run build:cli && node bench/cli-start.mjs [RUNS]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const RUNS = Number(process.argv[2] ?? 15)
const root = resolve(import.meta.dirname, '..')
const dir = mkdtempSync(join(tmpdir(), 'te-cli-start-'))
const file = join(dir, 'small.txt')
writeFileSync(file, 'Hello, world!\n')
const plain = join(dir, 'plain.mjs')
writeFileSync(plain, `import { readFileSync } from 'node:fs'\nimport { encode } from ${JSON.stringify(join(root, 'node_modules/gpt-tokenizer/esm/encoding/o200k_base.js'))}\nconsole.log(encode(readFileSync(process.argv[2], 'utf8')).length)\n`)

const CASES = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'plain script (gpt-tokenizer o200k_base)': [process.execPath, [plain, file]],
  'tokenizer-explorer count': [process.execPath, [join(root, 'out/cli/tokenizer-explorer.js'), 'count', file]],
}

const times = Object.fromEntries(Object.keys(CASES).map((k) => [k, []]))
for (let i = 0; i < RUNS; i++) {
  for (const [name, [cmd, args]] of Object.entries(CASES)) {
    const t0 = process.hrtime.bigint()
    const r = spawnSync(cmd, args, { encoding: 'utf8' })
    const ms = Number(process.hrtime.bigint() - t0) / 1e6
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`)
    times[name].push(ms)
  }
}
rmSync(dir, { recursive: true, force: true })

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] }
}
console.log(`| start, ${RUNS} runs each | min ms | median ms | max ms |`)
console.log('| --- | --- | --- | --- |')
const medians = {}
for (const [name, xs] of Object.entries(times)) {
  const { min, median, max } = stats(xs)
  medians[name] = median
  console.log(`| ${name} | ${min.toFixed(0)} | ${median.toFixed(0)} | ${max.toFixed(0)} |`)
}
const cli = medians['tokenizer-explorer count']
console.log(`\nthe command's median: ${(cli / medians['plain script (gpt-tokenizer o200k_base)']).toFixed(2)}x the plain script's, ${(cli - medians['node -e 0']).toFixed(0)} ms over Node's own start (target: 150 ms in all)`)
