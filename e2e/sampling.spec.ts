import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { mkdir, truncate, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { get_encoding } from 'tiktoken'
import { makeCorpus } from '../src/shared/testing/corpus'
import { withVisibleWhitespace } from '../src/shared/display/visibleText'
import { expectTokenCount, longestTask, openFresh, oracleIds, setText, takeProgress, watchLongTasks, watchProgress } from './helpers'

/** Opens the lab from the toolbar and returns its region. */
async function openLab(page: Page) {
  await page.getByRole('checkbox', { name: 'Sampling lab' }).check()
  const lab = page.getByRole('region', { name: 'Sampling lab' })
  await expect(lab.getByRole('textbox', { name: 'Distribution' })).toBeVisible()
  return lab
}

/** The Candidates table's rows as [token, probability] pairs. */
async function candidates(page: Page): Promise<string[][]> {
  const rows = page.getByRole('table', { name: 'Candidates' }).locator('tbody tr')
  return rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? '')))
}
const tokensOf = async (page: Page) => (await candidates(page)).map(([t]) => t)
const probabilityOf = async (page: Page, token: string) => parseFloat((await candidates(page)).find(([t]) => t === token)![1])

test.beforeEach(async ({ page }) => {
  await openFresh(page)
})

test('the toy example: top_p 0.6 keeps exactly A and B, top_k 5 keeps A-E, renormalised', async ({ page }) => {
  const lab = await openLab(page)
  // The toy distribution sums to 0.78: the lab normalises it and says so, and top-p reads the
  // normalised one (as transformers does: its TopPLogitsWarper takes a softmax first). There A holds
  // 0.513 and A+B 0.769: B is kept because the mass before it (0.513) is below 0.6, C is cut
  // because the mass before it (0.769) is not. On the raw numbers the example reads the same
  // (0.4 < 0.6 keeps B; 0.6 reached before C), which is why the classic example holds either way.
  await lab.getByRole('textbox', { name: 'Distribution' }).fill('A:0.4, B:0.2, C:0.1, D:0.05, E:0.02, F:0.01')
  await expect(lab.getByText('The probabilities sum to 0.78, not 1; they were normalised')).toBeVisible()
  await expect.poll(() => tokensOf(page)).toEqual(['A', 'B', 'C', 'D', 'E', 'F'])

  await lab.getByRole('spinbutton', { name: 'Top-p' }).fill('0.6')
  await expect.poll(() => candidates(page)).toEqual([
    ['A', '66.7%'],
    ['B', '33.3%'],
  ])
  // The chart draws the cut where top-p stops.
  await expect(lab.getByText('top-p 0.6 cuts here')).toBeVisible()

  await lab.getByRole('spinbutton', { name: 'Top-p' }).fill('1')
  await lab.getByRole('spinbutton', { name: 'Top-k' }).fill('5')
  await expect.poll(() => tokensOf(page)).toEqual(['A', 'B', 'C', 'D', 'E'])
  expect(await probabilityOf(page, 'A')).toBeCloseTo((100 * 0.4) / 0.77, 1)
  await expect(lab.getByText(/Top-k removed F\./)).toBeAttached()

  // The chart shows the distribution after any one step: after top-k, C holds 0.1 / 0.77; after top-p 0.6 too, it is cut.
  await lab.getByRole('spinbutton', { name: 'Top-p' }).fill('0.6')
  const rowC = lab.locator('.sampling-row[data-token="C"] .sampling-numbers')
  await expect(rowC).toContainText('cut by top-p')
  await lab.getByRole('button', { name: /^top-k 5: 5 left$/ }).click()
  await expect(rowC).toContainText('→ 13.0%')
  await lab.getByRole('button', { name: /^temperature 1: 6 left$/ }).click()
  await expect(rowC).toContainText('→ 12.8%')
  await expect(lab.locator('.sampling-row[data-token="F"] .sampling-numbers')).toContainText('→ 1.3%')
})

test('low temperature sharpens, high temperature flattens, 0 is greedy', async ({ page }) => {
  const lab = await openLab(page)
  const base = await probabilityOf(page, 'A')
  expect(base).toBeCloseTo(51.3, 1)
  const temperature = lab.getByRole('spinbutton', { name: 'Temperature' })
  await temperature.fill('0.5')
  await expect.poll(() => probabilityOf(page, 'A')).toBeGreaterThan(base + 10)
  const sharpF = await probabilityOf(page, 'F')
  await temperature.fill('1.5')
  await expect.poll(() => probabilityOf(page, 'A')).toBeLessThan(base - 5)
  expect(await probabilityOf(page, 'F')).toBeGreaterThan(sharpF)
  await temperature.fill('0')
  await expect.poll(() => candidates(page)).toEqual([['A', '100.0%']])
})

test('Sample draws repeatably with a seed; Sample 1,000 shows observed beside expected', async ({ page }) => {
  const lab = await openLab(page)
  const picked = lab.getByRole('status', { name: 'Sampled token' })
  await lab.getByRole('spinbutton', { name: 'Seed' }).fill('7')
  await lab.getByRole('button', { name: 'Sample', exact: true }).click()
  await expect(picked).toContainText('Draw 1 with seed 7:')
  const first = await picked.textContent()
  await lab.getByRole('button', { name: 'Sample', exact: true }).click()
  await expect(picked).toContainText('Draw 2 with seed 7:')
  // The same seed again starts the same sequence.
  await lab.getByRole('spinbutton', { name: 'Seed' }).fill('8')
  await lab.getByRole('spinbutton', { name: 'Seed' }).fill('7')
  await lab.getByRole('button', { name: 'Sample', exact: true }).click()
  await expect(picked).toHaveText(first!)

  await lab.getByRole('button', { name: 'Sample 1,000' }).click()
  const table = lab.getByRole('table', { name: 'Observed and expected' })
  await expect(table).toBeVisible()
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? '')))
  expect(rows.map((r) => r[0])).toEqual(['A', 'B', 'C', 'D', 'E', 'F'])
  expect(rows.reduce((a, r) => a + Number(r[2]), 0)).toBe(1000)
  expect(Number(rows[0][1])).toBeCloseTo(512.8, 1)
  await expect(lab.getByText(/Chi-square .* degrees of freedom/)).toBeVisible()
  // Same seed, same counts.
  await lab.getByRole('button', { name: 'Sample 1,000' }).click()
  const again = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? '')))
  expect(again).toEqual(rows)
})

test('bad input gets a clear message and the last good values stay', async ({ page }) => {
  const lab = await openLab(page)
  const dist = lab.getByRole('textbox', { name: 'Distribution' })
  await dist.fill('A:0.5, B:-0.1, A:0.2')
  const problems = lab.getByRole('alert').filter({ hasText: 'negative' })
  await expect(problems).toContainText('"B" has a negative probability (-0.1)')
  await expect(problems).toContainText('"A" appears twice')
  await expect(page.getByRole('table', { name: 'Candidates' })).toHaveCount(0)
  await dist.fill('A:0.5, B:0.5')
  await expect.poll(() => tokensOf(page)).toEqual(['A', 'B'])
  await lab.getByRole('spinbutton', { name: 'Top-p' }).fill('3')
  await expect(lab.getByRole('alert')).toContainText('Top-p must be a number from 0 to 1; 3 is not. The last good value is used.')
  await expect.poll(() => tokensOf(page)).toEqual(['A', 'B'])
})

test('keyboard: the settings step with the arrow keys, and the lab passes axe in light and dark', async ({ page }) => {
  const lab = await openLab(page)
  const topK = lab.getByRole('spinbutton', { name: 'Top-k' })
  await topK.focus()
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowUp')
  await expect(topK).toHaveValue('2')
  await expect.poll(() => tokensOf(page)).toEqual(['A', 'B'])
  await page.keyboard.press('Tab')
  await expect(lab.getByRole('spinbutton', { name: 'Top-p' })).toBeFocused()
  // Every part open and filled for the accessibility check: a response, the n-gram model, draws.
  await lab.getByText('From an API response').click()
  await lab.getByRole('textbox', { name: 'API response' }).fill(readFileSync(new URL('../src/shared/sampling/fixtures/openai-chat.json', import.meta.url), 'utf8'))
  await lab.getByRole('group', { name: 'Generated tokens' }).getByRole('button').first().click()
  await lab.getByText('From your text: n-gram model').click()
  await expect(lab.getByRole('status', { name: 'n-gram model status' })).toContainText('Model of')
  await lab.getByRole('button', { name: 'Generate' }).click()
  await lab.getByRole('button', { name: 'Sample 1,000' }).click()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const results = await new AxeBuilder({ page }).include('.sampling-lab').analyze()
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
})

test('screenshots of the lab (light and dark) for review', async ({ page }) => {
  test.skip(!process.env.SAMPLING_SCREENSHOTS, 'only when SAMPLING_SCREENSHOTS names a folder to write to')
  const lab = await openLab(page)
  await lab.getByRole('spinbutton', { name: 'Top-p' }).fill('0.9')
  await lab.getByRole('spinbutton', { name: 'Top-k' }).fill('5')
  await lab.getByRole('button', { name: 'Sample 1,000' }).click()
  await lab.getByRole('button', { name: 'Sample', exact: true }).click()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.screenshot({ path: `${process.env.SAMPLING_SCREENSHOTS}/lab-${scheme}.png` })
  }
  await lab.getByText('From an API response').click()
  await lab.getByRole('textbox', { name: 'API response' }).fill(readFileSync(new URL('../src/shared/sampling/fixtures/openai-chat.json', import.meta.url), 'utf8'))
  await lab.getByRole('group', { name: 'Generated tokens' }).getByRole('button').nth(1).click()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await lab.evaluate((el) => (el.scrollTop = 0))
    await page.screenshot({ path: `${process.env.SAMPLING_SCREENSHOTS}/logprobs-${scheme}.png` })
  }
  await lab.getByText('From an API response').click()
  await lab.getByText('From your text: n-gram model').click()
  await expect(lab.getByRole('status', { name: 'n-gram model status' })).toContainText('Model of')
  await page.evaluate(() => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void; focus(): void; state: { doc: { toString(): string } } } }).tokenizerExplorerView
    view.focus()
    view.dispatch({ selection: { anchor: view.state.doc.toString().indexOf('token') + 5 } })
  })
  await lab.getByRole('button', { name: 'Generate' }).click()
  await lab.getByRole('group', { name: 'Generated by the n-gram model' }).getByRole('button').nth(2).click()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await lab.evaluate((el) => (el.scrollTop = 0))
    await page.screenshot({ path: `${process.env.SAMPLING_SCREENSHOTS}/ngram-${scheme}.png` })
  }
})

test.describe('logprobs from an API response', () => {
  const fixture = (name: string) => readFileSync(new URL(`../src/shared/sampling/fixtures/${name}`, import.meta.url), 'utf8')

  test('pasted: tokens coloured with surprise and perplexity; clicking one loads its alternatives, the rest as "other"', async ({ page }) => {
    const lab = await openLab(page)
    await lab.getByText('From an API response').click()
    await lab.getByRole('textbox', { name: 'API response' }).fill(fixture('openai-chat.json'))
    // exp(-(0.31725305 + 0.9734016 + 0.0000045) / 3) = 1.54
    await expect(lab.getByLabel('Response summary')).toContainText('OpenAI Chat Completions: 3 tokens · perplexity 1.54')
    const tokens = lab.getByRole('group', { name: 'Generated tokens' }).getByRole('button')
    await expect(tokens).toHaveCount(3)
    await expect(tokens.nth(1)).toHaveAccessibleName(/^·there: 37\.8%, surprise 1\.40 bits$/)
    await tokens.nth(1).click()
    const alternatives = lab.getByRole('table', { name: 'Alternatives' })
    await expect(alternatives.locator('tbody tr')).toHaveCount(4)
    await expect(alternatives.locator('tbody tr').last()).toContainText('other (not listed)')
    await expect(lab.getByText(/its 3 listed alternatives hold 98\.2%; the other 1\.8% is tokens the response does not list/)).toBeVisible()
    await expect.poll(() => tokensOf(page)).toEqual(['!', '·there', ','])
    // The lab works on them as on any distribution: top-k 1 keeps the most likely.
    await lab.getByRole('spinbutton', { name: 'Top-k' }).fill('1')
    await expect.poll(() => candidates(page)).toEqual([['!', '100.0%']])
    // Keyboard: the arrow keys move along the tokens and load each.
    await page.keyboard.press('Shift+Tab')
    await tokens.nth(1).focus()
    await page.keyboard.press('ArrowRight')
    await expect(tokens.nth(2)).toBeFocused()
    await expect(lab.getByRole('textbox', { name: 'Distribution' })).toHaveValue(/^!:/)
  })

  test('opened from a file (Ollama JSON lines), and a file over 50 MB is refused with a message', async ({ page }, testInfo) => {
    const lab = await openLab(page)
    await lab.getByText('From an API response').click()
    await lab.getByLabel('Logprobs file').setInputFiles({ name: 'ollama.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(fixture('ollama-stream.ndjson')) })
    await expect(lab.getByText('Opened ollama.ndjson.')).toBeVisible()
    await expect(lab.getByLabel('Response summary')).toContainText('Ollama: 2 tokens')
    // One byte over 50 MB (a sparse file: nothing is written).
    const huge = join(testInfo.outputPath(), 'huge.json')
    await mkdir(dirname(huge), { recursive: true })
    await writeFile(huge, '')
    await truncate(huge, 50 * 1024 * 1024 + 1)
    await lab.getByLabel('Logprobs file').setInputFiles(huge)
    await expect(lab.getByRole('alert')).toContainText('huge.json was not opened. This file is 50.0 MB; the largest file Tokenizer Explorer opens is 50.0 MB.')
    // The response already read stays.
    await expect(lab.getByLabel('Response summary')).toContainText('Ollama: 2 tokens')
  })

  test('malformed responses say what is wrong', async ({ page }) => {
    const lab = await openLab(page)
    await lab.getByText('From an API response').click()
    const box = lab.getByRole('textbox', { name: 'API response' })
    await box.fill('{"choices": [')
    await expect(lab.getByRole('alert')).toContainText('This is not JSON')
    await box.fill('{"choices": [{"logprobs": null}]}')
    await expect(lab.getByRole('alert')).toContainText('has no logprobs: ask for them')
  })
})

test.describe('n-gram model of your text', () => {
  type View = { dispatch(s: unknown): void; focus(): void; state: { doc: { toString(): string; length: number } } }
  const caretAt = (page: Page, pos: number) =>
    page.evaluate((p) => {
      const view = (window as unknown as { tokenizerExplorerView: View }).tokenizerExplorerView
      view.focus()
      view.dispatch({ selection: { anchor: p } })
    }, pos)
  const docText = (page: Page) => page.evaluate(() => (window as unknown as { tokenizerExplorerView: View }).tokenizerExplorerView.state.doc.toString())

  test('with the caret anywhere, the lab shows what followed that context in the text (checked against tiktoken and a brute-force count)', async ({ page }) => {
    const text = 'the cat sat. the cat ran. the dog sat. the cat sat. the'
    await setText(page, text)
    await expectTokenCount(page, oracleIds('o200k_base', text).length)
    const lab = await openLab(page)
    await lab.getByText('From your text: n-gram model').click()
    await expect(lab.getByText('n-gram model of your text, not an LLM.')).toBeVisible()
    await lab.getByRole('combobox', { name: 'Context length' }).selectOption('1')
    await expect(lab.getByRole('status', { name: 'n-gram model status' })).toContainText('Model of')
    // Caret after the last " the": what followed " the" elsewhere?
    await caretAt(page, text.length)
    const ids = oracleIds('o200k_base', text)
    const context = ids[ids.length - 1]
    const counts = new Map<number, number>()
    for (let p = 1; p < ids.length; p++) if (ids[p - 1] === context) counts.set(ids[p], (counts.get(ids[p]) ?? 0) + 1)
    const total = [...counts.values()].reduce((a, b) => a + b, 0)
    const enc = get_encoding('o200k_base')
    const label = (id: number) => withVisibleWhitespace(new TextDecoder().decode(enc.decode(new Uint32Array([id]))))
    const expected = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id, n]) => [label(id), `${((100 * n) / total).toFixed(1)}%`])
    enc.free()
    expect(expected).toEqual([
      ['·cat', '66.7%'],
      ['·dog', '33.3%'],
    ])
    await expect.poll(() => candidates(page)).toEqual(expected)
    await expect(lab.getByText(/the text goes on 3 times in 2 ways/)).toBeVisible()

    // Generate greedily (temperature 0): " cat" then what followed " the cat" most… then insert, one undo step.
    await lab.getByRole('spinbutton', { name: 'Temperature' }).fill('0')
    await lab.getByRole('spinbutton', { name: 'Tokens to generate' }).fill('6')
    await lab.getByRole('button', { name: 'Generate' }).click()
    const generated = lab.getByRole('group', { name: 'Generated by the n-gram model' }).getByRole('button')
    await expect(generated).toHaveCount(6)
    await expect(generated.first()).toHaveAccessibleName('·cat: picked with 100.0% among 1 candidates')
    await generated.nth(1).click()
    await expect(lab.getByText(/generated token 2/)).toBeVisible()
    await caretAt(page, text.length)
    await lab.getByRole('button', { name: 'Insert at the caret' }).click()
    // The insert waits for the tokens' bytes from the worker: wait for the text to change.
    await expect.poll(() => docText(page)).not.toBe(text)
    const after = await docText(page)
    expect(after.startsWith(text + ' cat')).toBe(true)
    expect(oracleIds('o200k_base', after.slice(text.length)).length).toBeGreaterThanOrEqual(5)
    await page.keyboard.press('ControlOrMeta+z')
    await expect.poll(() => docText(page)).toBe(text)
  })
})

test('a 10 MB document: the n-gram model builds in a worker with progress, and the page never blocks for long', async ({ page }) => {
  test.setTimeout(300_000)
  const text = makeCorpus(10_000_000)
  await page.evaluate((t) => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(spec: unknown): void; state: { doc: { length: number } } } }).tokenizerExplorerView
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t }, selection: { anchor: 0 } })
  }, text)
  const tokens = oracleIds('o200k_base', text).length
  await expectTokenCount(page, tokens)
  const lab = await openLab(page)
  // Watch the main thread: the longest task while the model builds.
  await watchLongTasks(page)
  await watchProgress(page, 'Building the n-gram model')
  await lab.getByText('From your text: n-gram model').click()
  await expect(lab.getByRole('status', { name: 'n-gram model status' })).toContainText(`Model of ${tokens.toLocaleString('en-US')} tokens`, { timeout: 120_000 })
  const seen = await takeProgress(page, 'Building the n-gram model')
  expect(seen.length, 'the progress bar "Building the n-gram model" was shown while the model was built').toBeGreaterThan(0)
  await expect(lab.getByRole('progressbar', { name: 'Building the n-gram model' })).toHaveCount(0)
  await expect(lab.getByRole('table', { name: 'Candidates' })).toBeVisible()
  const longest = await longestTask(page)
  console.log(`10 MB (${tokens} tokens): longest main-thread task while the n-gram model was built: ${longest.toFixed(0)} ms; ${await lab.getByRole('status', { name: 'n-gram model status' }).textContent()}`)
  // Kept short because the lab takes only the 1,000 most frequent continuations (timings: docs/performance.md).
  expect(longest).toBeLessThan(200)
})
