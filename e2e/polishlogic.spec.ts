// Issue 26, the logic side: numbers the app shows agree with the command line and the encodings.
import { expect, test } from '@playwright/test'
import { openFresh, oracleIds, setText } from './helpers'

test.beforeEach(async ({ page }) => {
  await openFresh(page)
})

test('Lines: a text ending in "\\n\\n" has as many lines as the command line says (wc, plus an unterminated last line)', async ({ page }) => {
  const lines = page.getByLabel('Line count')
  // 101 lines of text, then one empty line: 102 (the command line's count), not 103.
  await setText(page, 'line\n'.repeat(101) + '\n')
  await expect(lines).toHaveText('102')
  await setText(page, 'one\ntwo')
  await expect(lines).toHaveText('2')
  await setText(page, 'one\ntwo\n')
  await expect(lines).toHaveText('2')
})

test('Decode: the placeholder ids decode to the example in the encoding in use', async ({ page }) => {
  await page.getByText('Decode token ids').click()
  const box = page.getByLabel('Token IDs to decode')
  await expect(box).toHaveAttribute('placeholder', JSON.stringify(oracleIds('o200k_base', 'Hello, tokens!')).replaceAll(',', ', '))
  await page.getByRole('combobox', { name: /^(Tokenizer|Encoding)$/ }).selectOption('r50k_base')
  await expect(box).toHaveAttribute('placeholder', JSON.stringify(oracleIds('r50k_base', 'Hello, tokens!')).replaceAll(',', ', '))
})

test('Decode: a file of 1,000,003 ids opens without the textarea, keeps the page responsive and says what the text leaves out', async ({ page }) => {
  const one = oracleIds('o200k_base', 'ab')[0]
  const ids = `${one}\n`.repeat(1_000_003)
  await page.getByText('Decode token ids').click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open a file of ids…' }).click()
  await (await chooser).setFiles({ name: 'ids.txt', mimeType: 'text/plain', buffer: Buffer.from(ids) })
  await expect(page.getByText(/Decoding the file ids\.txt \(.*\), not the box above\. If it holds more than 1,000,000 ids/)).toBeVisible()
  await expect(page.getByLabel('Token IDs to decode')).toHaveValue('')
  // Long tasks on the page from Decode to the decoded text (the file's hand-over by the test harness is before).
  await page.evaluate(() => {
    const w = window as unknown as { longest: number }
    w.longest = 0
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration)
    }).observe({ type: 'longtask', buffered: false })
  })
  await page.getByRole('button', { name: 'Decode', exact: true }).click()
  await expect(page.getByLabel('Decoded text')).toContainText('abababab', { timeout: 30_000 })
  await expect(page.locator('.decode-problems')).toContainText('The list has 1,000,003 ids; only the first 1,000,000 were decoded. The text, and so Copy text and Save text, leaves out the last 3')
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest)
  console.log(`[decode file] longest task on the page: ${Math.round(longest)} ms`)
  expect(longest).toBeLessThan(400)
})

test('Decode: a typed list over 1,000,000 ids is told so before it is decoded', async ({ page }) => {
  await page.getByText('Decode token ids').click()
  const box = page.getByLabel('Token IDs to decode')
  await box.fill('1 '.repeat(1_000_002))
  await expect(page.getByText('This list has 1,000,002 ids: Decode takes the first 1,000,000; the text, Copy text and Save text will leave out the last 2.')).toBeVisible()
})

test('Compare › Show: "Emoji 🦙 too." in o200k_base and cl100k_base has no stretch cut differently (both cut the llama 20f09f|a6|99)', async ({ page }) => {
  await setText(page, 'Emoji 🦙 too.')
  await page.getByText('Compare encodings').click()
  await page.getByLabel('Second encoding').selectOption('cl100k_base')
  await page.getByRole('button', { name: 'Show', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Segmentations side by side' })
  await expect(dialog.getByLabel('Alignment summary')).toContainText('0 of 4 stretches cut differently')
})
