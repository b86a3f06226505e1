import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { expectTokenCount, openFresh, oracleIds, setText } from './helpers'
import { PRICE_TABLE_DATE, formatCost } from '../src/shared/models/prices'

// The cost line under the counts, the price editor, and the Input cost column of Compare.

const TEXT = 'What does this prompt cost? Emoji 🦙 and all.\n'.repeat(40)

/** The cost the line should show: tiktoken's count at `input` $/M plus `reply` tokens at `output` $/M. */
function expected(input: number, output: number, reply = 0): string {
  return formatCost((oracleIds('o200k_base', TEXT).length * input + reply * output) / 1_000_000)
}

async function pickModel(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption(name)
  await expect(page.getByRole('combobox', { name: 'Tokenizer', exact: true })).toHaveValue('o200k_base')
}

const counts = (page: Page) => page.getByRole('region', { name: 'Counts' })

test.beforeEach(async ({ page }) => {
  await openFresh(page)
  await setText(page, TEXT)
  await expectTokenCount(page, oracleIds('o200k_base', TEXT).length)
})

test('a known model’s cost is its dated table price times tiktoken’s count', async ({ page }) => {
  await pickModel(page, 'gpt-4o')
  await expect(counts(page).getByLabel('Prompt cost')).toHaveText(expected(2.5, 10))
  await expect(counts(page).getByLabel('Price source')).toHaveText(`gpt-4o: $2.5 in / $10 out per million tokens; prices as of ${PRICE_TABLE_DATE}, source pydantic/genai-prices (openai).`)
})

test('no model: no cost until the user gives prices, then "your prices"', async ({ page }) => {
  await expect(counts(page).getByLabel('Prompt cost')).toHaveCount(0)
  await expect(counts(page).getByRole('note')).toHaveText('No price known for the encoding alone: set one to see a cost.')
  await counts(page).getByRole('button', { name: 'Edit prices' }).click()
  const prices = counts(page).getByRole('group', { name: 'Prices' })
  await prices.getByLabel('Input price per million tokens').fill('0.5')
  // One price is not enough: nothing is shown or saved yet.
  await expect(counts(page).getByLabel('Prompt cost')).toHaveCount(0)
  await prices.getByLabel('Output price per million tokens').fill('1.5')
  await expect(counts(page).getByLabel('Prompt cost')).toHaveText(expected(0.5, 1.5))
  await expect(counts(page).getByLabel('Price source')).toHaveText('No model: $0.5 in / $1.5 out per million tokens; your prices.')
})

test('edited prices and a reply reserve are priced, saved across a reload, and can go back to the table', async ({ page }) => {
  await pickModel(page, 'gpt-4o')
  await counts(page).getByRole('button', { name: 'Edit prices' }).click()
  const prices = counts(page).getByRole('group', { name: 'Prices' })
  await expect(prices.getByLabel('Input price per million tokens')).toHaveValue('2.5')
  await prices.getByLabel('Input price per million tokens').fill('1.25')
  await prices.getByLabel('Output price per million tokens').fill('4')
  await prices.getByLabel('Reply tokens to price').fill('1000')
  await expect(counts(page).getByLabel('Prompt cost')).toHaveText(expected(1.25, 4, 1000))
  await expect(counts(page)).toContainText(`for a 1,000-token reply`)
  await expect(counts(page).getByLabel('Price source')).toContainText('your prices')

  await page.waitForTimeout(900) // settings are saved shortly after a change
  await page.reload()
  await expectTokenCount(page, oracleIds('o200k_base', TEXT).length)
  await expect(counts(page).getByLabel('Prompt cost')).toHaveText(expected(1.25, 4, 1000))

  await counts(page).getByRole('button', { name: 'Edit prices' }).click()
  await counts(page).getByRole('button', { name: 'Use the table’s prices' }).click()
  await expect(counts(page).getByLabel('Prompt cost')).toHaveText(expected(2.5, 10, 1000))
  await expect(counts(page).getByLabel('Input price per million tokens')).toHaveValue('2.5')
  await expect(counts(page).getByLabel('Price source')).toContainText(`prices as of ${PRICE_TABLE_DATE}`)
})

test('a bad price is refused with a message and the last good price stays in use', async ({ page }) => {
  await pickModel(page, 'gpt-4o')
  await counts(page).getByRole('button', { name: 'Edit prices' }).click()
  const input = counts(page).getByLabel('Input price per million tokens')
  for (const [typed, message] of [
    ['-1', 'A price cannot be negative'],
    ['abc', 'is not a price'],
    ['99999', 'more than the 10,000 accepted'],
  ]) {
    await input.fill(typed)
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await expect(counts(page).getByRole('alert')).toContainText(message)
    await expect(counts(page).getByLabel('Prompt cost')).toHaveText(expected(2.5, 10))
  }
  await expect(counts(page).getByLabel('Price source')).toContainText(`prices as of ${PRICE_TABLE_DATE}`)
})

test('damaged saved prices are dropped with a message, the good ones kept', async ({ page }) => {
  await page.evaluate(() =>
    localStorage.setItem('tokenizer-explorer:settings', JSON.stringify({ model: 'gpt-4o', prices: { 'gpt-4o': { input: 1, output: 2 }, o3: { input: -5, output: 1 } } })),
  )
  await page.reload()
  await expect(page.getByText(/Saved prices for o3 were not valid/)).toBeVisible()
  await setText(page, TEXT)
  await expect(counts(page).getByLabel('Prompt cost')).toHaveText(expected(1, 2))
})

test('Compare encodings has an Input cost column only when a price is in use', async ({ page }) => {
  await page.getByText('Compare encodings').click()
  await page.getByRole('button', { name: 'Compare', exact: true }).click()
  const table = page.getByRole('table', { name: 'Token counts by encoding' })
  await expect(table.locator('td[data-encoding="cl100k_base"]')).not.toHaveText('…')
  await expect(table.getByRole('columnheader', { name: 'Cost' })).toHaveCount(0)

  await pickModel(page, 'gpt-4o-mini')
  await expect(table.getByRole('columnheader', { name: 'Cost' })).toBeVisible()
  for (const name of ['o200k_base', 'cl100k_base'] as const) {
    await expect(table.locator(`td[data-cost-encoding="${name}"]`)).toHaveText(formatCost((oracleIds(name, TEXT).length * 0.15) / 1_000_000))
  }
  await expect(page.locator('details.compare').getByLabel('Price source')).toContainText(`gpt-4o-mini: $0.15 in / $0.6 out per million tokens; prices as of ${PRICE_TABLE_DATE}`)
  if (process.env.COST_SHOTS) await page.locator('details.compare').screenshot({ path: '/tmp/price/compare.png' })
})

test('the counts panel with prices shown and edited passes axe in both themes', async ({ page }) => {
  await pickModel(page, 'gpt-4o')
  await counts(page).getByRole('button', { name: 'Edit prices' }).click()
  await counts(page).getByLabel('Reply tokens to price').fill('500')
  await counts(page).getByLabel('Input price per million tokens').fill('-2')
  await expect(counts(page).getByRole('alert')).toBeVisible()
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const result = await new AxeBuilder({ page }).include('section[aria-label="Counts"]').analyze()
    expect(result.violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    if (process.env.COST_SHOTS) await counts(page).screenshot({ path: `/tmp/price/counts-${colorScheme}.png` })
  }
})
