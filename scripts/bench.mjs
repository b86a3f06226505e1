// `npm run bench`: builds the web renderer, finds Chromium, runs bench/bench.spec.ts on a
// free port. `npm run bench -- --quick`: 2 M chars per corpus, one paste, fewer keys (BENCH_QUICK=1).
import { spawnSync } from 'node:child_process'
import { findChromium, NO_CHROMIUM_HELP } from './find-chromium.mjs'
import { anyFreePort } from './ports.mjs'

const chromium = await findChromium()
if (!chromium) {
  console.error(NO_CHROMIUM_HELP)
  process.exit(1)
}
const build = spawnSync('npx', ['vite', 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
const r = spawnSync('npx', ['playwright', 'test', '-c', 'bench/playwright.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium, WEB_PORT: process.env.WEB_PORT ?? String(await anyFreePort()), ...(process.argv.includes('--quick') ? { BENCH_QUICK: '1' } : {}) },
})
process.exit(r.status ?? 1)
