// Train a tokenizer (web build): train on the editor's text, watch the merges, save the
// tokenizer.json (checked by Hugging Face's Rust tokenizers), use it in the editor and in Compare.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { Tokenizer as RustTokenizer } from 'tokenizers'
import { makeCorpus } from '../src/shared/testing/corpus'
import { clickWhenShown, expectTokenCount, openFresh, setText, takeProgress, watchProgress } from './helpers'

const TRAINING_TEXT = makeCorpus(30_000, 5)
const SHOTS = process.env.TRAINER_SHOTS

async function openTrainer(page: Page) {
  await page.getByRole('checkbox', { name: 'Train a tokenizer' }).check()
  const panel = page.getByRole('region', { name: 'Train a tokenizer' })
  await expect(panel.getByRole('spinbutton', { name: 'Merges' })).toBeVisible()
  return panel
}

test.beforeEach(async ({ page }) => {
  await openFresh(page)
})

test('trains on the editor text with a progress bar, lists merges, saves a tokenizer.json the Rust library reads, and counts with it in the editor and Compare', async ({ page }) => {
  await setText(page, TRAINING_TEXT)
  const panel = await openTrainer(page)
  await panel.getByRole('spinbutton', { name: 'Merges' }).fill('800')
  await panel.getByLabel('Split pattern').selectOption('gpt2')
  // The progress bar shows while it trains, then the merges are listed. On a fast machine the
  // bar may come and go between two polls, so it is recorded from before the click.
  await watchProgress(page, 'Training progress')
  await panel.getByRole('button', { name: 'Train', exact: true }).click()
  await expect(panel.getByRole('status')).toContainText('Learned 800 merges', { timeout: 30_000 })
  const progress = await takeProgress(page, 'Training progress')
  expect(progress.length, 'the progress bar "Training progress" was shown while it trained').toBeGreaterThan(0)
  await expect(panel.getByRole('progressbar')).toHaveCount(0)
  const merges = panel.getByRole('table', { name: /Merges/ })
  await expect(merges.locator('tbody tr')).toHaveCount(100)
  await expect(merges.locator('tbody tr').last().locator('td').first()).toHaveText('800')
  if (SHOTS) await page.screenshot({ path: '/tmp/trainer/trained.png' })

  const download = page.waitForEvent('download')
  await panel.getByRole('button', { name: 'Save tokenizer.json' }).click()
  const saved = test.info().outputPath('tokenizer.json')
  await (await download).saveAs(saved)
  const json = JSON.parse(await readFile(saved, 'utf8')) as { model: { merges: unknown[]; vocab: Record<string, number> } }
  expect(json.model.merges).toHaveLength(800)
  expect(Object.keys(json.model.vocab).length).toBeLessThanOrEqual(256 + 800)

  const probe = 'The model reads tokens quickly: naïve réseau, Straße, 日本語 🦙 {"limit": 4096}'
  const rust = await RustTokenizer.fromFile(saved)
  const expected = (await rust.encode(probe, null, { addSpecialTokens: false })).getIds().length

  await panel.getByRole('button', { name: 'Use in editor' }).click()
  await expect(page.getByRole('combobox', { name: /^(Tokenizer|Encoding)$/ })).toHaveValue(/^file: Trained on editor text/, { timeout: 20_000 })
  await setText(page, probe)
  await expectTokenCount(page, expected)

  await page.getByText('Compare encodings').click()
  await page.getByRole('button', { name: 'Compare' }).click()
  const table = page.getByRole('table', { name: 'Token counts by encoding' })
  await expect(table.locator('td[data-encoding^="file: Trained on editor text"]')).toHaveText(expected.toLocaleString('en-US'), { timeout: 30_000 })
  if (SHOTS) await page.screenshot({ path: '/tmp/trainer/used.png', fullPage: true })
})

test('trains on chosen files, cancels, refuses bad input with a clear message; axe finds nothing', async ({ page }) => {
  const panel = await openTrainer(page)
  await panel.getByRole('spinbutton', { name: 'Merges' }).fill('0')
  await expect(panel.getByText('Merges must be a whole number from 1 to 50,000.')).toBeVisible()
  await panel.getByRole('spinbutton', { name: 'Merges' }).fill('50000')
  await panel.getByRole('radio', { name: 'Files' }).check()
  await panel.getByRole('button', { name: 'Train', exact: true }).click()
  await expect(panel.getByRole('alert')).toHaveText('Choose one or more text files to train on.')

  const a = test.info().outputPath('a.txt')
  const b = test.info().outputPath('b.bin')
  await writeFile(a, makeCorpus(200_000, 9))
  await writeFile(b, Buffer.from([0, 1, 2, 3, 0, 255]))
  await panel.getByLabel('Training files').setInputFiles([a, b])
  await panel.getByLabel('Split pattern').selectOption('none')
  // This job trains in under a second here: a click from the test could come after it ended (it
  // did on CI). So Cancel is clicked in the page, in the same task that shows the first merges.
  await watchProgress(page, 'Training progress')
  await clickWhenShown(page, '.trainer-lab', '.trainer-merges tbody tr', 'Cancel')
  await panel.getByRole('button', { name: 'Train', exact: true }).click()
  await expect(panel.getByRole('status')).toContainText('Cancelled after', { timeout: 20_000 })
  expect(await takeProgress(page, 'Training progress'), 'the progress bar was shown while it trained').not.toHaveLength(0)
  await expect(panel.getByText(/Left out: b\.bin/)).toBeVisible()
  await expect(panel.getByRole('table', { name: /Merges/ }).locator('tbody tr').first()).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Save tokenizer.json' })).toBeDisabled()

  for (const theme of ['light', 'dark']) {
    await page.getByRole('combobox', { name: 'Theme', exact: true }).selectOption(theme)
    const result = await new AxeBuilder({ page }).include('.trainer-lab').analyze()
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
  if (SHOTS) {
    await page.screenshot({ path: '/tmp/trainer/cancelled-dark.png' })
    await page.setViewportSize({ width: 320, height: 800 })
    await page.screenshot({ path: '/tmp/trainer/narrow.png', fullPage: true })
  }
})
