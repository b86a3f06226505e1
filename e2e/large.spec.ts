import { expect, test } from '@playwright/test'
import { makeCorpus } from '../src/shared/testing/corpus'
import { editor, openFresh, oracleIds } from './helpers'

// A 10 MB document: open it, edit it in three places, and check the exact count against
// tiktoken after each step. Timings are the benchmark's business; this checks correctness.
test('a 10 MB document opens, stays editable, and its count stays exact through edits', async ({ page }) => {
  test.setTimeout(240_000)
  const text = makeCorpus(10_000_000)
  await openFresh(page)
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open file' }).click()
  await (await chooser).setFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') })
  const count = page.getByLabel('Token count')
  // While the count streams in, the limits say what is sure: over by at least what is counted.
  const limit1024 = page.getByRole('meter', { name: 'Context limit 1,024' })
  await expect(limit1024).toHaveAttribute('aria-valuetext', /^counting, at least [\d,]+ tokens, at least [\d,]+ over$/, { timeout: 60_000 })
  await expect(count).toHaveText(oracleIds('o200k_base', text).length.toLocaleString('en-US'), { timeout: 120_000 })
  await expect(limit1024).toHaveAttribute('aria-valuetext', /^[\d,]+ tokens, [\d,]+ over$/)
  await expect(page.getByLabel('Character count')).toHaveText([...text].length.toLocaleString('en-US'))
  // Coloured tokens are on screen.
  await expect(page.locator('.cm-content [data-token-index]').first()).toBeVisible()

  // Three edits: at the start, in the middle (through the editor's API, as a paste would),
  // and at the end.
  let expected = text
  await editor(page).click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.type('Hello ')
  expected = 'Hello ' + expected
  const middle = Math.floor(expected.length / 2)
  await page.evaluate(
    ({ at, insert }) => {
      const view = (window as unknown as { tokenizerExplorerView: { dispatch(spec: unknown): void } }).tokenizerExplorerView
      view.dispatch({ changes: { from: at, to: at, insert } })
    },
    { at: middle, insert: ' inserted in the middle 🦙\n' },
  )
  expected = expected.slice(0, middle) + ' inserted in the middle 🦙\n' + expected.slice(middle)
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(' The end.')
  expected = expected + ' The end.'
  await expect(count).toHaveText(oracleIds('o200k_base', expected).length.toLocaleString('en-US'), { timeout: 60_000 })

  // Switching the encoding re-tokenizes all 10 MB (in parallel) and lands on the exact count.
  await page.getByRole('combobox', { name: 'Tokenizer' }).selectOption('cl100k_base')
  await expect(count).toHaveText(oracleIds('cl100k_base', expected).length.toLocaleString('en-US'), { timeout: 120_000 })
  await page.getByRole('combobox', { name: 'Tokenizer' }).selectOption('o200k_base')
  await expect(count).toHaveText(oracleIds('o200k_base', expected).length.toLocaleString('en-US'), { timeout: 120_000 })
})

// Only what is on screen is coloured; scrolling must never paint a line without its colours.
test('scrolling a 2 MB document by the mouse wheel never paints an uncoloured line', async ({ page }) => {
  test.setTimeout(120_000)
  const text = makeCorpus(2_000_000)
  await openFresh(page)
  await page.evaluate((text) => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(spec: unknown): void; state: { doc: { length: number } } } }).tokenizerExplorerView
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } })
  }, text)
  await expect(page.getByLabel('Token count')).toHaveText(oracleIds('o200k_base', text).length.toLocaleString('en-US'), { timeout: 60_000 })
  const box = (await page.locator('.cm-scroller').boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, i < 25 ? 350 : -250)
    // Once the frame after the wheel step is painted: every visible line with text has tokens.
    const uncoloured = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel()
            channel.port1.onmessage = () => {
              const screen = document.querySelector('.cm-scroller')!.getBoundingClientRect()
              const bad: string[] = []
              for (const line of document.querySelectorAll('.cm-content .cm-line')) {
                const r = line.getBoundingClientRect()
                if (r.bottom <= screen.top || r.top >= screen.bottom || (line.textContent ?? '').trim() === '') continue
                if (!line.querySelector('[data-token-index]')) bad.push((line.textContent ?? '').slice(0, 40))
              }
              resolve(bad)
            }
            channel.port2.postMessage(null)
          }),
        ),
    )
    expect(uncoloured, `after wheel step ${i}`).toEqual([])
  }
})

// Keystrokes in a 1 MB minified-JSON line: some re-cut more than the editor encodes itself
// and come back from the worker; every one must end with an exact count.
test('typing in a 1 MB line keeps the count exact after every key', async ({ page }) => {
  test.setTimeout(180_000)
  let json = ''
  for (let i = 0; json.length < 1_000_000; i++) json += `{"id":${i},"name":"item ${i}","tags":["a","b"],"v":${(i * 7919) % 1000}.5},`
  await openFresh(page)
  await page.evaluate((text) => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(spec: unknown): void; focus(): void; state: { doc: { length: number } } } }).tokenizerExplorerView
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 500_000 }, scrollIntoView: true })
    view.focus()
  }, json)
  const counts = page.getByRole('region', { name: 'Counts' })
  await expect(page.getByLabel('Token count')).toHaveText(oracleIds('o200k_base', json).length.toLocaleString('en-US'), { timeout: 60_000 })
  // Once the editor tokenizes small edits itself (after a pause).
  await expect(async () => {
    await page.keyboard.press('KeyX')
    await page.keyboard.press('Backspace')
    await expect(counts).toHaveAttribute('data-tokenized-by', 'editor', { timeout: 500 })
  }).toPass({ timeout: 15_000 })
  for (const key of 'xxxx xxxx xxxx xxxx '.split('')) {
    const version = Number(await counts.getAttribute('data-doc-version'))
    await page.keyboard.press(key === ' ' ? 'Space' : 'KeyX')
    await expect(counts).toHaveAttribute('data-doc-version', String(version + 1))
    await expect(counts).toHaveAttribute('data-complete', 'true', { timeout: 10_000 })
  }
  const text = await page.evaluate(() => (window as unknown as { tokenizerExplorerView: { state: { doc: { toString(): string } } } }).tokenizerExplorerView.state.doc.toString())
  expect(text.length).toBe(json.length + 20)
  await expect(page.getByLabel('Token count')).toHaveText(oracleIds('o200k_base', text).length.toLocaleString('en-US'))
})

// Random edits on a 600 KB document once the editor tokenizes small edits itself: typing,
// small and big pastes (some just over what the editor encodes whole), big deletes, a key
// right after a paste. After each, the count must settle on tiktoken's.
test('random edits, small and big, always settle on the exact count', async ({ page }) => {
  test.setTimeout(300_000)
  const base = makeCorpus(600_000)
  await openFresh(page)
  type View = { dispatch(spec: unknown): void; focus(): void; state: { doc: { length: number; toString(): string } } }
  await page.evaluate((text) => {
    const view = (window as unknown as { tokenizerExplorerView: View }).tokenizerExplorerView
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } })
    view.focus()
  }, base)
  const counts = page.getByRole('region', { name: 'Counts' })
  const tokenCount = page.getByLabel('Token count')
  await expect(tokenCount).toHaveText(oracleIds('o200k_base', base).length.toLocaleString('en-US'), { timeout: 60_000 })
  await expect(async () => {
    await page.keyboard.press('KeyX')
    await page.keyboard.press('Backspace')
    await expect(counts).toHaveAttribute('data-tokenized-by', 'editor', { timeout: 500 })
  }).toPass({ timeout: 15_000 })
  let seed = 7
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  const pieces = ['x', ' ', '\n', 'Word ', '🦙', 'é', '"v":1,', 'ab\ncd\n', makeCorpus(26_000), makeCorpus(30_000), makeCorpus(70_000)]
  for (let step = 0; step < 40; step++) {
    const r = [random(1 << 30), random(1 << 30), random(4)]
    await page.evaluate(
      ({ r, pieces }) => {
        const view = (window as unknown as { tokenizerExplorerView: View }).tokenizerExplorerView
        const length = view.state.doc.length
        const from = r[0] % (length + 1)
        const to = r[2] === 0 ? Math.min(length, from + (r[1] % 40_000)) : r[2] === 1 ? Math.min(length, from + (r[1] % 5)) : from
        const insert = r[2] === 0 ? '' : pieces[r[1] % pieces.length]
        view.dispatch({ changes: { from, to, insert }, selection: { anchor: from + insert.length }, scrollIntoView: r[1] % 2 === 0, userEvent: 'input' })
      },
      { r, pieces },
    )
    if (random(3) === 0) await page.keyboard.press(random(2) ? 'Space' : 'KeyQ')
    await expect(counts, `step ${step}`).toHaveAttribute('data-complete', 'true', { timeout: 15_000 })
    const text = await page.evaluate(() => (window as unknown as { tokenizerExplorerView: View }).tokenizerExplorerView.state.doc.toString())
    await expect(tokenCount, `step ${step}`).toHaveText(oracleIds('o200k_base', text).length.toLocaleString('en-US'))
  }
})
