import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { createRequire } from 'node:module'
import { get_encoding } from 'tiktoken'
import { editor, expectTokenCount, openFresh, oracleIds, setText } from './helpers'

// The vocabulary browser (issue 12): search an encoding's tokens by text, id or #id; results
// checked against tiktoken; arrow keys and Enter; bounded results; axe in both themes.

const require = createRequire(import.meta.url)

/** Opens the Vocabulary panel and searches for `query`. */
async function search(page: Page, query: string): Promise<void> {
  const panel = page.locator('details.vocab')
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click()
  await page.getByLabel('Search tokens').fill(query)
}

function results(page: Page) {
  return page.getByRole('table', { name: 'Matching tokens' })
}

/** How many o200k_base tokens (ordinary and special) hold `needle`'s UTF-8 bytes, by tiktoken's bytes. */
function oracleSubstringCount(needle: string): number {
  const json = require('tiktoken/encoders/o200k_base.json') as { bpe_ranks: string; special_tokens: Record<string, number> }
  const ordinary = json.bpe_ranks.split(' ').length - 2
  const enc = get_encoding('o200k_base')
  const want = Buffer.from(needle)
  let n = 0
  try {
    for (let id = 0; id < ordinary; id++) if (Buffer.from(enc.decode_single_token_bytes(id)).includes(want)) n++
  } finally {
    enc.free()
  }
  for (const name of Object.keys(json.special_tokens)) if (Buffer.from(name).includes(want)) n++
  return n
}

test('" the" in o200k_base: the id tiktoken gives, its bytes, its count in the text; Enter selects its first occurrence', async ({ page }) => {
  const text = 'Once upon a time the cat sat on the mat.'
  await openFresh(page)
  await setText(page, text)
  const ids = oracleIds('o200k_base', text)
  await expectTokenCount(page, ids.length)
  const [the] = oracleIds('o200k_base', ' the')
  expect(oracleIds('o200k_base', ' the')).toHaveLength(1)
  await search(page, ' the')
  const first = results(page).getByRole('row').nth(1)
  await expect(first).toHaveAttribute('data-token-id', String(the))
  await expect(first.getByRole('rowheader')).toHaveText('·the')
  await expect(first.getByRole('cell').nth(1)).toHaveText('20 74 68 65')
  await expect(first.getByRole('cell').nth(2)).toHaveText(String(ids.filter((id) => id === the).length))
  // Keyboard: down from the search field to the first result, Enter selects the first " the".
  await page.getByLabel('Search tokens').press('ArrowDown')
  const find = first.getByRole('button', { name: `Token ${the}: find in text` })
  await expect(find).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('details.vocab').getByText('Selected the first occurrence')).toBeVisible()
  const sel = await page.evaluate(() => {
    const { from, to } = (window as unknown as { tokenizerExplorerView: { state: { selection: { main: { from: number; to: number } } } } }).tokenizerExplorerView.state.selection.main
    return { from, to }
  })
  const from = text.indexOf(' the')
  expect(sel).toEqual({ from, to: from + 4 })
  // The next result is one arrow key away.
  await page.keyboard.press('ArrowDown')
  await expect(results(page).getByRole('row').nth(2).getByRole('button')).toBeFocused()
  if (process.env.VOCAB_SHOT) await page.screenshot({ path: '/tmp/vocab/panel.png', fullPage: true })
})

test('#100257 in cl100k_base is <|endoftext|>; bad ids say why', async ({ page }) => {
  await openFresh(page)
  await page.getByRole('combobox', { name: 'Tokenizer' }).selectOption('cl100k_base')
  await search(page, '#100257')
  const row = results(page).getByRole('row').nth(1)
  await expect(row).toHaveAttribute('data-token-id', '100257')
  const enc = get_encoding('cl100k_base')
  const expected = new TextDecoder().decode(enc.decode_single_token_bytes(100257))
  enc.free()
  await expect(row.getByRole('rowheader')).toHaveText(`${expected} (special)`)
  await search(page, '#-1')
  await expect(page.locator('details.vocab').getByRole('status').first()).toContainText('whole numbers from 0')
  await search(page, '#999999999')
  await expect(page.locator('details.vocab').getByRole('status').first()).toHaveText('cl100k_base has no token 999,999,999 (its ids run 0–100,276).')
  await expect(results(page)).toHaveCount(0)
})

test('a substring search lists at most 200 tokens and says how many more', async ({ page }) => {
  await openFresh(page)
  await search(page, 'e')
  const total = oracleSubstringCount('e')
  expect(total).toBeGreaterThan(200)
  await expect(page.locator('details.vocab').getByRole('status').first()).toHaveText(`200 of ${total.toLocaleString('en-US')} matches shown (${(total - 200).toLocaleString('en-US')} more; type more to narrow).`)
  await expect(results(page).getByRole('row')).toHaveCount(201)
  // The window stays responsive while the worker scans: typing reaches the editor at once.
  await search(page, 'ing')
  await editor(page).click()
  await page.keyboard.type('x')
  await expect(editor(page)).toContainText('x')
})

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no violations with the Vocabulary panel open (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await openFresh(page)
    await search(page, 'the')
    await expect(results(page).getByRole('row')).toHaveCount(201)
    const found = await new AxeBuilder({ page }).include('details.vocab').analyze()
    expect(found.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([])
  })
}
