// Every family of tokenizer in the app: choosing Llama 3, Qwen 3, Gemma 3 or Claude (legacy)
// in the toolbar gives the count of the reference implementation (Hugging Face's Rust
// `tokenizers`; tiktoken over claude.json for Claude), an edit updates it exactly, the colours
// sit on the tokens' own text, and o200k_base comes back. Screenshots go to /tmp/wire/.
import { expect, test, type Page } from '@playwright/test'
import { Tokenizer as RustTokenizer } from 'tokenizers'
import { mkdirSync, readFileSync } from 'node:fs'
import { oracleForTokenizer } from '../src/shared/testing/tokenizerOracle'
import { hfAsset, readJsonAsset } from '../src/shared/tokenizer/catalog'
import { renderChat, type ChatTemplateConfig } from '../src/shared/tokenizer/chatTemplate'
import { sourcePath, sourceReader } from '../src/shared/testing/bundledSources'
import { editor, expectTokenCount, openFresh, oracleIds, setText } from './helpers'
import { makeCorpus } from '../src/shared/testing/corpus'

/** Longest task allowed while the page builds its copy of a tokenizer (a frame held back longer is felt). */
const LONG_TASK_LIMIT_MS = 50
/** A garbage collection of the page's heap (a 500,000-char text and two tokenizers' tables) may take longer; not unbounded. */
const GC_PAUSE_LIMIT_MS = 250

const TEXT =
  'Tokenizers differ: the llama counts 12,345 tokens.\n' +
  'function add(a, b) {\n  return a + b // sum\n}\n' +
  '{"id": 42, "tags": ["a", "b"]}\n' +
  '日本語のテキスト, 한국어, مرحبا 👩🏽‍💻🦙\n' +
  '   indented    with   runs\tand tabs\n'

mkdirSync('/tmp/wire', { recursive: true })

test.beforeEach(async ({ page }) => {
  await openFresh(page)
})

/** Token texts in the editor by token index (a token split over lines joins its pieces). */
async function shownTokenTexts(page: Page): Promise<Map<number, string>> {
  const pieces = await page.locator('.cm-content [data-token-index]').evaluateAll((els) =>
    els.map((e) => [Number((e as HTMLElement).dataset.tokenIndex), e.textContent ?? ''] as const),
  )
  const out = new Map<number, string>()
  for (const [i, t] of pieces) out.set(i, (out.get(i) ?? '') + t)
  return out
}

const CASES = [
  { id: 'llama3', label: 'Llama 3' },
  { id: 'qwen3', label: 'Qwen 3' },
  { id: 'gemma3', label: 'Gemma 3' },
  { id: 'claude-legacy', label: 'Claude' },
] as const

for (const { id, label } of CASES) {
  test(`${label}: the count equals the reference implementation's, an edit updates it, the colours sit on the tokens' text`, async ({ page }) => {
    test.setTimeout(120_000)
    const oracle = oracleForTokenizer(id)
    try {
      await setText(page, TEXT)
      const picker = page.getByRole('combobox', { name: 'Tokenizer' })
      await picker.selectOption(id)
      const expected = await oracle.encode(TEXT, 'text')
      await expectTokenCount(page, expected.length)
      await expect(page.locator('.status-work')).toContainText(id === 'claude-legacy' ? 'Claude' : label)

      // The token elements' text: for an HF tokenizer, the oracle's own offsets; for all, tiling.
      const shown = await shownTokenTexts(page)
      if (id !== 'claude-legacy') {
        const rust = RustTokenizer.fromString(readFileSync(sourcePath(hfAsset(id, 'tokenizer')), 'utf8'))
        const offsets = (await rust.encode(TEXT, null, { addSpecialTokens: false })).getOffsets()
        // The first tokens (ASCII: character offsets are UTF-16 offsets there), skipping newline-only ones.
        let checked = 0
        for (let i = 0; i < 12; i++) {
          const want = TEXT.slice(offsets[i][0], offsets[i][1])
          if (want.trim() === '') continue
          expect(shown.get(i), `token ${i}`).toBe(want)
          checked++
        }
        expect(checked).toBeGreaterThan(5)
      }
      // Spans tile the text: joined in index order, the tokens' texts are the text without its newlines.
      const joined = [...shown.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t).join('')
      expect(joined).toBe(TEXT.replace(/\n/g, ''))

      await page.screenshot({ path: `/tmp/wire/${id}.png` })

      // An edit: the count follows exactly.
      await editor(page).click()
      await page.keyboard.press('ControlOrMeta+End')
      await page.keyboard.insertText('Ein weiterer Satz, naïve café.')
      const edited = TEXT + 'Ein weiterer Satz, naïve café.'
      await expectTokenCount(page, (await oracle.encode(edited, 'text')).length)

      // Back to o200k_base.
      await picker.selectOption('o200k_base')
      await expectTokenCount(page, oracleIds('o200k_base', edited).length)
    } finally {
      oracle.free()
    }
  })
}

test('the picker is labelled Tokenizer and groups every family; Claude says it is approximate', async ({ page }) => {
  const picker = page.getByRole('combobox', { name: 'Tokenizer' })
  const groups = await picker.locator('optgroup').evaluateAll((els) => els.map((e) => (e as HTMLOptGroupElement).label))
  expect(groups).toEqual(['OpenAI encodings', 'Llama', 'Qwen', 'DeepSeek', 'Gemma', 'Mistral', 'Claude (approximate)'])
  await expect(picker.locator('option[value="o200k_base"]')).toHaveText(/^o200k_base — GPT-4o/)
  await expect(picker.locator('option[value="claude-legacy"]')).toHaveText(/approximate for Claude 3 and later/)
  await expect(page.locator('.toolbar label.field').first()).toContainText('Tokenizer')
})

test('Compare counts the text in every bundled tokenizer', async ({ page }) => {
  test.setTimeout(180_000)
  await setText(page, TEXT)
  await page.getByText('Compare encodings').click()
  await page.getByRole('button', { name: 'Compare' }).click()
  const table = page.getByRole('table', { name: 'Token counts by encoding' })
  for (const id of ['llama3', 'gemma3', 'claude-legacy']) {
    const oracle = oracleForTokenizer(id)
    try {
      await expect(table.locator(`td[data-encoding="${id}"]`)).toHaveText((await oracle.encode(TEXT, 'text')).length.toLocaleString('en-US'), { timeout: 60_000 })
    } finally {
      oracle.free()
    }
  }
  await page.screenshot({ path: '/tmp/wire/compare.png' })
})

test('chat with a Llama 3 and a Llama 3.1 model: the total is the oracle’s count of the conversation as each chat template renders it; a Claude model counts the texts alone', async ({ page }) => {
  test.setTimeout(120_000)
  const messages = [
    { role: 'system', content: 'You answer in one line. <|eot_id|> is only text here.' },
    { role: 'user', content: 'How many tokens are 日本語 and 🦙?' },
  ]
  const config = (await readJsonAsset(sourceReader, hfAsset('llama3', 'tokenizer_config'))) as ChatTemplateConfig
  const rendered = renderChat(config, messages, true)
  if (!rendered.ok) throw new Error(rendered.reason)
  const oracle = oracleForTokenizer('llama3')
  try {
    const expected = await oracle.encode(rendered.text, 'special')
    const userText = await oracle.encode(messages[1].content, 'text')
    await page.getByText('Chat prompt').click()
    await page.getByLabel('Chat model').selectOption('llama-3-8b-instruct')
    await page.getByLabel('Message 1', { exact: true }).fill(messages[0].content)
    await page.getByLabel('Message 2', { exact: true }).fill(messages[1].content)
    await expect(page.getByLabel('Chat total')).toContainText(`${expected.length.toLocaleString('en-US')} tokens in the prompt as the chat template renders it`, { timeout: 60_000 })
    await expect(page.getByText('Counted as Llama 3’s chat template renders it (apply_chat_template, with the generation prompt)')).toBeVisible()
    await expect(page.getByLabel('Tokens of message 2')).toHaveText(`${userText.length} tokens`)
    await page.getByText('Formatted tokens').click()
    const chips = page.getByLabel('Formatted chat tokens').locator('.chip')
    await expect(chips).toHaveCount(expected.length)
    await expect(chips.first()).toHaveText('<|begin_of_text|>')
    await expect(chips.first()).toHaveClass(/tok-special/)
    await page.screenshot({ path: '/tmp/wire/chat-llama3.png', fullPage: true })
  } finally {
    oracle.free()
  }

  // Llama 3.1 and later: their own template (system header with the date lines), same messages.
  const config31 = (await readJsonAsset(sourceReader, hfAsset('llama3.1', 'tokenizer_config'))) as ChatTemplateConfig
  const rendered31 = renderChat(config31, messages, true)
  if (!rendered31.ok) throw new Error(rendered31.reason)
  expect(rendered31.text).toContain('Cutting Knowledge Date: December 2023')
  const oracle31 = oracleForTokenizer('llama3.1')
  try {
    const expected31 = await oracle31.encode(rendered31.text, 'special')
    await page.getByLabel('Chat model').selectOption('llama-3.1-8b-instruct')
    await expect(page.getByLabel('Chat total')).toContainText(`${expected31.length.toLocaleString('en-US')} tokens in the prompt as the chat template renders it`, { timeout: 60_000 })
    await expect(page.getByText('Counted as Llama 3.1 / 3.2 / 3.3’s chat template renders it (apply_chat_template, with the generation prompt)')).toBeVisible()
  } finally {
    oracle31.free()
  }

  // Claude's legacy tokenizer has no chat template: the texts alone, and the panel says so.
  const claude = oracleForTokenizer('claude-legacy')
  try {
    let textsOnly = 0
    for (const m of messages) textsOnly += (await claude.encode(m.content, 'text')).length
    await page.getByLabel('Chat model').selectOption('claude-haiku-4-5')
    await expect(page.getByText('claude-haiku-4-5’s tokenizer has no chat template: the counts are the message texts only')).toBeVisible()
    await expect(page.getByLabel('Chat total')).toHaveText(new RegExp(`^${textsOnly} tokens in the prompt \\+`), { timeout: 60_000 })
  } finally {
    claude.free()
  }
})

/** A trace event of Chromium's (the fields the test reads). */
interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** Thread (CPU) time of a complete event, in microseconds. */
  tdur?: number
  args?: { name?: string }
}

test('Llama 3 on a large text: the page loads its own copy in slices (no long task), then a keystroke shows the oracle’s count in its own frame', async ({ page, browser }) => {
  test.setTimeout(300_000)
  const text = makeCorpus(500_000, 14)
  const oracle = oracleForTokenizer('llama3')
  try {
    await setText(page, text)
    await expectTokenCount(page, oracleIds('o200k_base', text).length)
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: [number, number][] }
      w.longTasks = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push([e.startTime, e.duration])
      }).observe({ type: 'longtask' })
    })
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] })
    await page.getByRole('combobox', { name: 'Tokenizer' }).selectOption('llama3')
    await expect(page.getByLabel('Token count', { exact: true })).toHaveText((await oracle.encode(text, 'text')).length.toLocaleString('en-US'), { timeout: 60_000 })
    // The page's copy loads once the worker's count is done: the tasks from its start to its end.
    await page.waitForFunction(() => performance.getEntriesByName('page tokenizer: llama3 end').length > 0, null, { timeout: 60_000 })
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }
    const longTasks = await page.evaluate(() => {
      const start = performance.getEntriesByName('page tokenizer: llama3 start')[0].startTime
      const end = performance.getEntriesByName('page tokenizer: llama3 end')[0].startTime
      return (window as unknown as { longTasks: [number, number][] }).longTasks.filter(([s, d]) => s + d > start && s < end).map(([, d]) => d)
    })
    // The observer's durations are wall-clock time: on a shared machine a task waits for a CPU
    // too. What the page's own work costs is the task's thread time, which the trace gives.
    const events = trace.traceEvents
    const mainThread = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((m) => m.tid === e.tid && m.name === 'page tokenizer: llama3 start'))
    const mark = (name: string) => events.find((e) => e.tid === mainThread?.tid && e.name === name)?.ts
    const [from, to] = [mark('page tokenizer: llama3 start'), mark('page tokenizer: llama3 end')]
    expect(mainThread && from !== undefined && to !== undefined, 'the trace holds the page’s main thread and both marks').toBe(true)
    const tasks = events.filter((e) => e.tid === mainThread!.tid && e.name === 'RunTask' && e.ts + (e.dur ?? 0) > from! && e.ts < to!)
    const cpuMs = tasks.map((e) => (e.tdur ?? e.dur ?? 0) / 1000)
    // V8's own collections (MajorGC, MinorGC) run inside whatever task is current when the heap
    // asks for one: the loader's slicing cannot split them. They are measured apart: one full
    // collection of this page's heap took 170 ms of thread time in one CI run.
    const gcMs = tasks.map((t) => events.filter((e) => e.tid === t.tid && (e.name === 'MajorGC' || e.name === 'MinorGC') && e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0)).reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0) / 1000, 0))
    const ownMs = cpuMs.map((ms, i) => ms - gcMs[i])
    expect(tasks.length).toBeGreaterThan(10)
    const report = `long tasks seen by the observer during the load (wall ms): ${longTasks.map((d) => d.toFixed(0)).join(', ') || 'none'}; longest task's thread time ${Math.max(...cpuMs).toFixed(1)} ms of ${tasks.length} tasks; without V8's collections ${Math.max(...ownMs).toFixed(1)} ms; longest collection ${Math.max(...gcMs).toFixed(1)} ms`
    test.info().annotations.push({ type: 'load', description: report })
    console.log(report)
    expect(Math.max(...ownMs), report).toBeLessThanOrEqual(LONG_TASK_LIMIT_MS)
    expect(Math.max(...gcMs), report).toBeLessThanOrEqual(GC_PAUSE_LIMIT_MS)

    // A keystroke in the middle: tokenized on the page, the count is the oracle's.
    const mid = Math.floor(text.length / 2)
    await page.evaluate((at) => {
      const view = (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void; focus(): void } }).tokenizerExplorerView
      view.dispatch({ selection: { anchor: at } })
      view.focus()
    }, mid)
    await page.keyboard.press('KeyQ')
    const edited = await page.evaluate(() => (window as unknown as { tokenizerExplorerView: { state: { doc: { toString(): string } } } }).tokenizerExplorerView.state.doc.toString())
    expect(edited).toBe(text.slice(0, mid) + 'q' + text.slice(mid))
    await expectTokenCount(page, (await oracle.encode(edited, 'text')).length)
    await expect(page.locator('[data-doc-version]')).toHaveAttribute('data-tokenized-by', 'editor')
  } finally {
    oracle.free()
  }
})
