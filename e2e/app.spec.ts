import { expect, test } from '@playwright/test'
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises'
import { unzipSync } from 'fflate'
import { dirname } from 'node:path'
import { get_encoding } from 'tiktoken'
import { makeCorpus } from '../src/shared/testing/corpus'
import { editor, expectTokenCount, openFresh, oracleIds, setText } from './helpers'

test.beforeEach(async ({ page }) => {
  await openFresh(page)
})

test('typing text shows the count and colours each token, neighbours in different colours', async ({ page }) => {
  await setText(page, '')
  await editor(page).pressSequentially('Hello world, tokens!')
  const expected = oracleIds('o200k_base', 'Hello world, tokens!')
  await expectTokenCount(page, expected.length)
  await expect(page.getByLabel('Character count')).toHaveText('20')
  const marks = page.locator('.cm-content [data-token-index]')
  await expect(marks).toHaveCount(expected.length)
  const colours = await marks.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor))
  for (let i = 1; i < colours.length; i++) expect(colours[i]).not.toBe(colours[i - 1])
  // The marks tile the text in order.
  const texts = await marks.allTextContents()
  expect(texts.join('')).toBe('Hello world, tokens!')
})

test('keystrokes are tokenized in the editor’s own frame once its encoder is loaded, and stay exact', async ({ page }) => {
  const lines = Array.from({ length: 30 }, (_, i) => `Line ${i}: the quick brown fox, naïve café, 日本語 🦙.`)
  await setText(page, lines.join('\n'))
  const counts = page.getByRole('region', { name: 'Counts' })
  // The editor's text after each key is the truth the count must match (tiktoken of it).
  const docText = () => page.evaluate(() => (window as unknown as { tokenizerExplorerView: { state: { doc: { toString(): string } } } }).tokenizerExplorerView.state.doc.toString())
  const expectExact = async () => expectTokenCount(page, oracleIds('o200k_base', await docText()).length)
  await expectExact()
  // Caret after "quick" on line 3; the editor loads its own copy of the encoding after a pause.
  await page.evaluate(() => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void; focus(): void; state: { doc: { toString(): string } } } }).tokenizerExplorerView
    const text = view.state.doc.toString()
    view.dispatch({ selection: { anchor: text.indexOf('quick', text.indexOf('Line 3:')) + 5 } })
    view.focus()
  })
  await expect(async () => {
    await page.keyboard.press('KeyX')
    await page.keyboard.press('Backspace')
    await expect(counts).toHaveAttribute('data-tokenized-by', 'editor', { timeout: 500 })
  }).toPass({ timeout: 15_000 })
  await expectExact()
  for (const key of ['KeyA', 'Space', 'Enter', 'KeyB', 'Tab', 'Backspace', 'Delete', 'Backspace']) {
    await page.keyboard.press(key)
    await expectExact()
    await expect(counts).toHaveAttribute('data-tokenized-by', 'editor')
  }
  // An emoji typed by an input method, then deleted (two code units in one keystroke).
  await page.keyboard.insertText('🦙')
  await expectExact()
  await page.keyboard.press('Backspace')
  await expectExact()
  // Joining two lines at a line start (a chunk cut may move), then undo.
  await page.keyboard.press('Home')
  await page.keyboard.press('Backspace')
  await expectExact()
  await page.keyboard.press('ControlOrMeta+z')
  await expectExact()
  await expect(counts).toHaveAttribute('data-tokenized-by', 'editor')
  // The colour marks on screen still tile the text exactly (line breaks are not drawn as text).
  const text = await docText()
  const marks = await page.locator('.cm-content [data-token-index]').evaluateAll((els) =>
    els.map((e) => ({ i: Number((e as HTMLElement).dataset.tokenIndex), text: e.textContent ?? '' })),
  )
  expect(marks[0].i).toBe(0)
  const drawn = marks.map((m) => m.text).join('')
  expect(drawn).toBe(text.replace(/\n/g, '').slice(0, drawn.length))
  expect(drawn).toContain('quicka')
})

test('a big paste is coloured where it lands by the editor itself, and its count is exact when the worker is done', async ({ page, context }) => {
  await setText(page, 'Some text first.\nAnd a second line.')
  const counts = page.getByRole('region', { name: 'Counts' })
  // Typing once the editor has loaded its own encoder (after a pause).
  await editor(page).press('End')
  await expect(async () => {
    await page.keyboard.press('KeyX')
    await page.keyboard.press('Backspace')
    await expect(counts).toHaveAttribute('data-tokenized-by', 'editor', { timeout: 500 })
  }).toPass({ timeout: 15_000 })
  const lines = Array.from({ length: 6000 }, (_, i) => `Line ${i}: {"id": ${i}, "name": "naïve café ${i}"} 日本語 🦙`)
  const big = lines.join('\n')
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.evaluate((text) => navigator.clipboard.writeText(text), big)
  const version = Number(await counts.getAttribute('data-doc-version'))
  await page.keyboard.press('ControlOrMeta+v')
  // That version was tokenized here (its screen), not sent back by the worker.
  await expect(counts).toHaveAttribute('data-doc-version', String(version + 1))
  await expect(counts).toHaveAttribute('data-tokenized-by', 'editor')
  const text = await page.evaluate(() => (window as unknown as { tokenizerExplorerView: { state: { doc: { toString(): string } } } }).tokenizerExplorerView.state.doc.toString())
  expect(text).toBe('Some text first.\nAnd a second line.' + big)
  await expectTokenCount(page, oracleIds('o200k_base', text).length)
  // The marks on screen (the end of the paste) tile the text there.
  const marks = await page.locator('.cm-content [data-token-index]').evaluateAll((els) => els.map((e) => e.textContent ?? ''))
  const drawn = marks.join('')
  expect(drawn.length).toBeGreaterThan(500)
  expect(text.replace(/\n/g, '').endsWith(drawn)).toBe(true)
})

test('a selection shows over the coloured tokens', async ({ page }) => {
  await setText(page, 'Select some of these words and see them highlighted.')
  const token = page.locator('.cm-content [data-token-index="3"]')
  await page.evaluate(() => (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void } }).tokenizerExplorerView.dispatch({ selection: { anchor: 0 } }))
  const before = await token.screenshot()
  // Select the first half; the caret (and the inspected token's outline) ends far from token 3.
  await page.evaluate(() => (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void } }).tokenizerExplorerView.dispatch({ selection: { anchor: 40, head: 0 } }))
  await expect(page.locator('.cm-selectionBackground').first()).toBeAttached()
  expect((await token.screenshot()).equals(before)).toBe(false)
})

test('switching the encoding re-tokenizes with that encoding', async ({ page }) => {
  const text = 'Die Straßenbahn fährt um 23:45 Uhr — 日本語のテキスト, with   spaces.'
  await setText(page, text)
  await expectTokenCount(page, oracleIds('o200k_base', text).length)
  const encoding = page.getByRole('combobox', { name: 'Tokenizer' })
  for (const name of ['cl100k_base', 'r50k_base', 'p50k_base'] as const) {
    await encoding.selectOption(name)
    await expectTokenCount(page, oracleIds(name, text).length)
  }
  // Choosing a model sets its encoding and adds its window as a limit.
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-4')
  await expect(encoding).toHaveValue('cl100k_base')
  await expectTokenCount(page, oracleIds('cl100k_base', text).length)
  await expect(page.getByRole('meter', { name: 'Context limit 8,192' })).toBeVisible()
})

test('crossing 1,024 and 4,096 tokens: meters, markers in the text, dimmed tokens past the limit', async ({ page }) => {
  const sentence = 'The limit marker shows where the context window ends. '
  const text = sentence.repeat(450) // about 4,950 tokens
  await setText(page, text)
  const n = oracleIds('o200k_base', text).length
  expect(n).toBeGreaterThan(4096)
  await expectTokenCount(page, n)
  const m1024 = page.getByRole('meter', { name: 'Context limit 1,024' })
  const m4096 = page.getByRole('meter', { name: 'Context limit 4,096' })
  // Over the limit the meter is full: aria-valuenow stops at aria-valuemax (ARIA), the count is in data-tokens and the text.
  await expect(m1024).toHaveAttribute('aria-valuenow', '1024')
  await expect(m1024).toHaveAttribute('data-tokens', String(n))
  await expect(m1024).toHaveAttribute('aria-valuetext', `${n.toLocaleString('en-US')} tokens, ${(n - 1024).toLocaleString('en-US')} over`)
  await expect(m1024).toHaveAttribute('aria-valuemax', '1024')
  await expect(m4096).toHaveAttribute('aria-valuemax', '4096')
  await expect(page.getByText(`${(n - 4096).toLocaleString('en-US')} over`)).toBeVisible()
  // Scroll to the 1,024 marker: it sits right before token 1,024.
  await page.evaluate(() => {
    const scroller = document.querySelector('.cm-scroller')!
    scroller.scrollTop = scroller.scrollHeight * 0.18
  })
  const marker = page.locator('.cm-limit-marker[data-label="1,024"]')
  await expect(marker).toHaveCount(1)
  await expect(page.locator('.cm-content [data-token-index="1024"]')).toBeVisible()
  const between = await marker.evaluate((el) => {
    const before = document.querySelector('.cm-content [data-token-index="1023"]')!
    const after = document.querySelector('.cm-content [data-token-index="1024"]')!
    const FOLLOWING = Node.DOCUMENT_POSITION_FOLLOWING
    return (before.compareDocumentPosition(el) & FOLLOWING) !== 0 && (el.compareDocumentPosition(after) & FOLLOWING) !== 0 && !after.contains(el)
  })
  expect(between).toBe(true)
  // The active limit is 4,096 by default; switch to 1,024 and tokens past it are dimmed.
  await page.getByRole('radio', { name: 'Dim tokens past 1,024' }).check()
  await expect(page.locator('.cm-content [data-token-index="1024"]')).toHaveClass(/tok-over/)
  await expect(page.locator('.cm-content [data-token-index="1023"]')).not.toHaveClass(/tok-over/)
  // Dimmed means lighter text on a paler background than a token of the same colour slot before the cut.
  const looks = (i: number) => page.locator(`.cm-content [data-token-index="${i}"]`).evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor])
  const [before, after] = [await looks(1024 - 8), await looks(1024)]
  expect(after[0]).not.toBe(before[0])
  expect(after[1]).not.toBe(before[1])
  // A custom limit appears as its own meter and becomes the active one.
  await page.getByLabel('Custom limit').fill('2k')
  const custom = page.getByRole('meter', { name: 'Context limit 2,000' })
  await expect(custom).toHaveAttribute('aria-valuenow', '2000')
  await expect(custom).toHaveAttribute('data-tokens', String(n))
  await expect(page.getByRole('radio', { name: 'Dim tokens past 2,000' })).toBeChecked()
  await page.getByLabel('Custom limit').fill('lots')
  await page.getByLabel('Custom limit').press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'not a number of tokens' })).toBeVisible()
})

test('the custom limit says what it understood, waits for Enter or leaving the field to object, and keeps the last good limit', async ({ page }) => {
  await openFresh(page)
  const input = page.getByLabel('Custom limit')
  const alert = page.getByRole('region', { name: 'Context limits' }).getByRole('alert')
  // What was understood, in en-US digits, with a word on k (1,000) against a binary size.
  await input.fill('8k')
  await expect(input).toHaveAccessibleDescription('= 8,000 tokens · k means 1,000 here; for 8,192 type 8192.')
  await expect(page.getByRole('meter', { name: 'Context limit 8,000' })).toBeVisible()
  // Half-way through typing "1.5m" nothing objects; the limit stays 8,000 meanwhile.
  await input.fill('')
  await input.pressSequentially('1.')
  await expect(alert).toHaveCount(0)
  await input.pressSequentially('5m')
  await expect(page.getByRole('meter', { name: 'Context limit 1,500,000' })).toBeVisible()
  await expect(input).toHaveAccessibleDescription('= 1,500,000 tokens')
  // A decimal comma is not read as a thousands separator (12,5k was 125,000), and a fraction of a token is refused.
  for (const [typed, why] of [
    ['12,5k', 'the comma is not between groups of three digits'],
    ['1.2345k', '“1.2345k” is 1,234.5 tokens; a limit is a whole number of tokens'],
  ]) {
    await input.fill(typed)
    await input.press('Enter')
    await expect(alert).toContainText(why)
    await expect(alert).toContainText('The limit stays 1,500,000.')
    await expect(page.getByRole('meter', { name: 'Context limit 1,500,000' })).toBeVisible()
  }
  // Leaving the field also shows the problem; fixing the number clears it.
  await input.fill('2.5')
  await page.getByRole('heading', { name: 'Context limits' }).click()
  await expect(alert).toContainText('“2.5” is 2.5 tokens')
  await input.fill('1,024')
  await expect(alert).toHaveCount(0)
  await expect(page.getByRole('meter', { name: 'Context limit 1,024' })).toHaveCount(2)
})

test('a limit row says on which line the limit cuts the text and shows it: scrolled there, the first token past it selected', async ({ page }) => {
  const text = makeCorpus(300_000)
  const ids = oracleIds('o200k_base', text)
  // The oracle's cut: the text of the tokens before the limit (a limit that falls between characters).
  const enc = get_encoding('o200k_base')
  const decode = (part: number[]) => new TextDecoder('utf-8', { fatal: true }).decode(enc.decode(Uint32Array.from(part)))
  const cutBetweenCharacters = (from: number) => {
    for (let limit = from; ; limit++) {
      try {
        return { limit, before: decode(ids.slice(0, limit)), first: decode(ids.slice(limit, limit + 1)) }
      } catch {
        // The cut falls inside a character: try the next token.
      }
    }
  }
  const { limit, before, first } = cutBetweenCharacters(40_000)
  enc.free()
  expect(text.startsWith(before)).toBe(true)
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')

  await page.evaluate((t) => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(spec: unknown): void; state: { doc: { length: number } } } }).tokenizerExplorerView
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } })
  }, text)
  await expectTokenCount(page, ids.length)
  await page.getByLabel('Custom limit').fill(String(limit))
  const show = page.getByRole('button', { name: `Show where the ${limit.toLocaleString('en-US')}-token limit cuts the text` })
  await expect(show).toHaveText(`cut at line ${line.toLocaleString('en-US')}`)
  // The 1,024 row has its own cut; a limit the text fits has none.
  await expect(page.getByRole('button', { name: 'Show where the 1,024-token limit cuts the text' })).toBeVisible()
  await page.getByLabel('Custom limit').fill('1m')
  await expect(page.getByRole('button', { name: /Show where the 1,000,000-token limit/ })).toHaveCount(0)
  await page.getByLabel('Custom limit').fill(String(limit))

  await show.click()
  await expect(editor(page)).toBeFocused()
  const selection = await page.evaluate(() => {
    const view = (window as unknown as { tokenizerExplorerView: { state: { selection: { main: { from: number; to: number; head: number } } } } }).tokenizerExplorerView
    const { from, to, head } = view.state.selection.main
    return { from, to, head }
  })
  expect(selection).toEqual({ from: before.length, to: before.length + first.length, head: before.length })
  await expect(page.locator(`.cm-limit-marker[data-label="${limit.toLocaleString('en-US')}"]`)).toBeInViewport()
  await expect(page.getByText(`cuts the text at line ${line.toLocaleString('en-US')}, column ${column.toLocaleString('en-US')}`)).toBeVisible()
  // The inspector shows that token: the first that does not fit (numbered from 1 for people: token limit + 1).
  await expect(page.getByRole('heading', { name: `Token #${(limit + 1).toLocaleString('en-US')}` })).toBeVisible()
})

test('fit to a limit: keep the first, last or both ends, trims at a token boundary, says what was dropped, undo restores, copy leaves the text', async ({ page, context }) => {
  const text = 'Tokens past the limit are dropped 🦙 here. '.repeat(150)
  await setText(page, text)
  const n = oracleIds('o200k_base', text).length
  await expectTokenCount(page, n)
  await page.getByRole('radio', { name: 'Dim tokens past 1,024' }).check()
  await page.getByRole('button', { name: 'Trim to 1,024 tokens' }).click()
  await expect(page.getByText(/Kept the first [\d,]+ tokens and dropped [\d,]+/)).toBeVisible()
  const kept = (await editor(page).textContent()) ?? ''
  expect(text.startsWith(kept)).toBe(true)
  const keptCount = oracleIds('o200k_base', kept).length
  expect(keptCount).toBeLessThanOrEqual(1024)
  expect(keptCount).toBeGreaterThan(1000)
  await expectTokenCount(page, keptCount)
  await editor(page).press('ControlOrMeta+z')
  await expectTokenCount(page, n)
  // After Undo the message no longer holds, so it is gone.
  await expect(page.getByText(/Kept the first/)).toHaveCount(0)
  await page.getByLabel('What to keep').selectOption('tail')
  await page.getByRole('button', { name: 'Trim to 1,024 tokens' }).click()
  const tail = (await editor(page).textContent()) ?? ''
  expect(text.endsWith(tail)).toBe(true)
  expect(oracleIds('o200k_base', tail).length).toBeLessThanOrEqual(1024)
  await editor(page).press('ControlOrMeta+z')
  await expectTokenCount(page, n)

  // Both ends around a marker, copied: the text stays as it was.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByLabel('What to keep').selectOption('both')
  await page.getByLabel('Marker between head and tail').fill('\\n[…]\\n')
  await page.getByRole('button', { name: 'Copy 1,024 tokens' }).click()
  await expect(page.getByText(/Copied [\d,]+ tokens from both ends \(dropped [\d,]+ in between\)/)).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  const [head, rest] = copied.split('\n[…]\n')
  expect(text.startsWith(head)).toBe(true)
  expect(text.endsWith(rest)).toBe(true)
  expect(oracleIds('o200k_base', copied).length).toBeLessThanOrEqual(1024)
  expect(oracleIds('o200k_base', copied).length).toBeGreaterThan(1000)
  await expectTokenCount(page, n)
})

test('special tokens: plain text by default, one marked token when chosen, never a crash', async ({ page }) => {
  const text = 'Start<|endoftext|>middle <|fim_prefix|>end<|endoftext|>'
  await setText(page, text)
  await expectTokenCount(page, oracleIds('o200k_base', text).length)
  await expect(page.locator('.cm-content .tok-special')).toHaveCount(0)
  await page.getByRole('combobox', { name: 'Special tokens' }).selectOption('special')
  // OpenAI's o200k_base has no <|fim_prefix|> (gpt-tokenizer's has): it stays text, as in tiktoken.
  const specials = page.locator('.cm-content .tok-special')
  await expect(specials).toHaveCount(2)
  await expect(specials.first()).toHaveText('<|endoftext|>')
  const tk = get_encoding('o200k_base')
  const expected = tk.encode(text, 'all').length
  tk.free()
  expect(expected).toBe(oracleIds('o200k_base', 'Start').length + 1 + oracleIds('o200k_base', 'middle <|fim_prefix|>end').length + 1)
  await expectTokenCount(page, expected)
  await specials.first().hover()
  await expect(page.getByLabel('Token ID', { exact: true })).toHaveText('199999')
  await expect(page.getByRole('region', { name: 'Token inspector' })).toContainText('Special token')
})

test('emoji split across tokens show their bytes, never U+FFFD', async ({ page }) => {
  const text = 'llama 🦙 and 👩🏽‍💻'
  await setText(page, text)
  await expectTokenCount(page, oracleIds('o200k_base', text).length)
  const inspector = page.getByRole('region', { name: 'Token inspector' })
  const llama = page.locator('.cm-content [data-token-index]').filter({ hasText: '🦙' })
  await llama.hover()
  await expect(page.getByLabel('Token bytes')).toHaveText(/^[0-9a-f]{2}( [0-9a-f]{2})*/)
  // Step through the tokens that make up the emoji: each shows real bytes.
  const seen: string[] = []
  for (let step = 0; step < 3; step++) {
    await expect(page.getByLabel('Token bytes')).toHaveText(/^[0-9a-f]{2}( [0-9a-f]{2})* \(\d+ bytes?\)$/)
    const bytes = (await page.getByLabel('Token bytes').textContent()) ?? ''
    seen.push(bytes.split(' (')[0])
    await page.getByRole('button', { name: 'Next token' }).click()
  }
  // The llama is U+1F999: f0 9f a6 99, spread over the tokens stepped through.
  expect(seen.join(' ')).toContain('f0 9f')
  expect(seen.join(' ')).toMatch(/a6/)
  await expect(inspector).not.toContainText('\ufffd')
  await expect(page.locator('.cm-content')).not.toContainText('\ufffd')
})

test('token-ID view lists the ids in order, equal to tiktoken, and copies them', async ({ page, context }) => {
  const text = 'Token IDs line up with the coloured text: 42 tokens?'
  await setText(page, text)
  await page.getByRole('checkbox', { name: 'Token IDs' }).check()
  const chips = page.locator('.id-list [data-token-id]')
  const expected = oracleIds('o200k_base', text)
  await expect(chips).toHaveCount(expected.length)
  const ids = await chips.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.tokenId)))
  expect(ids).toEqual(expected)
  const indexes = await chips.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.tokenIndex)))
  expect(indexes).toEqual(expected.map((_, i) => i))
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('button', { name: 'Copy all IDs' }).click()
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(expected)
  // Export as JSON: every token with its id, text, bytes and span.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export JSON' }).click()
  const file = await (await download).path()
  const rows = JSON.parse(await readFile(file, 'utf8')) as { id: number; text: string; bytes: string }[]
  expect(rows.map((r) => r.id)).toEqual(expected)
  expect(rows.map((r) => r.text).join('')).toBe(text)
})

test('in a long text the token-ID view lists the tokens on screen, follows scrolling, and a hovered id inspects its token', async ({ page }) => {
  const text = makeCorpus(400_000)
  const expected = oracleIds('o200k_base', text)
  await page.evaluate((t) => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(spec: unknown): void; state: { doc: { length: number } } } }).tokenizerExplorerView
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } })
  }, text)
  await expectTokenCount(page, expected.length)
  await page.getByRole('checkbox', { name: 'Token IDs' }).check()
  const chips = page.locator('.id-list [data-token-id]')
  /** The index of the token drawn at the top-left and bottom-right of the editor's scroll area. */
  const screenTokens = () =>
    page.evaluate(() => {
      const box = document.querySelector('.cm-scroller')!.getBoundingClientRect()
      const x = document.querySelector('.cm-line')!.getBoundingClientRect().left + 10
      const at = (y: number) => Number(document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-token-index]')?.dataset.tokenIndex ?? -1)
      // The first token found going down from the top, and going up from the bottom (empty lines hold none).
      let top = -1
      for (let y = box.top + 2; top < 0 && y < box.bottom; y += 4) top = at(y)
      let bottom = -1
      for (let y = box.bottom - 2; bottom < 0 && y > box.top; y -= 4) bottom = at(y)
      return { top, bottom }
    })
  for (const fraction of [0, 0.5, 0.9]) {
    await page.evaluate((f) => {
      const scroller = document.querySelector('.cm-scroller')!
      scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * f
    }, fraction)
    await page.waitForTimeout(300)
    const { top, bottom } = await screenTokens()
    expect(top).toBeGreaterThanOrEqual(0)
    // The chips start at the first token on screen (or the newline just before it) and reach the last line.
    await expect.poll(async () => Number(await chips.first().getAttribute('data-token-index'))).toBeGreaterThanOrEqual(top - 10)
    expect(Number(await chips.first().getAttribute('data-token-index'))).toBeLessThanOrEqual(top)
    expect(Number(await chips.last().getAttribute('data-token-index'))).toBeGreaterThanOrEqual(bottom)
    const shown = await chips.evaluateAll((els) => els.map((e) => [Number((e as HTMLElement).dataset.tokenIndex), Number((e as HTMLElement).dataset.tokenId)]))
    expect(shown.length).toBeLessThan(2500)
    for (const [index, id] of shown) expect(id).toBe(expected[index])
  }
  const chip = chips.nth(5)
  const index = Number(await chip.getAttribute('data-token-index'))
  await chip.hover()
  await expect(page.getByRole('heading', { name: `Token #${(index + 1).toLocaleString('en-US')}` })).toBeVisible()
})

test('Alt+Left/Right move token by token; the inspector follows and a screen reader hears the token', async ({ page }) => {
  const text = 'Hello world, tokens!'
  await setText(page, text)
  await expectTokenCount(page, oracleIds('o200k_base', text).length)
  await editor(page).press('ControlOrMeta+Home')
  await editor(page).press('Alt+ArrowRight')
  const inspector = page.getByRole('region', { name: 'Token inspector' })
  // One numbering for people, from 1, in the inspector and in what a screen reader hears.
  await expect(inspector.getByRole('heading')).toHaveText('Token #2')
  await expect(page.getByRole('status', { name: 'Announcements' })).toHaveText(/^Token 2 of \d+: ·world, id \d+$/)
  await editor(page).press('Alt+ArrowRight')
  await expect(inspector.getByRole('heading')).toHaveText('Token #3')
  await editor(page).press('Alt+ArrowLeft')
  await expect(inspector.getByRole('heading')).toHaveText('Token #2')
  // The caret moved with it: typing lands at the start of " world".
  await page.keyboard.type('X')
  await expect(editor(page)).toHaveText('HelloX world, tokens!')
})

test('decode: pasted ids become text (emoji whole), bad items are reported by position', async ({ page }) => {
  const text = 'Decode me 🦙 please'
  const ids = oracleIds('o200k_base', text)
  await page.getByText('Decode token ids').click()
  await page.getByLabel('Token IDs to decode').fill(JSON.stringify(ids))
  await page.getByRole('button', { name: 'Decode', exact: true }).click()
  await expect(page.getByLabel('Decoded text')).toHaveText(text)
  await page.getByLabel('Token IDs to decode').fill(`${ids[0]}, banana, 999999999, ${ids[1]}`)
  await page.getByRole('button', { name: 'Decode', exact: true }).click()
  const problems = page.locator('.decode-problems')
  await expect(problems).toContainText('Item 2 (“banana”)')
  await expect(problems).toContainText('Item 3: 999999999 is not a token of o200k_base')
})

test('split: chunks of N tokens with an overlap of M, listed, copied and exported as JSONL', async ({ page, context }) => {
  const text = 'One chunk after another, with a little overlap between them. '.repeat(20)
  await setText(page, text)
  const n = oracleIds('o200k_base', text).length
  await expectTokenCount(page, n)
  await page.getByText('Split into chunks').click()
  await page.getByLabel('Chunk size in tokens').fill('50')
  await page.getByLabel('Overlap in tokens').fill('50')
  await page.getByRole('button', { name: 'Split', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'less than the chunk size' })).toBeVisible()
  await page.getByLabel('Overlap in tokens').fill('10')
  // Fixing the number clears the error before splitting again.
  await expect(page.getByRole('alert').filter({ hasText: 'less than the chunk size' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Split', exact: true }).click()
  const expectedChunks = Math.ceil((n - 10) / 40)
  await expect(page.getByRole('list', { name: 'Chunks' }).getByRole('listitem')).toHaveCount(expectedChunks)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export JSONL' }).click()
  const lines = (await readFile(await (await download).path(), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { tokens: number; text: string })
  expect(lines).toHaveLength(expectedChunks)
  for (const l of lines) expect(oracleIds('o200k_base', l.text).length).toBeLessThanOrEqual(50)
  expect(text.startsWith(lines[0].text)).toBe(true)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('button', { name: 'Copy chunk 2' }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(lines[1].text)

  // Numbered text files in a zip, the same chunks.
  const zipDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export .txt files' }).click()
  const zip = await zipDownload
  expect(zip.suggestedFilename()).toBe('chunks-o200k_base.zip')
  const files = unzipSync(await readFile(await zip.path()))
  expect(Object.keys(files).sort()).toEqual(lines.map((_, i) => `chunk-${String(i + 1).padStart(3, '0')}.txt`))
  expect(new TextDecoder().decode(files['chunk-002.txt'])).toBe(lines[1].text)
})

test('compare: the text counted in every encoding side by side, equal to tiktoken', async ({ page }) => {
  const text = 'Compare me across encodings: 日本語, emoji 🦙, code `x += 1`, and numbers 1234567.'
  await setText(page, text)
  await page.getByText('Compare encodings').click()
  await page.getByRole('button', { name: 'Compare', exact: true }).click()
  const table = page.getByRole('table', { name: 'Token counts by encoding' })
  for (const name of ['r50k_base', 'p50k_base', 'p50k_edit', 'cl100k_base', 'o200k_base'] as const) {
    await expect(table.locator(`td[data-encoding="${name}"]`)).toHaveText(oracleIds(name, text).length.toLocaleString('en-US'))
  }
  await expect(table.locator('td[data-encoding="o200k_harmony"]')).toHaveText(oracleIds('o200k_base', text).length.toLocaleString('en-US'))
  await expect(table.getByRole('row', { name: /cl100k_base/ })).toContainText('%')

  // Side by side with r50k: both counts equal tiktoken's, the stretches that differ are outlined.
  await page.getByLabel('Second encoding').selectOption('r50k_base')
  await page.getByRole('button', { name: 'Show', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Segmentations side by side' })
  await expect(dialog.getByLabel('Alignment summary')).toContainText(
    `o200k_base ${oracleIds('o200k_base', text).length} tokens, r50k_base ${oracleIds('r50k_base', text).length} tokens`,
  )
  const differ = dialog.locator('[data-differ]')
  expect(await differ.count()).toBeGreaterThan(0)
  await expect(differ.filter({ hasText: '日' }).first()).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
})

test('compare side by side aligns the text from the first line on screen, not from the editor\'s render margin', async ({ page }) => {
  const text = Array.from({ length: 3000 }, (_, i) => `Line ${i + 1}: the quick brown fox jumps over the lazy dog.`).join('\n')
  await page.evaluate((t) => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(spec: unknown): void; state: { doc: { length: number } } } }).tokenizerExplorerView
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } })
  }, text)
  await expectTokenCount(page, oracleIds('o200k_base', text).length)
  await page.evaluate(() => {
    const scroller = document.querySelector('.cm-scroller')!
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) / 2
  })
  await page.waitForTimeout(300)
  // The line at the top of the scroll area, read from the layout as a user sees it.
  const top = await page.evaluate(() => {
    type View = { posAtCoords(c: { x: number; y: number }): number | null; state: { doc: { lineAt(p: number): { from: number } } } }
    const view = (window as unknown as { tokenizerExplorerView: View }).tokenizerExplorerView
    const box = document.querySelector('.cm-scroller')!.getBoundingClientRect()
    const left = document.querySelector('.cm-content')!.getBoundingClientRect().left
    return view.state.doc.lineAt(view.posAtCoords({ x: left + 1, y: box.top + 1 })!).from
  })
  expect(top).toBeGreaterThan(10_000)
  await page.getByText('Compare encodings').click()
  await page.getByLabel('Second encoding').selectOption('r50k_base')
  await page.getByRole('button', { name: 'Show', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Segmentations side by side' })
  await expect(dialog.getByLabel('Alignment summary')).toContainText(`from position ${top.toLocaleString('en-US')}:`)
})

test('stats: the most common tokens with counts and shares', async ({ page }) => {
  const text = 'x the y the z the w and'
  await setText(page, text)
  await expectTokenCount(page, oracleIds('o200k_base', text).length)
  await page.getByText('Most common tokens').click()
  await page.getByRole('button', { name: 'Count', exact: true }).click()
  const table = page.getByRole('table', { name: 'Most common tokens' })
  const first = table.getByRole('row').nth(1)
  await expect(first.getByRole('rowheader')).toHaveText('·the')
  await expect(first.getByRole('cell').nth(1)).toHaveText('3')
})

test('whitespace toggle shows spaces, tabs and newlines inside the colouring', async ({ page }) => {
  await setText(page, 'a  b\tc\nd')
  await page.getByRole('checkbox', { name: 'Whitespace' }).check()
  await expect(page.locator('.cm-highlightSpace').first()).toBeVisible()
  await expect(page.locator('.cm-highlightTab')).toHaveCount(1)
  await expect(page.locator('.cm-newline-marker')).toHaveCount(1)
  await page.getByRole('checkbox', { name: 'Whitespace' }).uncheck()
  await expect(page.locator('.cm-newline-marker')).toHaveCount(0)
})

test('a line of 1,000,000 letters (one BPE piece) is counted in seconds, and the window keeps taking input', async ({ page }) => {
  test.setTimeout(150_000)
  // gpt-tokenizer's merge is quadratic in a piece's length: this took minutes before the fast
  // merge (bpeMerge.ts). tiktoken is quadratic too, so the oracle is asked about a shorter run:
  // a run of one letter encodes as one token per 8 letters.
  expect(oracleIds('o200k_base', 'a'.repeat(40_000) + '!').length).toBe(40_000 / 8 + 1)
  const letters = 1_000_000
  await setText(page, 'a'.repeat(letters))
  await editor(page).press('End')
  await page.keyboard.type('!')
  await expect(editor(page)).toContainText('a!')
  await expect(page.getByLabel('Token count')).toHaveText((letters / 8 + 1).toLocaleString('en-US'), { timeout: 60_000 })
})

test('a letter with 20,000 combining marks (Zalgo text) does not freeze the window; typing after it stays exact', async ({ page }) => {
  // Each mark is about one token, and all of them are one grapheme cluster: one coloured piece.
  const text = 'Zalgo: e' + '\u0301\u0308'.repeat(10_000) + ' and after it, more text.\n'
  await setText(page, text)
  // CodeMirror's own backward cluster search made this take minutes (it is quadratic in the cluster's length).
  await expect(page.getByLabel('Token count')).toHaveText(oracleIds('o200k_base', text).length.toLocaleString('en-US'), { timeout: 60_000 })
  await expect(page.locator('.cm-content [data-token-last]').first()).toBeVisible()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('End')
  await page.keyboard.type(' Still here.')
  const typed = text.replace('more text.\n', 'more text. Still here.\n')
  await expect(editor(page)).toContainText('Still here.')
  await expectTokenCount(page, oracleIds('o200k_base', typed).length)
})

test('open file: text opens (undoable), binary files and invalid UTF-8 get clear messages', async ({ page }) => {
  const choose = async (name: string, buffer: Buffer) => {
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Open file' }).click()
    await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer })
  }
  await setText(page, 'my draft')
  await choose('notes.txt', Buffer.from('\ufeffHello from a file'))
  await expect(editor(page)).toHaveText('Hello from a file')
  await expect(page.getByText('Opened notes.txt')).toBeVisible()
  // The title names the file, and marks it once the text is edited.
  await expect(page).toHaveTitle('notes.txt — Tokenizer Explorer')
  await editor(page).press('End')
  await page.keyboard.type('!')
  await expect(page).toHaveTitle('• notes.txt — Tokenizer Explorer')
  await editor(page).press('ControlOrMeta+z')
  await editor(page).press('ControlOrMeta+z')
  await expect(editor(page)).toHaveText('my draft')
  await choose('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]))
  await expect(page.getByRole('alert')).toContainText('binary file')
  await expect(editor(page)).toHaveText('my draft')
  // Over the 50 MB cap: refused before reading, with a message; the text stays.
  const huge = test.info().outputPath('huge.txt')
  await mkdir(dirname(huge), { recursive: true })
  await writeFile(huge, '')
  await truncate(huge, 51 * 1024 * 1024)
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open file' }).click()
  await (await chooser).setFiles(huge)
  await expect(page.getByRole('alert')).toContainText('largest file Tokenizer Explorer opens is 50.0 MB')
  await expect(editor(page)).toHaveText('my draft')
  await choose('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x21]))
  await expect(page.getByText(/1 invalid byte was replaced/)).toBeVisible()
  await expect(editor(page)).toHaveText('caf\ufffd!')
})

test('drop a file on the window: it opens (undoable); a binary one is refused and the text stays', async ({ page }) => {
  await setText(page, 'before the drop')
  const drop = async (name: string, bytes: number[]) => {
    const transfer = await page.evaluateHandle(
      ({ name, bytes }) => {
        const dt = new DataTransfer()
        dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/plain' }))
        return dt
      },
      { name, bytes },
    )
    await page.locator('.app').dispatchEvent('dragover', { dataTransfer: transfer })
    await page.locator('.app').dispatchEvent('drop', { dataTransfer: transfer })
  }
  await drop('dropped.md', [...Buffer.from('# Dropped 🦙')])
  await expect(editor(page)).toHaveText('# Dropped 🦙')
  await expect(page).toHaveTitle('dropped.md — Tokenizer Explorer')
  await expectTokenCount(page, oracleIds('o200k_base', '# Dropped 🦙').length)
  await drop('blob.bin', [0, 1, 2, 0])
  await expect(page.getByRole('alert')).toContainText('binary file')
  await expect(editor(page)).toHaveText('# Dropped 🦙')
  await editor(page).press('ControlOrMeta+z')
  await expect(editor(page)).toHaveText('before the drop')
})

test('a damaged saved setting falls back to defaults without a crash', async ({ page }) => {
  await page.evaluate(() => localStorage.setItem('tokenizer-explorer:settings', '{"encoding": "cl100k_base", "showIds": "yes", '))
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Tokenizer' })).toHaveValue('o200k_base')
  await expect(page.getByLabel('Token count')).not.toHaveText('…')
})

test('the draft and settings come back after a reload', async ({ page }) => {
  await setText(page, 'Remember me, please.')
  await page.getByRole('combobox', { name: 'Tokenizer' }).selectOption('cl100k_base')
  await page.waitForTimeout(900) // autosave runs 600 ms after the last edit
  await page.reload()
  await expect(editor(page)).toHaveText('Remember me, please.')
  await expect(page.getByRole('combobox', { name: 'Tokenizer' })).toHaveValue('cl100k_base')
  await expectTokenCount(page, oracleIds('cl100k_base', 'Remember me, please.').length)
})

test('chat: messages counted in the model’s chat format (equal to the cookbook count by tiktoken), reply reserve against the window', async ({ page }) => {
  await page.getByText('Chat prompt').click()
  const system = 'You are a helpful assistant.'
  const user = 'Summarise <|endoftext|> in one 🦙 line.'
  await page.getByLabel('Message 2', { exact: true }).fill(user)
  // gpt-4o: 3 tokens per message + role + text, 3 to prime the reply.
  const expected = 3 + [['system', system], ['user', user]].reduce((s, [role, text]) => s + 3 + oracleIds('o200k_base', role).length + oracleIds('o200k_base', text).length, 0)
  await expect(page.getByLabel('Chat total')).toContainText(`${expected} tokens in the prompt`)
  await expect(page.getByLabel('Tokens of message 2')).toHaveText(`${oracleIds('o200k_base', user).length + 4} tokens (${oracleIds('o200k_base', user).length} text + 4 format)`)
  await page.getByText('Formatted tokens').click()
  await expect(page.getByLabel('Formatted chat tokens').locator('.tok-special').first()).toHaveText('<|im_start|>')

  // A reserve larger than the window is reported as over.
  await page.getByLabel('Reply reserve in tokens').fill('200k')
  await expect(page.getByRole('meter', { name: 'Chat window' })).toHaveAttribute('aria-valuetext', /over/)
  await page.getByLabel('Reply reserve in tokens').fill('lots')
  await expect(page.getByText('Enter the reply reserve as a whole number')).toBeVisible()

  // Bad names are explained; a model without a chat format says so and counts text only.
  await page.getByLabel('Name of message 2').fill('bad name')
  await expect(page.getByText('Names may use only letters, digits, _ and -.')).toBeVisible()
  await page.getByLabel('Name of message 2').fill('')
  await page.getByRole('button', { name: 'Add message' }).click()
  await page.getByLabel('Role of message 3').selectOption('assistant')
  await page.getByLabel('Chat model').selectOption('text-davinci-003')
  await expect(page.getByText('gpt-tokenizer has no chat format for text-davinci-003')).toBeVisible()
  const textOnly = oracleIds('p50k_base', system).length + oracleIds('p50k_base', user).length
  await expect(page.getByLabel('Chat total')).toContainText(`${textOnly} tokens in the prompt`)
  await page.getByRole('button', { name: 'Remove message 3' }).click()
  await expect(page.getByLabel('Message 3', { exact: true })).toHaveCount(0)
})

test('density strip: each line coloured by characters per token, explained on hover and in a legend, and switched off from the toolbar', async ({ page }) => {
  const lines = ['The quick brown fox jumps over the lazy dog and keeps on running.', 'QmFzZTY0IGlzIGV4cGVuc2l2ZQ==Zm9vYmFyYmF6cXV4', '🦙🦙🦙🦙🦙🦙']
  await setText(page, lines.join('\n'))
  await expectTokenCount(page, oracleIds('o200k_base', lines.join('\n')).length)
  const strip = page.locator('.cm-cost')
  await expect(strip).toHaveCount(3)
  await expect(strip.nth(0)).toHaveClass(/cm-cost-0/)
  await expect(strip.nth(2)).toHaveClass(/cm-cost-4/)
  const prose = oracleIds('o200k_base', `${lines[0]}\n`).length
  await expect(strip.nth(0)).toHaveAttribute('title', `Line 1: ${(lines[0].length / prose).toFixed(2)} characters per token (${prose} tokens)`)
  // The legend names each colour's characters per token.
  const legend = page.getByLabel('Density strip legend')
  await expect(legend).toContainText('4 or more')
  await expect(legend).toContainText('under 1.5')
  await page.getByRole('checkbox', { name: 'Density strip' }).uncheck()
  await expect(strip).toHaveCount(0)
  await expect(legend).toHaveCount(0)
})

test('wrap toggle: long lines wrap by default and scroll sideways when it is off', async ({ page }) => {
  await setText(page, 'word '.repeat(2000))
  const content = page.locator('.cm-content')
  await expect(content).toHaveClass(/cm-lineWrapping/)
  await page.getByRole('checkbox', { name: 'Wrap' }).uncheck()
  await expect(content).not.toHaveClass(/cm-lineWrapping/)
  const scroller = page.locator('.cm-scroller')
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  await expectTokenCount(page, oracleIds('o200k_base', 'word '.repeat(2000)).length)
})

test('long lines draw tokens as boxes: typing, clicking and moving the caret there stay exact; short and right-to-left lines stay inline', async ({ page }) => {
  let json = ''
  for (let i = 0; json.length < 3000; i++) json += `{"id":${i},"name":"item ${i}","tags":["a", "b"],\t"v":${(i * 7919) % 1000}.5}, `
  const rtl = 'مرحبا بالعالم — שלום עולם (mixed with English) '.repeat(60)
  // Right-to-left words only at the two far ends of a long line: boxes between them would be laid out right to left.
  const farRtl = 'مرحبا ' + 'plain words, '.repeat(800) + ' שלום'
  await setText(page, `A short line first.\n${json}\n${rtl}\n${farRtl}\nlast line`)
  const docText = () => page.evaluate(() => (window as unknown as { tokenizerExplorerView: { state: { doc: { toString(): string } } } }).tokenizerExplorerView.state.doc.toString())
  const expectExact = async () => expectTokenCount(page, oracleIds('o200k_base', await docText()).length)
  await expectExact()
  await page.evaluate(() => (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void } }).tokenizerExplorerView.dispatch({ selection: { anchor: 0 }, scrollIntoView: true }))
  const lineMarks = (n: number) => page.locator(`.cm-content .cm-line:nth-child(${n}) [data-token-index]`)
  const displays = (n: number) => lineMarks(n).evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).display))])
  await expect.poll(() => displays(1)).toEqual(['inline'])
  expect(await displays(2)).toEqual(['inline-block'])
  // The long line wraps between tokens: nothing sticks out sideways.
  expect(await page.locator('.cm-scroller').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  expect(await page.locator('.cm-content .cm-line:nth-child(2)').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(200)

  // A click in the middle of a box puts the caret inside that token.
  const box = lineMarks(2).nth(40)
  expect((await box.textContent())!.length).toBeGreaterThanOrEqual(2)
  const k = await box.getAttribute('data-token-index')
  await box.click()
  await expect(page.getByRole('region', { name: 'Token inspector' }).getByRole('heading')).toHaveText(`Token #${Number(k) + 1}`)
  // Typing inside a token and at token edges, as the user sees it: the text and count follow.
  for (const key of ['KeyQ', 'Space', 'Digit7', 'Backspace', 'Home', 'KeyZ', 'End', 'Comma']) {
    await page.keyboard.press(key)
    await expectExact()
  }
  // The caret moves down one wrapped row inside the long line, not to the next line.
  const head = () => page.evaluate(() => (window as unknown as { tokenizerExplorerView: { state: { selection: { main: { head: number } } } } }).tokenizerExplorerView.state.selection.main.head)
  const lineStart = (await docText()).indexOf('\n') + 1
  await page.evaluate((pos) => (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void } }).tokenizerExplorerView.dispatch({ selection: { anchor: pos } }), lineStart)
  await page.keyboard.press('ArrowDown')
  const down = (await head()) - lineStart
  expect(down).toBeGreaterThan(40)
  expect(down).toBeLessThan(150)
  // The marks still tile the text of the long line.
  const text = await docText()
  const line2 = text.split('\n')[1]
  const drawn = (await lineMarks(2).allTextContents()).join('')
  expect(line2.startsWith(drawn) && drawn.length > 200).toBe(true)
  // Right-to-left text keeps inline tokens (boxes would break its order).
  await page.evaluate(() => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void; state: { doc: { line(n: number): { from: number } } } } }).tokenizerExplorerView
    view.dispatch({ selection: { anchor: view.state.doc.line(3).from + 100 }, scrollIntoView: true })
  })
  await expect.poll(() => displays(3)).toEqual(['inline'])
  await page.evaluate(() => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void; state: { doc: { line(n: number): { from: number; length: number } } } } }).tokenizerExplorerView
    const line = view.state.doc.line(4)
    view.dispatch({ selection: { anchor: line.from + Math.floor(line.length / 2) }, scrollIntoView: true })
  })
  const farMarks = page.locator('.cm-content .cm-line', { hasText: 'plain words' }).locator('[data-token-index]')
  await expect.poll(() => farMarks.count()).toBeGreaterThan(100)
  // What is drawn there has no right-to-left letter, yet the tokens stay inline.
  expect(await farMarks.evaluateAll((els) => els.map((e) => e.textContent).join(''))).not.toMatch(/[\u0590-\u08ff]/)
  expect(await farMarks.evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).display))])).toEqual(['inline'])
})

test('the toolbar does not move under the pointer while the model list loads', async ({ page }) => {
  // Record where the first toolbar checkbox is on every frame from the first paint on.
  await page.addInitScript(() => {
    const seen: number[] = []
    ;(window as unknown as { toolbarXs: number[] }).toolbarXs = seen
    const tick = () => {
      const box = document.querySelector('.toolbar input[type=checkbox]')
      if (box) {
        const x = Math.round(box.getBoundingClientRect().x)
        if (seen.at(-1) !== x) seen.push(x)
      }
      if (performance.now() < 4000) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Model' }).locator('option')).not.toHaveCount(1)
  await page.waitForTimeout(300)
  expect(await page.evaluate(() => (window as unknown as { toolbarXs: number[] }).toolbarXs)).toHaveLength(1)
})

test('the page carries a Content-Security-Policy that blocks injected inline scripts', async ({ page }) => {
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("object-src 'none'")
  const ran = await page.evaluate(() => {
    const s = document.createElement('script')
    s.textContent = 'window.__injected = true'
    document.body.append(s)
    return (window as unknown as { __injected?: boolean }).__injected === true
  })
  expect(ran).toBe(false)
})
