// Finds a Chromium or Chrome for Playwright: $CHROMIUM_PATH, a system browser, Playwright's
// own download, or (as root, where apt-get exists) installs Debian's chromium. Prints the
// path, or explains what to do and exits 1. Never lets browser tests be skipped silently.
//
// The test suite asks for the headless shell first (the same Blink, without the desktop
// browser around it; Playwright's own default for headless runs): the e2e suite ran about a
// fifth faster in it here (app + ux specs: 119 s with chromium, 94 s with the shell).
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

/** Debian's and Ubuntu's headless shells (package chromium-headless-shell). */
const HEADLESS_SHELLS = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell']

function firstExisting(headlessShell) {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH
  return [...(headlessShell ? HEADLESS_SHELLS : []), ...CANDIDATES].find((p) => existsSync(p)) ?? null
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
}

/**
 * Returns a Chromium path, installing Debian's package as root when needed; null if none.
 * With headlessShell, a headless shell is preferred (and installed) where there is one.
 */
export async function findChromium({ install = true, headlessShell = false } = {}) {
  const found = firstExisting(headlessShell) ?? (await playwrightOwn())
  if (found) return found
  if (install && process.platform === 'linux' && process.getuid?.() === 0 && hasCommand('apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    } catch {
      console.error('[e2e] apt-get update failed; trying to install from the package lists there are.')
    }
    for (const pkg of headlessShell ? ['chromium-headless-shell', 'chromium'] : ['chromium']) {
      console.log(`[e2e] No Chromium found; installing Debian's ${pkg} with apt-get (running as root)...`)
      try {
        execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env })
        break
      } catch {
        console.error(`[e2e] apt-get install ${pkg} failed.`)
      }
    }
    return firstExisting(headlessShell)
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
  const path = await findChromium({ headlessShell: process.argv.includes('--headless-shell') })
  if (!path) {
    console.error(NO_CHROMIUM_HELP)
    process.exit(1)
  }
  console.log(path)
}
