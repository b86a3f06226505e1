// What the app computes and exports, checked as a user gets it: decoded text, chat counts,
// exported files; and the tools' worst frames on large input, measured with long-task timing.
import { expect, test, type Page } from '@playwright/test'
import { openFresh, oracleIds } from './helpers'

test.beforeEach(async ({ page }) => {
  await openFresh(page)
})

/** Starts recording long tasks (main-thread tasks over 50 ms) in the page. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; longTaskObserver?: PerformanceObserver }
    w.longTaskObserver?.disconnect()
    w.longTasks = []
    w.longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration)
    })
    w.longTaskObserver.observe({ type: 'longtask' })
  })
}

/** The longest task since watchLongTasks, in ms (0 when none was over 50 ms), once two more frames have passed. */
async function longestTask(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => setTimeout(() => resolve(Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks)), 50)),
        ),
      ),
  )
}

test('decode 300,000 ids: a bounded preview, the whole text copied and saved, no frame over a second', async ({ page, context }) => {
  test.setTimeout(180_000)
  // One long paragraph (no newline), as ids from a model's output often are: the costliest text to lay out.
  const line = 'Decode me 🦙 please, word after word of text. '
  const lineIds = oracleIds('o200k_base', line)
  const repeats = Math.ceil(300_000 / lineIds.length)
  const ids = Array.from({ length: repeats }, () => lineIds).flat()
  const text = line.repeat(repeats)
  await page.getByText('Decode token ids').click()
  await page.getByLabel('Token IDs to decode').fill(ids.join(','))
  await watchLongTasks(page)
  await page.getByRole('button', { name: 'Decode', exact: true }).click()
  const output = page.getByLabel('Decoded text')
  await expect(output).toBeVisible({ timeout: 60_000 })
  const longest = await longestTask(page)
  console.log(`decode ${ids.length.toLocaleString('en-US')} ids: longest task ${longest.toFixed(0)} ms`)
  const shown = (await output.textContent()) ?? ''
  expect(text.startsWith(shown)).toBe(true)
  expect(shown.length).toBeLessThan(20_000)
  await expect(page.getByText(`… ${(Array.from(text).length - Array.from(shown).length).toLocaleString('en-US')} more characters`)).toBeVisible()
  // Copy and Save hold the whole text.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('button', { name: 'Copy text' }).click()
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText().then((t) => t.length))).toBe(text.length)
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save text' }).click()
  const { readFile } = await import('node:fs/promises')
  expect(await readFile(await (await download).path(), 'utf8')).toBe(text)
  expect(longest).toBeLessThan(1_000)
})
