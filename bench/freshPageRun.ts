// One paste in a page of its own, as a user meets it: a new browser context (empty storage)
// opens a build, the tokenizer is chosen in the toolbar, and the text is pasted; then,
// optionally, memory, keystrokes at the start and the end, and a check of the final count.
// bench/beforeAfter.ts (two builds) and bench/engineRows.ts (several tokenizers) are made
// of these runs.
import type { Browser, Page } from '@playwright/test'
import { CLIPBOARD_PERMISSIONS, keystrokes, paste, toClipboard, type CountOracle, type KeySources } from './pageMeasures'
import { memory } from './memory'

/** What one fresh-page run does. */
export interface FreshRunOptions {
  /** The build's address, for example http://127.0.0.1:5199/. */
  url: string
  /** What the console log calls this run. */
  label: string
  /** Viewport of the page (the config's). */
  viewport?: { width: number; height: number } | null
  text: string
  /** The oracle's count of `text`: the paste is timed to the frame that shows it. */
  expected: number
  /** Catalog id chosen in the toolbar's `Tokenizer` picker before the paste (none: the default). */
  tokenizer?: string
  /** After the paste: memory, `keys` keystrokes at the start and at the end timed to `oracle`'s count, the final count. */
  after?: { keys: number; oracle: CountOracle }
}

/** What one fresh-page run measured (ms, bytes). */
export interface FreshRun {
  /** Choosing the tokenizer on the start text, to its count (0: it was the page's default). */
  choose: number
  first: number
  exact: number
  /** Page JS heap + array buffers, and all the page's workers' heaps + buffers, right after the paste. */
  memory?: { page: number; workers: number; workerCount: number }
  keys?: { start: number[]; end: number[]; sources: KeySources }
  /** The count the page shows after the keystrokes, and the oracle's count of the page's text. */
  final?: { shown: number; truth: number }
}

/** The page's whole text and the count it shows. */
export async function pageTextAndCount(page: Page): Promise<{ text: string; shown: number }> {
  return page.evaluate(() => {
    const view = (window as unknown as { tokenizerExplorerView: { state: { doc: { toString(): string } } } }).tokenizerExplorerView
    return { text: view.state.doc.toString(), shown: Number(document.querySelector('[aria-label="Token count"]')!.textContent!.replace(/,/g, '')) }
  })
}

/**
 * Chooses catalog id `id` in the toolbar as a user does, and waits until the text is counted
 * with it; returns the ms that took (0 when it was already chosen).
 */
export async function chooseTokenizer(page: Page, id: string): Promise<number> {
  const panel = page.locator('[data-doc-version]')
  if ((await panel.getAttribute('data-encoding')) === id) return 0
  const t0 = Date.now()
  await page.getByRole('combobox', { name: 'Tokenizer' }).selectOption(id)
  await page.locator(`[data-complete="true"][data-encoding="${id}"]`).waitFor({ timeout: 180_000 })
  return Date.now() - t0
}

/** Opens a build and waits for its counted start text; a build the bench cannot drive gets a clear error. */
async function openBuild(page: Page, url: string, name = url): Promise<void> {
  await page.goto(url)
  try {
    await page.locator('[data-complete="true"]').waitFor({ timeout: 120_000 })
  } catch {
    throw new Error(`${name}: no counted editor within 2 minutes (no element with data-complete="true": a build too old or too broken for the bench)`)
  }
  if (!(await page.evaluate(() => 'tokenizerExplorerView' in window))) throw new Error(`${name}: the page has no window.tokenizerExplorerView, through which the bench pastes (a build too old for the bench)`)
}

/** Opens `url` in a page of its own once, so a build the bench cannot drive (`name`) stops it before it measures anything. */
export async function checkBuild(browser: Browser, url: string, name: string): Promise<void> {
  const context = await browser.newContext()
  try {
    await openBuild(await context.newPage(), url, `${name} (${url})`)
  } finally {
    await context.close()
  }
}

/** Runs one paste (and what `after` asks for) in a new context; the context is closed at the end. */
export async function freshRun(browser: Browser, o: FreshRunOptions): Promise<FreshRun> {
  const context = await browser.newContext({ viewport: o.viewport, permissions: CLIPBOARD_PERMISSIONS })
  try {
    const page = await context.newPage()
    await openBuild(page, o.url)
    const run: FreshRun = { first: 0, exact: 0, choose: o.tokenizer ? await chooseTokenizer(page, o.tokenizer) : 0 }
    // A user pastes a moment after the window is ready; the page loads the editor's own
    // encoder in its first quiet moment, which a paste at once would be timed with.
    await page.waitForTimeout(1000)
    await toClipboard(page, o.text)
    Object.assign(run, await paste(page, o.text.length, o.expected))
    console.log(`  ${o.label}: paste first ${run.first.toFixed(0)} ms, exact ${run.exact.toFixed(0)} ms`)
    if (!o.after) return run
    const mem = await memory(page, browser)
    run.memory = {
      page: mem.page.heap + mem.page.buffers,
      workers: mem.workers.reduce((s, w) => s + w.heap + w.buffers, 0),
      workerCount: mem.workers.length,
    }
    const sources: KeySources = { editor: 0, worker: 0 }
    const start = await keystrokes(page, 'start', o.after.keys, o.after.oracle, sources)
    run.keys = { start, end: await keystrokes(page, 'end', o.after.keys, o.after.oracle, sources), sources }
    const final = await pageTextAndCount(page)
    run.final = { shown: final.shown, truth: await o.after.oracle(final.text) }
    return run
  } finally {
    await context.close()
  }
}

/** `count shown = oracle` as a cell: yes, or what differs. */
export function finalCell(final: FreshRun['final'], oracleName: string): string {
  if (!final) return ''
  return final.shown === final.truth ? `yes (${final.truth})` : `NO: ${final.shown} shown, ${oracleName} ${final.truth}`
}
