import { chromium } from '@playwright/test'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--disable-dev-shm-usage', '--no-sandbox'] })
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
await page.goto(`http://127.0.0.1:5731/`)
await page.evaluate(() => localStorage.clear())
await page.goto(`http://127.0.0.1:5731/`)
await page.waitForTimeout(3000)
await page.getByRole('checkbox', { name: 'Languages' }).check()
const t0 = Date.now()
for (let i = 0; i < 60; i++) {
  const p = await page.locator('.languages-progress').textContent().catch(() => null)
  const busy = await page.locator('.languages-table').getAttribute('aria-busy').catch(() => null)
  console.log(Date.now() - t0, p, busy)
  if (busy === 'false') break
  await page.waitForTimeout(500)
}
await browser.close()
