// Runs before `npm start` / `npm run dev`: makes sure the Electron binary is there,
// downloading it once with `install-electron`. Where it cannot be had (offline, blocked),
// says so in one line and points to the browser build.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** True when node_modules/electron has a downloaded binary. */
export function electronBinaryPresent() {
  try {
    const dir = dirname(require.resolve('electron/package.json'))
    const pathFile = join(dir, 'path.txt')
    if (!existsSync(pathFile)) return false
    return existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()))
  } catch {
    return false
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!electronBinaryPresent()) {
    const r = spawnSync('npx', ['install-electron', '--no'], { stdio: ['inherit', 'inherit', 'pipe'], encoding: 'utf8' })
    if (r.status !== 0 || !electronBinaryPresent()) {
      const reason = (r.stderr ?? '').trim().split('\n')[0] || `exit code ${r.status}`
      console.error(
        `The Electron binary could not be downloaded (${reason}), so the desktop window cannot open. ` +
          'Run `npm run web` to use Tokenizer Explorer in your browser instead.',
      )
      process.exit(1)
    }
  }
}
