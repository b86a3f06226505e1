import { expect, test, type Page } from '@playwright/test'
import { makeCorpus } from '../src/shared/testing/corpus'
import { editor, expectTokenCount, openFresh, oracleIds, setText } from './helpers'

test.beforeEach(async ({ page }) => {
  await openFresh(page)
})

/** Collects the page's console errors (CodeMirror reports a crashed extension there). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(String(e)))
  return errors
}

/** The editor's text, read from CodeMirror's state. */
async function docText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { tokenizerExplorerView: { state: { doc: { toString(): string } } } }).tokenizerExplorerView.state.doc.toString())
}

test('trim to a limit after showing its cut, then undo: colours and limit markers stay (no plugin crash)', async ({ page }) => {
  const errors = consoleErrors(page)
  const text = makeCorpus(6_000, 7)
  await setText(page, text)
  await expectTokenCount(page, oracleIds('o200k_base', text).length)
  await page.getByRole('radio', { name: 'Dim tokens past 1,024' }).check()
  for (const keep of ['head', 'both'] as const) {
    await page.getByLabel('What to keep').selectOption(keep)
    await page.getByRole('button', { name: 'Show where the 1,024-token limit cuts the text' }).click()
    await page.getByRole('button', { name: 'Trim to 1,024 tokens' }).click()
    await expect(page.getByText(/Kept the first/)).toBeVisible()
    await expectTokenCount(page, oracleIds('o200k_base', await docText(page)).length)
    await editor(page).click({ position: { x: 40, y: 40 } })
    await page.keyboard.press('ControlOrMeta+z')
    await expectTokenCount(page, oracleIds('o200k_base', text).length)
    await page.keyboard.type('x')
    await expectTokenCount(page, oracleIds('o200k_base', await docText(page)).length)
    await expect(page.locator('.cm-content [data-token-index]').first()).toBeVisible()
    await expect(page.locator('.cm-limit-marker')).not.toHaveCount(0)
    expect(errors.filter((e) => /crashed|RangeError/.test(e))).toEqual([])
  }
})
