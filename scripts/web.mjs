// `npm run web`: builds the renderer and serves it on http://127.0.0.1 for any browser.
// The port is $WEB_PORT or 5199; when that port is taken, it says so and serves on a free one.
// `npm run web -- --no-build` serves the last build without building again.
import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { anyFreePort } from './ports.mjs'

/** Resolves to true when nothing listens on 127.0.0.1:port. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = createServer()
    srv.once('error', () => resolve(false))
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)))
  })
}

const wanted = Number(process.env.WEB_PORT ?? 5199)
if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
  console.error(`WEB_PORT must be a port number (0-65535), not "${process.env.WEB_PORT}".`)
  process.exit(1)
}
if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['vite', 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', shell: process.platform === 'win32' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
let port = wanted
if (!(await portIsFree(wanted))) {
  port = await anyFreePort()
  console.log(`\nPort ${wanted} is already in use (another copy of the app, or another program), so the app uses port ${port}. To choose the port: WEB_PORT=<port> npm run web`)
}
console.log(`\nTokenizer Explorer (web build): open http://127.0.0.1:${port}/ in your browser. Ctrl+C stops it.\n`)
const serve = spawnSync('npx', ['vite', 'preview', '-c', 'vite.web.config.ts', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
})
process.exit(serve.status ?? 0)
