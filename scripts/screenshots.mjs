// `npm run screenshots`: remakes docs/screenshot-light.png and docs/screenshot-dark.png from the
// real UI (e2e/screenshot.spec.ts). Kept out of `npm test`, because it rewrites tracked files
// and the images depend on the fonts installed on this machine.
import { spawnSync } from 'node:child_process'

const r = spawnSync('node', ['scripts/e2e.mjs', '--project=screenshots'], {
  stdio: 'inherit',
  env: { ...process.env, TOKENIZER_EXPLORER_SCREENSHOTS: '1' },
})
process.exit(r.status ?? 1)
