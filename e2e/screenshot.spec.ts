import { test } from '@playwright/test'
import { openFresh } from './helpers'

// Makes the README screenshots from the real UI with the sample text.
for (const scheme of ['light', 'dark'] as const) {
  test(`README screenshot (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await openFresh(page)
    await page.getByRole('checkbox', { name: 'Token IDs' }).check()
    await page.getByLabel('Custom limit').fill('120')
    await page.locator('.cm-content [data-token-index="12"]').hover()
    await page.waitForTimeout(300)
    await page.screenshot({ path: `docs/screenshot-${scheme}.png` })
  })
}
