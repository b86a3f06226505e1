import { expect, test } from '@playwright/test'
import { spawn, spawnSync } from 'node:child_process'
import { createServer, type Server } from 'node:net'

// The project's own commands as a new user runs them (no browser needed).

test('the test run leaves out the README screenshots, which `npm run screenshots` makes', () => {
  const env = { ...process.env }
  delete env.TOKENIZER_EXPLORER_SCREENSHOTS
  const list = (extra: Record<string, string>, args: string[] = []) =>
    spawnSync('npx', ['playwright', 'test', '--list', ...args], { env: { ...env, ...extra }, encoding: 'utf8' }).stdout
  // What `npm test` runs: no test writes docs/screenshot-*.png.
  const all = list({})
  expect(all).toContain('app.spec.ts')
  expect(all).not.toContain('screenshot.spec.ts')
  // What `npm run screenshots` runs: exactly the two screenshots.
  const shots = list({ TOKENIZER_EXPLORER_SCREENSHOTS: '1' }, ['--project=screenshots'])
  expect(shots).toContain('README screenshot (light)')
  expect(shots).toContain('README screenshot (dark)')
  expect(shots).toMatch(/Total: 2 tests/)
})

test('`npm run web` with its port taken says so in one line and serves on another port', async () => {
  test.setTimeout(60_000)
  // Take a port the way another program would.
  const busy: Server = createServer()
  const busyPort = await new Promise<number>((resolve) => busy.listen(0, '127.0.0.1', () => resolve((busy.address() as { port: number }).port)))
  const web = spawn('node', ['scripts/web.mjs', '--no-build'], { env: { ...process.env, WEB_PORT: String(busyPort) }, detached: true })
  let output = ''
  web.stdout.on('data', (d) => (output += d))
  web.stderr.on('data', (d) => (output += d))
  try {
    await expect.poll(() => output, { timeout: 30_000 }).toMatch(/open http:\/\/127\.0\.0\.1:(\d+)\//)
    const served = Number(/open http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)![1])
    expect(served).not.toBe(busyPort)
    expect(output).toContain(`Port ${busyPort} is already in use`)
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${served}/`).then((r) => r.text()).catch(() => '')).includes('<div id="root">'), { timeout: 30_000 })
      .toBe(true)
    expect(output).not.toMatch(/Error|at .*\(.*:\d+:\d+\)/)
  } finally {
    process.kill(-web.pid!, 'SIGTERM')
    busy.close()
  }
})
