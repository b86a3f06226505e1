// Runs the Playwright suites: builds the web renderer (and the Electron bundles for the
// electron project), finds a Chromium, then runs `playwright test` with any extra arguments.
import { spawnSync } from 'node:child_process'
import { anyFreePort } from './ports.mjs'
import { findChromium, NO_CHROMIUM_HELP } from './find-chromium.mjs'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** True when npm's Electron package has its binary (as e2e/electron/helpers.ts decides). */
function electronInstalled() {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const pathFile = join(dir, 'path.txt')
    return existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()))
  } catch {
    return false
  }
}

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

const chromium = await findChromium({ headlessShell: true })
if (!chromium) {
  console.error(NO_CHROMIUM_HELP)
  process.exit(1)
}
console.log(`[e2e] Using Chromium at ${chromium}`)
run('npx', ['vite', 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'])
// The Electron bundles serve only the Electron specs, which skip (saying why) where no binary is installed.
if (electronInstalled()) run('npx', ['electron-vite', 'build', '--logLevel', 'warn'])
else console.log('[e2e] No Electron binary here: the Electron specs will be reported as skipped, so its bundles are not built.')
const port = process.env.WEB_PORT ?? String(await anyFreePort())
run('npx', ['playwright', 'test', ...process.argv.slice(2)], { ...process.env, CHROMIUM_PATH: chromium, WEB_PORT: port })
