// `npm run bench`: builds the web renderer, finds Chromium, runs bench/bench.spec.ts on a
// free port. `npm run bench -- --quick`: 2 M chars per corpus, one paste, fewer keys (BENCH_QUICK=1).
// `npm run bench -- --before <git-ref>` (or BENCH_BEFORE=<ref>): also builds that commit's
// renderer (scripts/bench-before.mjs), serves it on a second free port, and the bench
// measures both builds side by side (bench/beforeAfter.ts).
import { spawnSync } from 'node:child_process'
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
const build = spawnSync('npx', ['vite', 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

let before = null
try {
  if (ref) before = buildBefore(ref)
} catch (err) {
  fail(err)
}
// The built folder of the other commit goes however the bench ends, Ctrl+C included.
const cleanup = () => before?.cleanup()
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (cleanup(), process.exit(130)))

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
let status
try {
  const r = spawnSync('npx', ['playwright', 'test', '-c', 'bench/playwright.config.ts'], { stdio: 'inherit', env })
  status = r.status ?? 1
} finally {
  cleanup()
}
process.exit(status)
