// `npm run bench`: builds the web renderer, finds Chromium, runs bench/bench.spec.ts on a
// free port. `npm run bench -- --quick`: 2 M chars per corpus, one paste, fewer keys (BENCH_QUICK=1).
// `npm run bench -- --before <git-ref>` (or BENCH_BEFORE=<ref>): also builds that commit's
// renderer (scripts/bench-before.mjs), serves it on a second free port, and the bench
// measures both builds side by side (bench/beforeAfter.ts).
import { spawn, spawnSync } from 'node:child_process'
import { findChromium, NO_CHROMIUM_HELP } from './find-chromium.mjs'
import { anyFreePort } from './ports.mjs'
import { beforeRefFrom, buildBefore, BeforeBuildError } from './bench-before.mjs'

/** Exits with a clear message for a --before failure; anything else is a bug and throws. */
function fail(err) {
  if (!(err instanceof BeforeBuildError)) throw err
  console.error(err.message)
  process.exit(1)
}

let ref = null
try {
  ref = beforeRefFrom(process.argv.slice(2), process.env)
} catch (err) {
  fail(err)
}

const chromium = await findChromium()
if (!chromium) {
  console.error(NO_CHROMIUM_HELP)
  process.exit(1)
}
// The other commit first: a ref that does not exist or does not build stops the bench at once.
let before = null
try {
  if (ref) before = buildBefore(ref)
} catch (err) {
  fail(err)
}
// The other commit's built folder goes however the bench ends, Ctrl+C included.
const cleanup = () => before?.cleanup()
// A signal before Playwright starts ends the bench here; later ones go to Playwright, and the
// cleanup follows when it has stopped (a repeated signal, as npm may forward, changes nothing).
let stopping = null
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopping ? stopping(signal) : (cleanup(), process.exit(130))))

const build = spawnSync('npx', ['vite', 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' })
if (build.status !== 0) {
  cleanup()
  process.exit(build.status ?? 1)
}

const port = process.env.WEB_PORT ?? String(await anyFreePort())
let beforePort = String(await anyFreePort())
while (beforePort === port) beforePort = String(await anyFreePort())
const env = {
  ...process.env,
  CHROMIUM_PATH: chromium,
  WEB_PORT: port,
  ...(process.argv.includes('--quick') ? { BENCH_QUICK: '1' } : {}),
  ...(before ? { BENCH_BEFORE_DIR: before.dir, BENCH_BEFORE_PORT: beforePort, BENCH_BEFORE_LABEL: `${ref} (${before.sha})` } : {}),
}
// Run asynchronously in a process group of its own, so that a signal reaches Playwright
// through npx (which does not pass it on) and the cleanup still follows. Playwright gets
// SIGINT whatever came here: on SIGINT it stops its web servers; on SIGTERM it leaves them.
const child = spawn('npx', ['playwright', 'test', '-c', 'bench/playwright.config.ts'], { stdio: 'inherit', env, detached: true })
let signalled = false
stopping = () => {
  if (signalled) return
  signalled = true
  try {
    process.kill(-child.pid, 'SIGINT')
  } catch {
    // The group has already gone.
  }
}
const status = await new Promise((resolve) => {
  child.on('error', (err) => (console.error(`bench: could not start Playwright: ${err.message}`), resolve(1)))
  child.on('exit', (code) => resolve(code ?? 1))
})
cleanup()
process.exit(status)
