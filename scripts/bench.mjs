// `npm run bench`: builds the web renderer, finds Chromium, runs bench/bench.spec.ts.
import { spawnSync } from 'node:child_process'
import { findChromium, NO_CHROMIUM_HELP } from './find-chromium.mjs'

const chromium = await findChromium()
if (!chromium) {
  console.error(NO_CHROMIUM_HELP)
  process.exit(1)
}
const build = spawnSync('npx', ['vite', 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
const r = spawnSync('npx', ['playwright', 'test', '-c', 'bench/playwright.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium, WEB_PORT: process.env.WEB_PORT ?? '5298' },
})
process.exit(r.status ?? 1)
