import { expect, test, type Locator } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { expectTokenCount, openFresh, oracleIds, setText } from './helpers'

// What a new user reads and picks: the toolbar's pickers, messages, the panels' wording.

/** How much of a select's chosen option does not fit in the select (px, 0 when it is all visible). */
async function cutOff(select: Locator): Promise<number> {
  return select.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el)
    const ctx = document.createElement('canvas').getContext('2d')!
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
    const text = ctx.measureText(el.selectedOptions[0].text).width
    // The text box: the select's width less its padding, border and the arrow (about 20 px).
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20
    return Math.max(0, text - room)
  })
}

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
]) {
  test(`at ${width}×${height} the chosen encoding and model are shown whole, and models are grouped by family`, async ({ page }) => {
    await page.setViewportSize({ width, height })
    await openFresh(page)
    const encoding = page.getByRole('combobox', { name: 'Tokenizer' })
    const model = page.getByRole('combobox', { name: 'Model', exact: true })
    for (const name of ['o200k_base', 'p50k_base', 'cl100k_base']) {
      await encoding.selectOption(name)
      expect(await cutOff(encoding)).toBeLessThan(1)
    }
    await expect(model.locator('optgroup')).not.toHaveCount(0)
    // The longest model name in the list, and a common one, each readable once chosen.
    for (const name of ['gpt-4o-mini-realtime-preview-2024-12-17', 'gpt-4o']) {
      await model.selectOption(name)
      expect(await cutOff(model)).toBeLessThan(1)
    }
    // Families: a model sits under its family's group, newest families first.
    const groups = await model.locator('optgroup').evaluateAll((gs) => gs.map((g) => (g as HTMLOptGroupElement).label))
    expect(groups[0]).toBe('GPT-5')
    expect(groups).toEqual(expect.arrayContaining(['GPT-4o', 'GPT-4', 'o-series (reasoning)']))
    await expect(model.locator('optgroup[label="GPT-4o"] option[value="gpt-4o-mini"]')).toHaveCount(1)
    await expect(model.locator('optgroup[label="GPT-4"] option[value="gpt-4-turbo"]')).toHaveCount(1)
    // Every picker stays inside the window.
    for (const select of await page.locator('.toolbar select').all()) {
      const box = (await select.boundingBox())!
      expect(box.x + box.width).toBeLessThanOrEqual(width)
    }
  })
}

test('messages that report an action go when they no longer hold; the status bar speaks plainly', async ({ page, context }) => {
  await openFresh(page)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  // The status bar: the encoding and the count, no chunks or timings.
  const status = page.locator('.status-work')
  await expect(status).toHaveText(/^o200k_base · [\d,]+ tokens$/)
  // "Copied…" is an info message: it goes with the next edit.
  await page.getByRole('checkbox', { name: 'Token IDs' }).check()
  await page.getByRole('button', { name: 'Copy all IDs' }).click()
  await expect(page.getByText(/^Copied [\d,]+ token IDs/)).toBeVisible()
  await page.getByRole('textbox', { name: 'Text' }).press('End')
  await page.keyboard.type('!')
  await expect(page.getByText(/^Copied [\d,]+ token IDs/)).toHaveCount(0)
})

test('an info message also goes by itself after a while', async ({ page, context }) => {
  await page.clock.install()
  await openFresh(page)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('checkbox', { name: 'Token IDs' }).check()
  await page.getByRole('button', { name: 'Copy all IDs' }).click()
  await expect(page.getByText(/^Copied [\d,]+ token IDs/)).toBeVisible()
  await page.clock.runFor(16_000)
  await expect(page.getByText(/^Copied [\d,]+ token IDs/)).toHaveCount(0)
})

test('compare keeps one warm worker: a second Compare of a small text is quick, and the counts say when the text changed since', async ({ page }) => {
  test.setTimeout(150_000)
  // Count the compare workers the page starts.
  await page.addInitScript(() => {
    const Original = window.Worker
    const w = window as unknown as { compareWorkers: number }
    w.compareWorkers = 0
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options)
        if (options?.name === 'compare') w.compareWorkers++
      }
    }
  })
  await openFresh(page)
  const text = 'Compare me across encodings: 日本語, emoji 🦙, code `x += 1`, and numbers 1234567. '.repeat(6)
  await setText(page, text)
  await expectTokenCount(page, oracleIds('o200k_base', text).length)
  await page.getByText('Compare encodings').click()
  const compare = page.getByRole('button', { name: 'Compare', exact: true })
  const table = page.getByRole('table', { name: 'Token counts by encoding' })
  const o200k = table.locator('td[data-encoding="o200k_base"]')
  const harmony = table.locator('td[data-encoding="o200k_harmony"]')
  await compare.click()
  await expect(o200k).toHaveText(oracleIds('o200k_base', text).length.toLocaleString('en-US'))
  await expect(harmony).not.toHaveText('…')
  // The first Compare also loads every bundled tokenizer (one at a time) into the warm worker.
  await expect(compare).toHaveText('Compare', { timeout: 120_000 })
  await expect(compare).toBeEnabled()
  // Once warm: from the click to the last tokenizer's count on screen.
  const times: number[] = []
  for (let i = 0; i < 3; i++) {
    const ms = await page.evaluate(async () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Compare')!
      const cell = () => document.querySelector('tbody tr:last-child td[data-encoding]')!.textContent
      const t0 = performance.now()
      button.click()
      await new Promise<void>((resolve) => {
        const check = () => (cell() !== '…' && button.textContent === 'Compare' && !button.disabled ? resolve() : requestAnimationFrame(check))
        requestAnimationFrame(check)
      })
      return performance.now() - t0
    })
    times.push(ms)
  }
  console.log(`compare of ${text.length} characters once warm: ${times.map((t) => t.toFixed(0)).join(', ')} ms`)
  expect(Math.min(...times)).toBeLessThan(300)
  expect(await page.evaluate(() => (window as unknown as { compareWorkers: number }).compareWorkers)).toBe(1)

  // An edit makes the counts stale, and they say so until compared again.
  const note = page.getByText('The text changed since these counts')
  await expect(note).toHaveCount(0)
  await page.getByRole('textbox', { name: 'Text' }).press('ControlOrMeta+End')
  await page.keyboard.type(' more words')
  await expect(note).toBeVisible()
  await compare.click()
  await expect(o200k).toHaveText(oracleIds('o200k_base', `${text} more words`).length.toLocaleString('en-US'))
  await expect(note).toHaveCount(0)
})

test('most common tokens say when the text or the encoding changed since they were counted', async ({ page }) => {
  await openFresh(page)
  await setText(page, 'x the y the z the w and')
  await expectTokenCount(page, oracleIds('o200k_base', 'x the y the z the w and').length)
  await page.getByText('Most common tokens').click()
  await page.getByRole('button', { name: 'Count', exact: true }).click()
  const note = page.getByText('changed since this count')
  await expect(page.getByRole('table', { name: 'Most common tokens' })).toBeVisible()
  await expect(note).toHaveCount(0)
  await page.getByRole('textbox', { name: 'Text' }).press('ControlOrMeta+End')
  await page.keyboard.type(' the')
  await expect(note).toBeVisible()
  await page.getByRole('button', { name: 'Recount' }).click()
  await expect(note).toHaveCount(0)
  await page.getByRole('combobox', { name: 'Tokenizer' }).selectOption('cl100k_base')
  await expect(note).toBeVisible()
})

test('line numbers beside the text, so "cut at line N" can be found; the toolbar turns them off and the choice is kept', async ({ page }) => {
  await openFresh(page)
  await setText(page, 'one\ntwo\nthree\nfour')
  const numbers = page.locator('.cm-lineNumbers .cm-gutterElement')
  await expect(numbers.filter({ hasText: /^4$/ })).toBeVisible()
  // Line 3's number sits level with line 3.
  const line3 = page.locator('.cm-line').nth(2)
  const number3 = numbers.filter({ hasText: /^3$/ })
  // Polled: the gutter redraws its elements when the tokens (and the density strip) arrive.
  await expect
    .poll(async () => {
      const [a, b] = [await line3.boundingBox(), await number3.boundingBox()]
      return a && b ? Math.abs(a.y - b.y) : Infinity
    })
    .toBeLessThan(2)
  const toggle = page.getByRole('checkbox', { name: 'Line numbers' })
  await expect(toggle).toBeChecked()
  await toggle.uncheck()
  await expect(page.locator('.cm-lineNumbers')).toHaveCount(0)
  await page.waitForTimeout(300)
  await page.reload()
  await expect(page.getByRole('checkbox', { name: 'Line numbers' })).not.toBeChecked()
  await expect(page.locator('.cm-lineNumbers')).toHaveCount(0)
})

test('a limit marker and its flag stay inside their own line, never over the line above', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await openFresh(page)
  await setText(page, 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(120))
  const marker = page.locator('.cm-limit-marker[data-label="1,024"]')
  await marker.scrollIntoViewIfNeeded()
  // The flag takes its own room in the line (it is part of the marker's box, not raised over the text).
  const box = (await marker.boundingBox())!
  expect(box.width).toBeGreaterThan(15)
  // No token of another row lies under it.
  const overlaps = await marker.evaluate((el) => {
    const m = el.getBoundingClientRect()
    const middle = (m.top + m.bottom) / 2
    const hits: string[] = []
    for (const t of document.querySelectorAll<HTMLElement>('.cm-content [data-token-index]')) {
      for (const r of t.getClientRects()) {
        const sameRow = r.top <= middle && middle <= r.bottom
        const across = Math.min(r.right, m.right) - Math.max(r.left, m.left)
        const down = Math.min(r.bottom, m.bottom) - Math.max(r.top, m.top)
        if (!sameRow && across > 0 && down > 1) hits.push(t.textContent ?? '')
      }
    }
    return hits
  })
  expect(overlaps).toEqual([])
})

test('chat: the empty user message is a slot, not counted; editor text fills it; one model for toolbar and chat; token chips never break', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await openFresh(page)
  const text = 'Summarise this prompt, please.'
  await setText(page, text)
  await page.getByText('Chat prompt').click()
  const system = 'You are a helpful assistant.'
  // gpt-4o: 3 per message + role + text, and 3 to prime the reply; the blank user message adds nothing.
  const perMessage = (role: string, content: string) => 3 + oracleIds('o200k_base', role).length + oracleIds('o200k_base', content).length
  await expect(page.getByLabel('Chat total')).toContainText(`${3 + perMessage('system', system)} tokens in the prompt`)
  await expect(page.getByLabel('Tokens of message 2')).toHaveText('Empty: not counted')
  // "Add editor text" fills the empty user message instead of adding a third.
  await page.getByRole('button', { name: 'Add editor text' }).click()
  await expect(page.getByLabel('Message 2', { exact: true })).toHaveValue(text)
  await expect(page.getByLabel('Message 3', { exact: true })).toHaveCount(0)
  await expect(page.getByLabel('Chat total')).toContainText(`${3 + perMessage('system', system) + perMessage('user', text)} tokens in the prompt`)
  // A second time there is no empty message left: it adds one.
  await page.getByRole('button', { name: 'Add editor text' }).click()
  await expect(page.getByLabel('Message 3', { exact: true })).toHaveValue(text)

  // The toolbar's model is the chat's; a model chosen in the chat is the chat's alone (issue 26:
  // it used to switch the editor's model and tokenizer without a word).
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('gpt-4')
  await expect(page.getByLabel('Chat model')).toHaveValue('gpt-4')
  await page.getByLabel('Chat model').selectOption('gpt-4o-mini')
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('gpt-4')
  await expect(page.getByRole('meter', { name: 'Context limit 8,192' })).toBeVisible()

  // Formatted tokens: every chip is one box, never split over two rows ("<|" / "im_start|>").
  await page.getByText('Formatted tokens').click()
  const chips = page.getByLabel('Formatted chat tokens').locator('.chip')
  await expect(chips.first()).toHaveText('<|im_start|>')
  const split = await chips.evaluateAll((els) => els.filter((el) => el.getClientRects().length > 1).map((el) => el.textContent))
  expect(split).toEqual([])
})

test('the inspector keeps "(7 bytes)" on one line', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await openFresh(page)
  await setText(page, 'Welcome to the inspector')
  await page.locator('.cm-content [data-token-index="0"]').hover()
  const hint = page.getByLabel('Token bytes').locator('.hint')
  await expect(hint).toHaveText(' (7 bytes)')
  expect(await hint.evaluate((el) => el.getClientRects().length)).toBe(1)
})

test('the panels’ selects look like the toolbar’s, not native ones', async ({ page }) => {
  await openFresh(page)
  await setText(page, 'word '.repeat(1200))
  await expectTokenCount(page, oracleIds('o200k_base', 'word '.repeat(1200)).length)
  await page.getByRole('radio', { name: 'Dim tokens past 1,024' }).check()
  await page.getByText('Chat prompt').click()
  await page.getByText('Compare encodings').click()
  const look = (l: Locator) => l.evaluate((el) => ['borderTopLeftRadius', 'backgroundColor', 'borderTopColor', 'color'].map((k) => getComputedStyle(el)[k as 'color']))
  const toolbar = await look(page.getByRole('combobox', { name: 'Tokenizer', exact: true }))
  for (const name of ['What to keep', 'Chat model', 'Role of message 1', 'Second encoding']) {
    expect(await look(page.getByLabel(name, { exact: true })), name).toEqual(toolbar)
  }
})

test('the inspector keeps its place in the text when the encoding changes, not its token number', async ({ page }) => {
  await openFresh(page)
  const text = 'alpha beta 日本語のテキストです gamma epsilon'
  await setText(page, text)
  await expectTokenCount(page, oracleIds('o200k_base', text).length)
  // Put the caret inside "epsilon": the inspector shows that token.
  const at = text.indexOf('epsilon') + 3
  await page.evaluate((pos) => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void; focus(): void } }).tokenizerExplorerView
    view.focus()
    view.dispatch({ selection: { anchor: pos } })
  }, at)
  const chip = page.locator('.inspector-chip')
  await expect(chip).toContainText('epsilon')
  // r50k cuts the Japanese into many more tokens: the same number would now be a piece of it.
  await page.getByRole('combobox', { name: 'Tokenizer', exact: true }).selectOption('r50k_base')
  await expectTokenCount(page, oracleIds('r50k_base', text).length)
  // The token that now starts where the inspected one did (" epsilon" in o200k, " e" in r50k);
  // people see token numbers from 1.
  const index = oracleIds('r50k_base', text.slice(0, text.indexOf(' epsilon'))).length
  await expect(page.getByRole('heading', { name: /Token #/ })).toHaveText(`Token #${index + 1}`)
  await expect(chip).toHaveText('·e')
})

test('split previews show a readable start of each chunk, not "# Mixed samp…"', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await openFresh(page)
  const text = 'A sentence about chunking long prompts into pieces that fit. '.repeat(40)
  await setText(page, text)
  await expectTokenCount(page, oracleIds('o200k_base', text).length)
  await page.getByText('Split into chunks').click()
  await page.getByLabel('Chunk size in tokens').fill('100')
  await page.getByRole('button', { name: 'Split', exact: true }).click()
  const preview = page.getByRole('list', { name: 'Chunks' }).locator('.split-preview').first()
  await expect(preview).toBeVisible()
  // At least 60 characters of the chunk are on screen (the preview holds 80).
  const shown = await preview.evaluate((el) => {
    const range = document.createRange()
    range.selectNodeContents(el)
    const box = el.getBoundingClientRect()
    let visible = 0
    const node = el.firstChild!
    for (let i = 0; i < (node.textContent ?? '').length; i++) {
      range.setStart(node, i)
      range.setEnd(node, i + 1)
      const r = range.getBoundingClientRect()
      if (r.width > 0 && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5) visible++
    }
    return visible
  })
  expect(shown).toBeGreaterThanOrEqual(60)
})

test('the web build has New, Save and a theme switch in the toolbar', async ({ page }) => {
  await openFresh(page)
  const text = 'Keep this prompt.'
  await setText(page, text)
  await expectTokenCount(page, oracleIds('o200k_base', text).length)
  // Save: the text as a file (Ctrl+S too).
  let download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save text' }).click()
  expect(await readFile(await (await download).path(), 'utf8')).toBe(text)
  download = page.waitForEvent('download')
  await page.getByRole('textbox', { name: 'Text' }).press('ControlOrMeta+s')
  expect(await readFile(await (await download).path(), 'utf8')).toBe(text)
  // New: an empty text; Undo brings the old one back.
  await page.getByRole('button', { name: 'New text' }).click()
  await expectTokenCount(page, 0)
  await page.getByRole('textbox', { name: 'Text' }).press('ControlOrMeta+z')
  await expectTokenCount(page, oracleIds('o200k_base', text).length)
  // Theme: dark, kept after a reload.
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.waitForTimeout(300)
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark')
})
