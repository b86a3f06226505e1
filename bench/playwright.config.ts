// `npm run bench`: the built renderer in Chromium, one worker, nothing else running. With
// `--before <ref>` (scripts/bench.mjs sets BENCH_BEFORE_DIR and BENCH_BEFORE_PORT) a second
// server serves that commit's build, for bench/beforeAfter.ts.
import { defineConfig } from '@playwright/test'

const port = Number(process.env.WEB_PORT ?? 5199)
const server = (port: number, outDir?: string) => ({
  // vite.web.config.ts's root is src/renderer: the other build's folder must be absolute.
  command: `npx vite preview -c vite.web.config.ts --host 127.0.0.1 --port ${port} --strictPort${outDir ? ` --outDir ${JSON.stringify(outDir)}` : ''}`,
  url: `http://127.0.0.1:${port}/`,
  reuseExistingServer: false,
  cwd: '..',
  timeout: 60_000,
})
const before = process.env.BENCH_BEFORE_DIR
const args = ['--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info', '--js-flags=--expose-gc', '--disable-background-networking']
if (process.getuid?.() === 0) args.push('--no-sandbox')

export default defineConfig({
  testDir: '.',
  testMatch: /bench\.spec\.ts/,
  // A full run with --before and the engine rows measures most things twice or more.
  timeout: (before ? 240 : 150) * 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    // The bench pastes through the clipboard, as a user does (bench/pageMeasures.ts).
    permissions: ['clipboard-read', 'clipboard-write'],
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH, args },
  },
  webServer: before ? [server(port), server(Number(process.env.BENCH_BEFORE_PORT), before)] : server(port),
})
