// `npm run bench`: the built renderer in Chromium, one worker, nothing else running.
import { defineConfig } from '@playwright/test'

const port = Number(process.env.WEB_PORT ?? 5199)
const args = ['--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info', '--js-flags=--expose-gc', '--disable-background-networking']
if (process.getuid?.() === 0) args.push('--no-sandbox')

export default defineConfig({
  testDir: '.',
  testMatch: /bench\.spec\.ts/,
  timeout: 90 * 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH, args },
  },
  webServer: {
    command: `npx vite preview -c vite.web.config.ts --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    cwd: '..',
    timeout: 60_000,
  },
})
