import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { get_encoding } from 'tiktoken'
import { expectTokenCount, openFresh, oracleIds, setText } from './helpers'

// The tokenizer lab, parts 1 and 4 (issue 22): the inspector's `How this token is built`
// (merge steps, keyboard, hex for partial characters) and the Vocabulary's `Unreachable
// tokens` (checked against tiktoken), with axe over the open states in both themes.

// A loaded 2-core machine: give each test room.
test.setTimeout(240_000)

async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze()
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
}

async function useTokenizer(page: Page, id: string): Promise<void> {
  // The picker is named `Tokenizer` (it was `Encoding`: DESIGN.md accepts both for a while).
  await page.getByRole('combobox', { name: /^(Tokenizer|Encoding)$/ }).selectOption(id)
}

test('How this token is built: the merge steps of " tokenization" in cl100k_base, by keyboard', async ({ page }) => {
  const text = 'Explain tokenization with 🦙.'
  await openFresh(page)
  await useTokenizer(page, 'cl100k_base')
  await setText(page, text)
  await expectTokenCount(page, oracleIds('cl100k_base', text).length)
  // " token" (id 4037): hover it, open the disclosure with the keyboard.
  const token = oracleIds('cl100k_base', text).indexOf(4037)
  expect(token).toBeGreaterThan(0)
  await page.locator(`.cm-content [data-token-index="${token}"]`).hover()
  await expect(page.getByLabel('Token ID', { exact: true })).toHaveText('4037')
  const toggle = page.getByRole('button', { name: 'How this token is built' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.focus()
  await page.keyboard.press('Enter')
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const steps = page.getByRole('list', { name: 'Merge steps' })
  await expect(steps.getByRole('listitem')).toHaveCount(11)
  await expect(steps.getByRole('listitem').first()).toContainText('␣ + t → ␣t')
  await expect(steps.getByRole('listitem').first()).toContainText('rank 259')
  await expect(steps.getByRole('listitem').last()).toContainText('␣to + ken → ␣token')
  await expect(steps.getByRole('listitem').last()).toContainText('␣token · ization')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.locator('.inspector').screenshot({ path: `/tmp/merges/shots/replay-${scheme}.png` })
    expect(await axe(page)).toEqual([])
  }
  // The emoji's bytes: split across tokens, shown as hex (never U+FFFD).
  const llama = oracleIds('cl100k_base', text).indexOf(11410)
  expect(llama).toBeGreaterThan(0)
  await page.locator(`.cm-content [data-token-index="${llama}"]`).first().hover()
  await expect(steps.getByRole('listitem').last()).toContainText('␣<F0><9F>')
  await expect(page.locator('.merge-replay')).not.toContainText('\ufffd')
  // Closing by keyboard hides the steps.
  await toggle.focus()
  await page.keyboard.press('Space')
  await expect(steps).toBeHidden()
})

test('How this token is built in Gemma 3 starts from characters (SentencePiece style)', async ({ page }) => {
  await openFresh(page)
  await useTokenizer(page, 'gemma3')
  await setText(page, 'Explain tokenization')
  await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0, { timeout: 30_000 })
  await page.locator('.cm-content [data-token-index="1"]').hover()
  await page.getByRole('button', { name: 'How this token is built' }).click()
  const steps = page.getByRole('list', { name: 'Merge steps' })
  await expect(steps.getByRole('listitem').last()).toContainText('␣token · ization', { timeout: 30_000 })
  await expect(page.locator('.merge-replay')).toContainText('merge list')
})

/** o200k_base's unreachable tokens by tiktoken: each whole-text token's text encoded on its own. */
function oracleUnreachable(): Set<number> {
  const enc = get_encoding('o200k_base')
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  const out = new Set<number>()
  try {
    for (let id = 0; id < 199998; id++) {
      let text: string
      try {
        text = strict.decode(enc.decode_single_token_bytes(id))
      } catch {
        continue
      }
      const ids = enc.encode_ordinary(text)
      if (ids.length !== 1 || ids[0] !== id) out.add(id)
    }
  } finally {
    enc.free()
  }
  return out
}

test('Unreachable tokens: o200k_base counted in the vocabulary worker with progress, as tiktoken finds them', async ({ page }) => {
  await openFresh(page)
  const panel = page.locator('details.vocab')
  await panel.locator('summary').click()
  await page.getByRole('checkbox', { name: 'Unreachable tokens' }).check()
  const summary = panel.getByRole('status').filter({ hasText: /unreachable tokens in o200k_base/ })
  await expect(summary).toBeVisible({ timeout: 60_000 })
  const want = oracleUnreachable()
  await expect(summary).toContainText(`${want.size.toLocaleString('en-US')} unreachable tokens`)
  const table = page.getByRole('table', { name: 'Unreachable tokens list' })
  const shown = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-token-id'))))
  expect(shown.length).toBe(Math.min(200, want.size))
  for (const id of shown) expect(want.has(id)).toBe(true)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await panel.screenshot({ path: `/tmp/merges/shots/unreachable-${scheme}.png` })
    expect(await axe(page)).toEqual([])
  }
  // Another tokenizer starts a new check (the old one is cancelled): progress, then its count.
  await useTokenizer(page, 'r50k_base')
  await expect(panel.getByRole('status').filter({ hasText: /unreachable tokens in r50k_base/ })).toBeVisible({ timeout: 60_000 })
})
