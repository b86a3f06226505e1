import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'

// scripts/e2e.mjs finds (or installs) a browser and sets CHROMIUM_PATH; this fallback serves direct `npx playwright test` runs.
const executablePath = process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p))
const port = Number(process.env.WEB_PORT ?? 5199)
// The README screenshots (e2e/screenshot.spec.ts) write tracked files and depend on the fonts
// installed here, so they run only from `npm run screenshots`, never in `npm test`.
const screenshots = process.env.TOKENIZER_EXPLORER_SCREENSHOTS === '1'
const chromiumArgs = ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run']
// Chromium refuses to run its sandbox as root (CI runs as root).
if (process.getuid?.() === 0) chromiumArgs.push('--no-sandbox')

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
  },
  webServer: {
    command: `npx vite preview -c vite.web.config.ts --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: [/electron\//, /screenshot\.spec\.ts$/],
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath, args: chromiumArgs },
      },
    },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts/ },
    ...(screenshots
      ? [
          {
            name: 'screenshots',
            testMatch: /screenshot\.spec\.ts$/,
            use: { browserName: 'chromium' as const, launchOptions: { executablePath, args: chromiumArgs } },
          },
        ]
      : []),
  ],
})
