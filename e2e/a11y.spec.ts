import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
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
  test(`axe: no violations with every panel open (${scheme})`, async ({ page }) => {
    test.setTimeout(180_000)
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

/** A short description of the focused element: its accessible name as the page gives it, or its tag. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return '<body>'
    // Text content without what is hidden from screen readers (a glyph button's glyph).
    const shown = el.cloneNode(true) as HTMLElement
    for (const hidden of shown.querySelectorAll('[aria-hidden="true"]')) hidden.remove()
    const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? shown.textContent ?? ''
    return label.trim().replace(/\s+/g, ' ').slice(0, 60) || el.tagName.toLowerCase()
  })
}

test('keyboard: Tab leaves the editor by default; Ctrl+M makes it indent (said under the editor), Escape then Tab still leaves', async ({ page }) => {
  await openFresh(page)
  await setText(page, 'abc')
  const text = editor(page)
  await expect(text).toBeFocused()
  const hint = page.locator('#editor-keys-hint')
  await expect(hint).toContainText('Tab moves focus')
  await expect(text).toHaveAttribute('aria-describedby', 'editor-keys-hint')
  await page.keyboard.press('Tab')
  await expect(text).not.toBeFocused()
  expect(await focusedName(page)).not.toBe('<body>')
  await page.keyboard.press('Shift+Tab')
  await expect(text).toBeFocused()
  await expect(text).toHaveText('abc')
  // Ctrl+M: Tab indents, and the hint and the live region say so.
  await page.keyboard.press('Control+m')
  await expect(hint).toContainText('Tab indents')
  await expect(page.getByRole('status', { name: 'Announcements' })).toHaveText('Tab now indents.')
  await page.keyboard.press('Tab')
  await expect(text).toBeFocused()
  const doc = () => page.evaluate(() => (window as unknown as { tokenizerExplorerView: { state: { doc: { toString(): string } } } }).tokenizerExplorerView.state.doc.toString())
  expect(await doc()).toMatch(/^\s+abc$/)
  // Escape, then Tab: out of the editor even so.
  await page.keyboard.press('Escape')
  await page.keyboard.press('Tab')
  await expect(text).not.toBeFocused()
  await text.focus()
  await page.keyboard.press('Control+m')
  await expect(hint).toContainText('Tab moves focus')
})

test('keyboard tour: every control is reached with Tab and works from the keyboard; focus lands somewhere useful after each action', async ({ page, context }) => {
  test.setTimeout(180_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openFresh(page)
  await setText(page, LONG_TEXT)
  const n = oracleIds('o200k_base', LONG_TEXT).length
  await expectTokenCount(page, n)
  await page.getByRole('checkbox', { name: 'Token IDs' }).focus()
  await page.keyboard.press('Space')
  await expect(page.getByRole('checkbox', { name: 'Token IDs' })).toBeChecked()
  // Open every tool panel from the keyboard (Enter on its summary).
  for (const title of ['Chat prompt', 'Compare encodings', 'Most common tokens', 'Split into chunks', 'Decode token ids']) {
    await page.locator('summary', { hasText: title }).focus()
    await page.keyboard.press('Enter')
    await expect(page.locator('details', { has: page.locator('summary', { hasText: title }) })).toHaveAttribute('open', '')
  }
  await page.getByRole('radio', { name: 'Dim tokens past 1,024' }).focus()
  await page.keyboard.press('Space')
  await expect(page.getByRole('radio', { name: 'Dim tokens past 1,024' })).toBeChecked()
  // The view toggles from the keyboard: each keeps focus; the density strip brings its legend, the sampling lab its panel.
  const toggle = (name: string) => page.getByRole('checkbox', { name, exact: true })
  const legend = page.getByLabel('Density strip legend')
  await toggle('Density strip').focus()
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press('Space')
    await expect(toggle('Density strip')).toBeFocused()
    await expect(legend).toHaveCount((await toggle('Density strip').isChecked()) ? 1 : 0)
  }
  await expect(toggle('Density strip')).toBeChecked()
  await toggle('Line numbers').focus()
  const lineNumbersWere = await toggle('Line numbers').isChecked()
  await page.keyboard.press('Space')
  await expect(toggle('Line numbers')).toBeFocused()
  await expect(page.locator('.cm-lineNumbers')).toHaveCount(lineNumbersWere ? 0 : 1)
  await page.keyboard.press('Space')
  await expect(page.locator('.cm-lineNumbers')).toHaveCount(lineNumbersWere ? 1 : 0)
  await toggle('Sampling lab').focus()
  await page.keyboard.press('Space')
  await expect(toggle('Sampling lab')).toBeFocused()
  const lab = page.getByRole('region', { name: 'Sampling lab' })
  await expect(lab.getByRole('button', { name: 'Sample', exact: true })).toBeVisible()

  // The whole tab order, from the end of the page round to it again: every control is in it, and Tab never sticks.
  for (let i = 0; i < 200 && (await focusedName(page)) !== '<body>'; i++) await page.keyboard.press('Tab')
  expect(await focusedName(page)).toBe('<body>')
  const seen: string[] = []
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab')
    const name = await focusedName(page)
    if (name === '<body>') break
    seen.push(name)
  }
  const expected = [
    'Tokenizer', 'Model', 'Special tokens', 'Whitespace', 'Token IDs', 'Density strip', 'Line numbers', 'Sampling lab', 'Wrap', 'Theme', 'New text', 'Open file', 'Save text', 'Text',
    'Token IDs on screen', 'Copy all IDs', 'Export CSV', 'Export JSON',
    'Close the sampling lab', 'From an API response', 'From your text: n-gram model', 'Distribution', 'Toy example', 'Temperature', 'Top-k', 'Top-p', 'Min-p', 'Seed', 'Sample', 'Sample 1,000',
    'Sidebar width', 'Dim tokens past 1,024', 'What to keep', 'Trim to 1,024 tokens', 'Copy 1,024 tokens',
    'Custom limit', 'Chat model', 'Reply reserve in tokens', 'Role of message 1', 'Name of message 1', 'Remove message 1', 'Message 1', 'Add image to message 1', 'Add message', 'Add editor text', 'Tools', 'Formatted tokens',
    'Compare', 'Second encoding', 'Show', 'Count', 'Chunk size in tokens', 'Overlap in tokens', 'Split', 'Token IDs to decode', 'Decode',
  ]
  if (process.env.A11Y_DEBUG) console.log(JSON.stringify(seen))
  for (const name of expected) expect(seen, `Tab reaches ${name}`).toContain(name)
  expect(seen.length).toBeLessThan(200)
  expect(seen.some((s) => /^cut at line \d+: show where the 1,024-token limit/.test(s))).toBe(true)
  // The sampling lab's step buttons, one per step.
  for (const step of ['temperature', 'top-k', 'top-p', 'min-p']) expect(seen.some((s) => s.startsWith(`${step} `)), `Tab reaches the ${step} step`).toBe(true)

  /** Presses a key on a control and checks that focus is then where `expected` is. */
  const press = async (control: ReturnType<Page['getByRole']>, key: string, where = control) => {
    await control.focus()
    await page.keyboard.press(key)
    await expect(where).toBeFocused()
  }
  // Encoding from the keyboard (a closed select changes with the arrow keys).
  const encoding = page.getByRole('combobox', { name: 'Tokenizer', exact: true })
  await press(encoding, 'ArrowUp')
  await expect(encoding).not.toHaveValue('o200k_base')
  await expect(page.getByRole('status', { name: 'Announcements' })).toHaveText(/^[\d,]+ tokens in \w+\.$/)
  await encoding.selectOption('o200k_base')
  await expectTokenCount(page, n)
  // The theme (web build) likewise.
  const theme = page.getByRole('combobox', { name: 'Theme', exact: true })
  const themeWas = await theme.inputValue()
  await press(theme, 'ArrowDown')
  await expect(theme).not.toHaveValue(themeWas)
  await theme.selectOption(themeWas)

  // Chat rows: Add message keeps focus; removing the last message moves focus to the ✕ before it, not the page.
  const messages = page.getByRole('list', { name: 'Messages' }).getByRole('listitem')
  const rows = await messages.count()
  await press(page.getByRole('button', { name: 'Add message' }), 'Enter')
  await expect(messages).toHaveCount(rows + 1)
  await press(page.getByRole('button', { name: `Remove message ${rows + 1}` }), 'Enter', page.getByRole('button', { name: `Remove message ${rows}` }))
  await expect(messages).toHaveCount(rows)

  // Compare, Show, Split, Decode keep focus while busy and after (they are never disabled under it).
  const compare = page.getByRole('button', { name: 'Compare', exact: true })
  await press(compare, 'Enter')
  await expect(page.locator('td[data-encoding="r50k_base"]')).not.toHaveText('…')
  await expect(compare).toBeFocused()
  await press(page.getByRole('button', { name: 'Count', exact: true }), 'Enter', page.getByRole('button', { name: 'Recount', exact: true }))
  const split = page.getByRole('button', { name: 'Split', exact: true })
  await page.getByLabel('Chunk size in tokens').fill('300')
  await press(split, 'Enter')
  await expect(page.getByRole('list', { name: 'Chunks' }).getByRole('listitem').first()).toBeVisible()
  await expect(split).toBeFocused()
  await press(page.getByRole('button', { name: 'Copy chunk 1' }), 'Enter')
  await page.getByLabel('Token IDs to decode').fill('9906, banana')
  const decode = page.getByRole('button', { name: 'Decode', exact: true })
  await press(decode, 'Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'banana' })).toBeVisible()
  await expect(decode).toBeFocused()
  const decodePanel = page.locator('details.decode')
  await press(decodePanel.getByRole('button', { name: 'Copy text' }), 'Enter')
  const decoded = await page.getByLabel('Decoded text').textContent()
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(decoded)
  const decodedDownload = page.waitForEvent('download')
  await press(decodePanel.getByRole('button', { name: 'Save text' }), 'Enter')
  expect((await decodedDownload).suggestedFilename()).toBe('decoded.txt')

  // The side-by-side dialog: focus moves into it, and back to Show when it closes.
  const show = page.getByRole('button', { name: 'Show', exact: true })
  await press(show, 'Enter', page.getByRole('dialog').getByRole('button', { name: 'Close' }))
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(show).toBeFocused()
  await press(show, 'Enter', page.getByRole('dialog').getByRole('button', { name: 'Close' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(show).toBeFocused()

  // The id list: arrow keys inspect tokens; the inspector's buttons stay focused at either end.
  await editor(page).focus()
  await page.keyboard.press('ControlOrMeta+Home')
  await expect(page.locator('.id-list [data-token-index="0"]')).toBeVisible()
  const ids = page.getByRole('group', { name: 'Token IDs on screen' })
  await ids.focus()
  await page.keyboard.press('Home')
  const inspector = page.getByRole('region', { name: 'Token inspector' })
  await expect(inspector.getByRole('heading')).toHaveText('Token #1')
  await page.keyboard.press('ArrowRight')
  await expect(inspector.getByRole('heading')).toHaveText('Token #2')
  await expect(page.getByRole('status', { name: 'Announcements' })).toHaveText(/^Token 2 of [\d,]+: /)
  await expect(page.locator('.id-list [data-token-index="1"]')).toHaveClass(/tok-focus/)
  const previous = page.getByRole('button', { name: 'Previous token' })
  await press(previous, 'Enter')
  await expect(inspector.getByRole('heading')).toHaveText('Token #1')
  await page.keyboard.press('Enter')
  await expect(previous).toBeFocused()
  await expect(previous).toHaveAttribute('aria-disabled', 'true')
  await expect(inspector.getByRole('heading')).toHaveText('Token #1')
  await press(page.getByRole('button', { name: 'Next token' }), 'Enter')
  await expect(inspector.getByRole('heading')).toHaveText('Token #2')

  // The splitter: arrow keys resize the sidebar.
  const splitter = page.getByRole('separator', { name: 'Sidebar width' })
  const sidebar = page.locator('aside.sidebar')
  const before = (await sidebar.boundingBox())!.width
  await press(splitter, 'ArrowLeft')
  await expect(splitter).toHaveAttribute('aria-valuenow', '336')
  expect((await sidebar.boundingBox())!.width).toBeCloseTo(before + 16, 0)
  await press(splitter, 'Enter')
  await expect(splitter).toHaveAttribute('aria-valuenow', '320')

  // A cut button: focus goes to the text, at the cut.
  await press(page.getByRole('button', { name: /show where the 1,024-token limit cuts/ }), 'Enter', editor(page))
  await expect(inspector.getByRole('heading')).toHaveText('Token #1,025')

  // Trim: the fit controls go away with the excess; focus goes to the text, where Ctrl+Z brings it back.
  await press(page.getByRole('button', { name: 'Trim to 1,024 tokens' }), 'Enter', editor(page))
  await expectTokenCount(page, 1024)
  // Dismissing the message: focus to the text.
  await press(page.getByRole('button', { name: 'Dismiss message' }), 'Enter', editor(page))
  await page.keyboard.press('ControlOrMeta+z')
  await expectTokenCount(page, n)
  expect(await focusedName(page)).toBe('Text')

  // The web build's file buttons: Save text downloads and keeps focus; New text empties the text and puts focus in it (Ctrl+Z undoes).
  const toolbar = page.locator('header.toolbar')
  const saved = page.waitForEvent('download')
  await press(toolbar.getByRole('button', { name: 'Save text' }), 'Enter')
  expect((await saved).suggestedFilename()).toBe('untitled.txt')
  await press(toolbar.getByRole('button', { name: 'New text' }), 'Enter', editor(page))
  await expect(page.getByLabel('Character count')).toHaveText('0')
  await page.keyboard.press('ControlOrMeta+z')
  await expectTokenCount(page, n)

  // The sampling lab from the keyboard: every control keeps focus, or moves it somewhere useful.
  const temperature = lab.getByRole('spinbutton', { name: 'Temperature' })
  await press(temperature, 'ArrowUp')
  await expect(temperature).toHaveValue('1.05')
  const temperatureStep = lab.getByRole('button', { name: /^temperature 1\.05/ })
  await press(temperatureStep, 'Enter')
  await expect(temperatureStep).toHaveAttribute('aria-pressed', 'true')
  await lab.getByRole('textbox', { name: 'Distribution' }).fill('A:0.5, B:0.5')
  await press(lab.getByRole('button', { name: 'Toy example' }), 'Enter')
  await expect(lab.getByRole('textbox', { name: 'Distribution' })).toHaveValue(/^A:0\.4, B:0\.2/)
  await press(lab.getByRole('button', { name: 'Sample', exact: true }), 'Enter')
  await expect(lab.getByRole('status', { name: 'Sampled token' })).toContainText('Draw 1 with seed 42')
  await press(lab.getByRole('button', { name: 'Sample 1,000' }), 'Enter')
  await expect(lab.getByRole('table', { name: 'Observed and expected' })).toBeVisible()
  // From an API response: choose a token, arrow to the next, then Clear (focus to the emptied box).
  const apiSummary = lab.locator('summary', { hasText: 'From an API response' })
  await press(apiSummary, 'Enter')
  const response = lab.getByRole('textbox', { name: 'API response' })
  await response.fill(readFileSync(new URL('../src/shared/sampling/fixtures/openai-chat.json', import.meta.url), 'utf8'))
  const responseTokens = lab.getByRole('group', { name: 'Generated tokens' }).getByRole('button')
  await press(responseTokens.first(), 'Enter')
  await expect(lab.getByRole('table', { name: 'Alternatives' })).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(responseTokens.nth(1)).toBeFocused()
  await expect(responseTokens.nth(1)).toHaveAttribute('aria-pressed', 'true')
  await press(lab.getByRole('button', { name: 'Clear' }), 'Enter', response)
  await expect(response).toHaveValue('')
  // The n-gram model: context length, Generate, a generated token, Insert at the caret.
  await press(lab.locator('summary', { hasText: 'From your text: n-gram model' }), 'Enter')
  await expect(lab.getByRole('status', { name: 'n-gram model status' })).toContainText('Model of')
  await press(lab.getByRole('combobox', { name: 'Context length' }), 'ArrowDown')
  await expect(lab.getByRole('combobox', { name: 'Context length' })).toHaveValue('3')
  await lab.getByRole('spinbutton', { name: 'Tokens to generate' }).fill('3')
  await expect(lab.getByRole('status', { name: 'n-gram model status' })).toContainText('Model of')
  const generate = lab.getByRole('button', { name: 'Generate' })
  await press(generate, 'Enter')
  const generated = lab.getByRole('group', { name: 'Generated by the n-gram model' }).getByRole('button')
  await expect(generated).toHaveCount(3)
  await expect(generate).toBeFocused()
  await press(generated.nth(1), 'Enter')
  await expect(generated.nth(1)).toHaveAttribute('aria-pressed', 'true')
  // An edit rebuilds the model; Generate waits for it without losing focus.
  await generate.focus()
  await page.evaluate(() => (window as unknown as { tokenizerExplorerView: { dispatch(t: unknown): void } }).tokenizerExplorerView.dispatch({ changes: { from: 0, insert: '\n' } }))
  const edited = oracleIds('o200k_base', '\n' + LONG_TEXT).length
  await expectTokenCount(page, edited)
  await expect(lab.getByRole('status', { name: 'n-gram model status' })).toContainText(`Model of ${edited.toLocaleString('en-US')} tokens`)
  await expect(generate).toBeFocused()
  await expect(generate).not.toHaveAttribute('aria-disabled', 'true')
  // Insert at the caret: focus goes to the text, after what was inserted.
  await press(lab.getByRole('button', { name: 'Insert at the caret' }), 'Enter', editor(page))
  await expect(page.getByRole('status', { name: 'Token count' })).not.toHaveText(n.toLocaleString('en-US'))
  // Closing the lab: focus goes back to the toggle that opened it.
  await press(lab.getByRole('button', { name: 'Close the sampling lab' }), 'Enter', toggle('Sampling lab'))
  await expect(lab).toHaveCount(0)
  await expect(toggle('Sampling lab')).not.toBeChecked()
})

test('screen reader: typing and hovering announce nothing; one announcement per Alt+arrow, numbered as the inspector numbers', async ({ page }) => {
  await openFresh(page)
  await setText(page, 'Hello world, tokens!')
  await expectTokenCount(page, oracleIds('o200k_base', 'Hello world, tokens!').length)
  // Record every change to the text of live regions (what a screen reader would be told).
  await page.evaluate(() => {
    const heard: string[] = []
    ;(window as unknown as { heard: string[] }).heard = heard
    const live = () => Array.from(document.querySelectorAll<HTMLElement>('[aria-live]:not([aria-live="off"]), [role=status]:not([aria-live="off"]), [role=alert], [role=log]'))
    new MutationObserver(() => {
      for (const el of live()) {
        const t = el.textContent ?? ''
        if (t && el.dataset.heard !== t) {
          el.dataset.heard = t
          heard.push(t)
        }
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  const heard = () => page.evaluate(() => (window as unknown as { heard: string[] }).heard.slice())
  await editor(page).press('End')
  await page.keyboard.type(' More words here.', { delay: 30 })
  await expectTokenCount(page, oracleIds('o200k_base', 'Hello world, tokens! More words here.').length)
  await page.locator('.cm-content [data-token-index="2"]').hover()
  await expect(page.getByRole('region', { name: 'Token inspector' }).getByRole('heading')).toHaveText('Token #3')
  await page.waitForTimeout(300)
  expect(await heard()).toEqual([])
  await editor(page).press('ControlOrMeta+Home')
  await editor(page).press('Alt+ArrowRight')
  await expect(page.getByRole('region', { name: 'Token inspector' }).getByRole('heading')).toHaveText('Token #2')
  await page.waitForTimeout(300)
  const said = await heard()
  expect(said).toHaveLength(1)
  expect(said[0]).toMatch(/^Token 2 of \d+: ·world, id \d+$/)
})

/** The contrast ratio of two colours given as [r, g, b] in 0-255 (WCAG 2 relative luminance). */
function contrast(a: number[], b: number[]): number {
  const lum = ([r, g, b]: number[]) => {
    const f = (c: number) => {
      const s = c / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    }
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
  }
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p)
  return (x + 0.05) / (y + 0.05)
}

/** In the page: each CSS colour resolved to [r, g, b] by painting it (canvas understands every colour syntax the styles compute to). */
async function resolveColours(page: Page, css: string[], over = '#fff'): Promise<number[][]> {
  return page.evaluate(
    ([list, base]) => {
      const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!
      return list.map((c) => {
        // A translucent colour is seen over what is under it (`base`).
        ctx.fillStyle = base
        ctx.fillRect(0, 0, 1, 1)
        ctx.fillStyle = c
        ctx.fillRect(0, 0, 1, 1)
        return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3))
      })
    },
    [css, over] as const,
  )
}

for (const scheme of ['light', 'dark'] as const) {
  test(`contrast (${scheme}): token text and dimmed tokens 4.5:1, limit labels 4.5:1, token boundaries 3:1 without hue`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await openFresh(page)
    await setText(page, LONG_TEXT)
    await expectTokenCount(page, oracleIds('o200k_base', LONG_TEXT).length)
    await page.getByRole('radio', { name: 'Dim tokens past 1,024' }).check()
    await page.getByLabel('Custom limit').fill('1000')
    await page.getByRole('radio', { name: 'Dim tokens past 1,024' }).check()
    await page.evaluate(() => {
      const scroller = document.querySelector('.cm-scroller')!
      scroller.scrollTop = scroller.scrollHeight * 0.55
    })
    await expect(page.locator('.cm-content [data-token-index="1024"]')).toHaveClass(/tok-over/)
    const styles = await page.evaluate(() => {
      const toks = Array.from(document.querySelectorAll<HTMLElement>('.cm-content .tok[data-token-index]')).filter((el) => el.textContent!.trim() !== '')
      const tokens = toks.map((el) => {
        const cs = getComputedStyle(el)
        const prev = el.previousElementSibling as HTMLElement | null
        return {
          index: Number(el.dataset.tokenIndex),
          over: el.classList.contains('tok-over'),
          color: cs.color,
          background: cs.backgroundColor,
          // The hairline at the token's start (box-shadow: inset 1px 0 0 <colour>).
          edge: cs.boxShadow.replace(/\s*-?\d+(\.\d+)?px.*$/, '').replace(/^inset\s*/, ''),
          previousBackground: prev?.classList.contains('tok') ? getComputedStyle(prev).backgroundColor : null,
        }
      })
      const labels = Array.from(document.querySelectorAll<HTMLElement>('.cm-limit-marker')).map((el) => {
        const cs = getComputedStyle(el, '::after')
        return { label: el.dataset.label, active: el.classList.contains('cm-limit-active'), color: cs.color, background: cs.backgroundColor }
      })
      return { tokens, labels }
    })
    expect(styles.tokens.some((t) => t.over)).toBe(true)
    expect(styles.tokens.some((t) => !t.over)).toBe(true)
    expect(styles.labels.length).toBeGreaterThanOrEqual(2)
    expect(styles.labels.some((l) => !l.active)).toBe(true)
    // The lowest ratio seen per kind, and where (one line per kind that falls short).
    const lowest = new Map<string, { ratio: number; where: string }>()
    const note = (kind: string, ratio: number, where: string) => {
      if (ratio < (lowest.get(kind)?.ratio ?? Infinity)) lowest.set(kind, { ratio, where })
    }
    for (const t of styles.tokens) {
      const [fg, bg] = await resolveColours(page, [t.color, t.background])
      // The hairline is drawn over the token's own background.
      const [edge] = await resolveColours(page, [t.edge], t.background)
      note(t.over ? 'dimmed token text' : 'token text', contrast(fg, bg), `token ${t.index}`)
      note('boundary against its token', contrast(edge, bg), `token ${t.index}`)
      if (t.previousBackground) {
        const [prev] = await resolveColours(page, [t.previousBackground])
        note('boundary against the token before', contrast(edge, prev), `token ${t.index}`)
      }
    }
    for (const l of styles.labels) {
      const [fg, bg] = await resolveColours(page, [l.color, l.background])
      note(l.active ? 'active limit label' : 'other limit label', contrast(fg, bg), `label ${l.label}`)
    }
    const needed = (kind: string) => (kind.startsWith('boundary') ? 3 : 4.5)
    const problems = [...lowest].filter(([kind, { ratio }]) => ratio < needed(kind)).map(([kind, { ratio, where }]) => `${kind}: ${ratio.toFixed(2)}:1 at ${where} (needs ${needed(kind)}:1)`)
    if (process.env.A11Y_DEBUG) console.log(scheme, JSON.stringify([...lowest].map(([k, v]) => [k, v.ratio.toFixed(2)])))
    expect(lowest.size).toBe(6)
    expect(problems).toEqual([])
  })
}

/** Checks that the page reflows: nothing wider than the window, the editor usable, the sidebar below it and reachable by scrolling. */
async function expectReflow(page: Page, width: number): Promise<void> {
  await openFresh(page)
  const layout = await page.evaluate(() => {
    const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect()
    const controls = Array.from(document.querySelectorAll<HTMLElement>('.toolbar select, .toolbar input, .toolbar button, .sidebar button, .sidebar input, .sidebar select, .sidebar summary'))
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const r = el.getBoundingClientRect()
        return { name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName, left: r.left, right: r.right }
      })
    return {
      pageWidth: document.documentElement.scrollWidth,
      editor: box('.editor'),
      sidebar: box('.sidebar'),
      controls,
    }
  })
  if (process.env.A11Y_DEBUG) {
    console.log(await page.evaluate((w) => Array.from(document.querySelectorAll<HTMLElement>('*')).filter((el) => el.getBoundingClientRect().right > w).map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`).slice(0, 30).join('\n'), width))
  }
  if (process.env.A11Y_DEBUG) console.log(width, 'page', layout.pageWidth, 'editor', Math.round(layout.editor.width), '×', Math.round(layout.editor.height))
  expect(layout.pageWidth).toBeLessThanOrEqual(width)
  expect(layout.editor.height).toBeGreaterThanOrEqual(150)
  expect(layout.editor.width).toBeGreaterThanOrEqual(width - 40)
  expect(layout.sidebar.top).toBeGreaterThanOrEqual(layout.editor.bottom - 1)
  for (const c of layout.controls) {
    expect(c.left, `${c.name} is not cut at the left`).toBeGreaterThanOrEqual(0)
    expect(c.right, `${c.name} is not cut at the right`).toBeLessThanOrEqual(width)
  }
  // The counts are reached by scrolling the page, and typing still works.
  await page.getByLabel('Token count').scrollIntoViewIfNeeded()
  await expect(page.getByLabel('Token count')).toBeInViewport()
  await setText(page, 'Reflow keeps working.')
  await expectTokenCount(page, oracleIds('o200k_base', 'Reflow keeps working.').length)
  await expect(editor(page)).toBeVisible()
  expect(await violations(page)).toEqual([])
  if (process.env.A11Y_DEBUG) await page.screenshot({ path: `/tmp/a11y/reflow-${width}.png`, fullPage: true })
}

test.describe('reflow at 320 CSS px (400% zoom of 1280 px)', () => {
  test.use({ viewport: { width: 320, height: 256 } })
  test('one column, editor usable, nothing cut, the page scrolls, no axe violations', async ({ page }) => {
    await expectReflow(page, 320)
  })
})

test.describe('reflow at 200% zoom of 1280×720', () => {
  test.use({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 })
  test('one column, editor usable, nothing cut, the page scrolls, no axe violations', async ({ page }) => {
    await expectReflow(page, 640)
  })
})

test('screenshots at 1280×720 and 1920×1080 in both themes (for people to look at; attached to the report)', async ({ page }, info) => {
  test.setTimeout(120_000)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const [width, height] of [[1280, 720], [1920, 1080]]) {
      await page.setViewportSize({ width, height })
      await openFresh(page)
      await setText(page, LONG_TEXT)
      await expectTokenCount(page, oracleIds('o200k_base', LONG_TEXT).length)
      await page.getByRole('radio', { name: 'Dim tokens past 1,024' }).check()
      await page.getByRole('checkbox', { name: 'Token IDs' }).check()
      await page.evaluate(() => {
        const scroller = document.querySelector('.cm-scroller')!
        scroller.scrollTop = scroller.scrollHeight * 0.55
      })
      await page.waitForTimeout(300)
      const path = info.outputPath(`a11y-${scheme}-${width}x${height}.png`)
      await page.screenshot({ path })
      await info.attach(`${scheme} ${width}×${height}`, { path, contentType: 'image/png' })
    }
  }
})

test('what hovering shows is also reached by keyboard and said in text: the cost strip’s numbers, the limit markers, the ids’ tokens', async ({ page }) => {
  await openFresh(page)
  const lines = ['The quick brown fox jumps over the lazy dog.', 'QmFzZTY0IGlzIGV4cGVuc2l2ZQ==Zm9vYmFyYmF6', '🦙🦙🦙🦙']
  await setText(page, lines.join('\n'))
  await expectTokenCount(page, oracleIds('o200k_base', lines.join('\n')).length)
  const inspector = page.getByRole('region', { name: 'Token inspector' })
  // The caret on line 2 (keyboard only): the inspector says that line's characters per token, as the strip's tooltip does.
  await editor(page).press('ControlOrMeta+Home')
  await editor(page).press('ArrowDown')
  await editor(page).press('ArrowRight')
  const tooltip = await page.locator('.cm-cost').nth(1).getAttribute('title')
  const [, ratio, tokens] = /^Line 2: ([\d.]+) characters per token \((\d+) tokens\)$/.exec(tooltip ?? '')!
  expect(oracleIds('o200k_base', `${lines[1]}\n`).length).toBe(Number(tokens))
  await expect(inspector.locator('.line-cost')).toHaveText(`2: ${ratio} characters per token (${tokens} tokens)`)
  // A limit marker has its words in its accessible name, and the limit row's button goes there.
  await page.getByLabel('Custom limit').fill('5')
  await expect(page.getByRole('note', { name: 'Limit 5 tokens ends here' })).toHaveCount(1)
  await expect(page.getByRole('button', { name: /^cut at line 1: show where the 5-token limit cuts the text$/ })).toBeVisible()
  // An id chip's token: hovering inspects it; so do the arrow keys in the focused id list.
  await page.getByRole('checkbox', { name: 'Token IDs' }).check()
  await page.getByRole('group', { name: 'Token IDs on screen' }).focus()
  await page.keyboard.press('End')
  const total = oracleIds('o200k_base', lines.join('\n')).length
  const last = Number(await page.locator('.id-list [data-token-index]').last().getAttribute('data-token-index'))
  await expect(inspector.getByRole('heading')).toHaveText(`Token #${last + 1}`)
  await expect(page.getByRole('status', { name: 'Announcements' })).toHaveText(new RegExp(`^Token ${last + 1} of ${total}: `))
  await expect(page.locator(`.id-list [data-token-index="${last}"]`)).toHaveClass(/tok-focus/)
})

test('token ids shown only in tooltips can be shown as text: side by side (equal to tiktoken) and in the chat’s formatted tokens', async ({ page }) => {
  await openFresh(page)
  const text = 'Side by side, ids as text: 日本語 🦙 and x += 1.'
  await setText(page, text)
  await expectTokenCount(page, oracleIds('o200k_base', text).length)
  await page.getByText('Compare encodings').click()
  await page.getByLabel('Second encoding').selectOption('r50k_base')
  await page.getByRole('button', { name: 'Show', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Segmentations side by side' })
  await expect(dialog.locator('.chip-id')).toHaveCount(0)
  await dialog.getByRole('checkbox', { name: 'Show IDs' }).check()
  const row = (n: number) => dialog.locator(`.aligned-row:nth-child(${n}) .chip-id`).allTextContents()
  expect((await row(1)).map(Number)).toEqual(oracleIds('o200k_base', text))
  expect((await row(2)).map(Number)).toEqual(oracleIds('r50k_base', text))
  await page.keyboard.press('Escape')

  await page.getByText('Chat prompt').click()
  await page.getByLabel('Message 2', { exact: true }).fill('Hi 🦙')
  await expect(page.getByLabel('Chat total')).toContainText('tokens in the prompt')
  await page.getByText('Formatted tokens').click()
  await page.getByRole('checkbox', { name: 'Show IDs' }).check()
  const chips = page.getByLabel('Formatted chat tokens').locator('.chip')
  const shown = await chips.evaluateAll((els) => els.map((el) => [el.querySelector('.chip-id')?.textContent, /id (\d+)/.exec((el as HTMLElement).title)?.[1], (el as HTMLElement).title]))
  expect(shown.length).toBeGreaterThan(5)
  // A format token whose id is not published says so in its tooltip and shows n/a.
  for (const [id, inTitle, title] of shown) expect([id, title]).toEqual(inTitle === undefined ? ['n/a', expect.stringContaining('id not published')] : [inTitle, title])
  const user = oracleIds('o200k_base', 'Hi 🦙')
  expect(shown.map(([id]) => Number(id)).join(',')).toContain(user.join(','))
})

test.describe('a wide window', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })
  test('the sidebar is resized by dragging its splitter, within bounds, and keeps its width after a reload', async ({ page }) => {
    await openFresh(page)
    const splitter = page.getByRole('separator', { name: 'Sidebar width' })
    const sidebar = page.locator('aside.sidebar')
    expect(Math.round((await sidebar.boundingBox())!.width)).toBe(320)
    const box = (await splitter.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + 200)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 - 300, box.y + 200, { steps: 5 })
    await page.mouse.up()
    await expect(splitter).toHaveAttribute('aria-valuenow', '620')
    expect(Math.round((await sidebar.boundingBox())!.width)).toBe(620)
    // Never past 60% of the window, never below 240 px.
    await page.mouse.move(box.x - 300 + box.width / 2, box.y + 200)
    await page.mouse.down()
    await page.mouse.move(10, box.y + 200, { steps: 5 })
    await page.mouse.up()
    await expect(splitter).toHaveAttribute('aria-valuenow', String(Math.floor(1920 * 0.6)))
    await splitter.focus()
    await page.keyboard.press('Home')
    await expect(splitter).toHaveAttribute('aria-valuenow', '240')
    await page.keyboard.press('Shift+ArrowLeft')
    await expect(splitter).toHaveAttribute('aria-valuenow', '400')
    await page.reload()
    await expect(page.getByRole('separator', { name: 'Sidebar width' })).toHaveAttribute('aria-valuenow', '400')
    expect(Math.round((await sidebar.boundingBox())!.width)).toBe(400)
  })
})
