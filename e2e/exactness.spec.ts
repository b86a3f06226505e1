// Token ids in the browser equal tiktoken's for the characters whose class JavaScript and
// tiktoken disagree on (issue 17): the app pins its own tables, whatever Unicode version the
// browser's engine carries.
import { expect, test, type Page } from '@playwright/test'
import { get_encoding, type TiktokenEncoding } from 'tiktoken'
import { harmonyExtraSpecials } from '../src/shared/testing/oracle'
import { expectTokenCount, openFresh, setText } from './helpers'

test.beforeEach(async ({ page }) => {
  await openFresh(page)
})

// BOM tokens, U+0085 (white space to tiktoken, not to JavaScript), U+FEFF (the reverse), the
// long s in a contraction, and letters and marks new in Unicode 17 next to apostrophes.
const TEXT = "\ufeff\u540d \ufeff's x\u0085'a I'\u017f \u088f's \ua7ce't \u1acf're x\u{323b0}'ll\n\ufeff."
// (Not a BOM as the very last character: the Token IDs view leaves out zero-width tokens at
// the end of the text, a matter of that view.)

/** The editor's text, as the tokenizer sees it. */
function docText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { tokenizerExplorerView: { state: { doc: { toString(): string } } } }).tokenizerExplorerView.state.doc.toString())
}

for (const name of ['r50k_base', 'cl100k_base', 'o200k_base'] as const) {
  test(`${name}: ids of BOM, U+0085, 'ſ and Unicode 17 characters equal tiktoken`, async ({ page }) => {
    await page.getByRole('combobox', { name: 'Tokenizer' }).selectOption(name)
    await setText(page, TEXT)
    expect(await docText(page)).toBe(TEXT)
    const tk = get_encoding(name as TiktokenEncoding)
    const expected = Array.from(tk.encode_ordinary(TEXT))
    tk.free()
    await expectTokenCount(page, expected.length)
    await page.getByRole('checkbox', { name: 'Token IDs' }).check()
    const chips = page.locator('.id-list [data-token-id]')
    await expect(chips).toHaveCount(expected.length)
    expect(await chips.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.tokenId)))).toEqual(expected)
  })
}

test("o200k_harmony special mode: <|reserved_200018|> is one token, 200018, and nothing throws", async ({ page }) => {
  await page.getByRole('combobox', { name: 'Tokenizer' }).selectOption('o200k_harmony')
  await page.getByRole('combobox', { name: 'Special tokens' }).selectOption('special')
  const text = 'a <|reserved_200018|> b <|endofprompt|> c <|start|>\ufeff'
  await setText(page, text)
  expect(await docText(page)).toBe(text)
  const tk = get_encoding('o200k_base', harmonyExtraSpecials())
  const expected = Array.from(tk.encode(text, 'all'))
  tk.free()
  await expectTokenCount(page, expected.length)
  const specials = page.locator('.cm-content .tok-special')
  await expect(specials).toHaveCount(3)
  await expect(specials.first()).toHaveText('<|reserved_200018|>')
  await specials.first().hover()
  await expect(page.getByLabel('Token ID', { exact: true })).toHaveText('200018')
})
