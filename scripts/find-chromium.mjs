// Finds a Chromium or Chrome for Playwright: $CHROMIUM_PATH, a system browser, Playwright's
// own download, or (as root, where apt-get exists) installs Debian's chromium. Prints the
// path, or explains what to do and exits 1. Never lets browser tests be skipped silently.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
]

async function playwrightOwn() {
  try {
    const { chromium } = await import('@playwright/test')
    const path = chromium.executablePath()
    return path && existsSync(path) ? path : null
  } catch {
    return null
  }
}

function firstExisting() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH
  return CANDIDATES.find((p) => existsSync(p)) ?? null
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
}

/** Returns a Chromium path, installing Debian's package as root when needed; null if none. */
export async function findChromium({ install = true } = {}) {
  const found = firstExisting() ?? (await playwrightOwn())
  if (found) return found
  if (install && process.platform === 'linux' && process.getuid?.() === 0 && hasCommand('apt-get')) {
    console.log('[e2e] No Chromium found; installing Debian chromium with apt-get (running as root)...')
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    } catch {
      console.error('[e2e] apt-get install chromium failed.')
    }
    return firstExisting()
  }
  return null
}

/** The message shown when no browser can be found. */
export const NO_CHROMIUM_HELP = `
[e2e] No Chromium or Chrome was found, so the browser tests cannot run.
Install one of these, then run the tests again:
  - Debian/Ubuntu:  sudo apt-get install -y chromium
  - Playwright's:   npx playwright install chromium
  - Or point to a browser you have:  CHROMIUM_PATH=/path/to/chrome npm test
`

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = await findChromium()
  if (!path) {
    console.error(NO_CHROMIUM_HELP)
    process.exit(1)
  }
  console.log(path)
}
