// `npm run web`: builds the renderer and serves it on http://127.0.0.1 for any browser.
import { spawnSync } from 'node:child_process'

const port = process.env.WEB_PORT ?? '5199'
const build = spawnSync('npx', ['vite', 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
console.log(`\nTokenizer Explorer (web build): open http://127.0.0.1:${port}/ in your browser. Ctrl+C stops it.\n`)
const serve = spawnSync('npx', ['vite', 'preview', '-c', 'vite.web.config.ts', '--host', '127.0.0.1', '--port', port, '--strictPort'], {
  stdio: 'inherit',
})
process.exit(serve.status ?? 0)
