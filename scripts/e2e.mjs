// Runs the Playwright suites: builds the web renderer (and the Electron bundles for the
// electron project), finds a Chromium, then runs `playwright test` with any extra arguments.
import { spawnSync } from 'node:child_process'
import { anyFreePort } from './ports.mjs'
import { findChromium, NO_CHROMIUM_HELP } from './find-chromium.mjs'

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

const chromium = await findChromium()
if (!chromium) {
  console.error(NO_CHROMIUM_HELP)
  process.exit(1)
}
console.log(`[e2e] Using Chromium at ${chromium}`)
run('npx', ['vite', 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'])
run('npx', ['electron-vite', 'build', '--logLevel', 'warn'])
const port = process.env.WEB_PORT ?? String(await anyFreePort())
run('npx', ['playwright', 'test', ...process.argv.slice(2)], { ...process.env, CHROMIUM_PATH: chromium, WEB_PORT: port })
