// Counting a folder with the command line vs single-threaded counting, file by file, with
// gpt-tokenizer's encode (what ttok-style tools do) and with tiktoken (o200k_base, text
// mode). Each runs as its own process, one after another; prints wall seconds and totals.
//
//   npm run build:cli
//   node bench/cli-count.mjs make /tmp/te-100mb 100   # copy 100 MB of text files from node_modules
//   node bench/cli-count.mjs run /tmp/te-100mb        # time the four ways
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'

const [mode, dir, arg] = process.argv.slice(2)

/** Copies text files (js, ts, md, json, ...) from node_modules into `out`, 200 a folder, up to `mb` MB. */
function make(out, mb) {
  rmSync(out, { recursive: true, force: true })
  let total = 0
  let n = 0
  const limit = mb * 1024 * 1024
  const walk = (d) => {
    let entries
    try {
      entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
    } catch {
      return
    }
    for (const e of entries) {
      if (total >= limit) return
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile() && /\.(js|mjs|cjs|ts|md|json|txt|css|html|yml)$/.test(e.name)) {
        const size = statSync(p).size
        if (size < 200 || size > 2e6) continue
        const bytes = readFileSync(p)
        if (bytes.includes(0)) continue
        const dst = join(out, String(Math.floor(n / 200)).padStart(3, '0'), `${n}-${e.name}`)
        mkdirSync(join(dst, '..'), { recursive: true })
        writeFileSync(dst, bytes)
        total += size
        n++
      }
    }
  }
  walk('node_modules')
  console.log(`${n} files, ${(total / 1048576).toFixed(1)} MB in ${out}`)
}

/** The child's side: counts `dir` file by file on one thread with `which` and prints the total. */
async function baseline(which, folder) {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
  let count
  if (which === 'gpt-tokenizer') {
    const m = await import('gpt-tokenizer/encoding/o200k_base')
    const none = new Set()
    count = (t) => m.encode(t, { disallowedSpecial: none }).length
  } else {
    const { get_encoding } = await import('tiktoken')
    const enc = get_encoding('o200k_base')
    count = (t) => enc.encode_ordinary(t).length
  }
  const decoder = new TextDecoder()
  let tokens = 0
  for (const f of files) tokens += count(decoder.decode(readFileSync(f)))
  console.log(JSON.stringify({ files: files.length, tokens }))
}

// Each child reports its CPU time (all threads) as its last line on standard error: on a
// busy machine wall time says little, CPU time says what the work cost.
const CPU_REPORT =
  "data:text/javascript,import{isMainThread}from'node:worker_threads';if(isMainThread)process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nCPU '+(u.userCPUTime+u.systemCPUTime)/1e6+'\\n')})"

function timed(label, args) {
  const t0 = performance.now()
  const r = spawnSync(process.execPath, ['--import', CPU_REPORT, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })
  const seconds = (performance.now() - t0) / 1000
  if (r.status !== 0 && r.status !== 1) throw new Error(`${label} failed: ${r.stderr}`)
  const cpu = Number(/CPU ([\d.]+)\s*$/.exec(r.stderr)?.[1])
  const out = JSON.parse(r.stdout)
  const total = out.total ?? out
  console.log(`${label.padEnd(38)} ${seconds.toFixed(1).padStart(6)} s wall ${cpu.toFixed(1).padStart(6)} s CPU   ${total.files} files, ${total.tokens} tokens`)
}

if (mode === 'make') make(dir, Number(arg ?? 100))
else if (mode === 'baseline') await baseline(arg, dir)
else if (mode === 'run') {
  const me = new URL(import.meta.url).pathname
  const cli = 'out/cli/tokenizer-explorer.js'
  console.log(`${availableParallelism()} cores; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`)
  timed('tiktoken, file by file', [me, 'baseline', dir, 'tiktoken'])
  timed('gpt-tokenizer encode, file by file', [me, 'baseline', dir, 'gpt-tokenizer'])
  timed('tokenizer-explorer count --jobs 1', [cli, 'count', dir, '--json', '--no-ignore', '--jobs', '1'])
  const jobs = String(availableParallelism())
  timed(`tokenizer-explorer count --jobs ${jobs}`, [cli, 'count', dir, '--json', '--no-ignore', '--jobs', jobs])
} else console.log('usage: node bench/cli-count.mjs make DIR [MB] | run DIR')
