import { expect, type Page } from '@playwright/test'
import { get_encoding, type TiktokenEncoding } from 'tiktoken'

/** The editor's content element (role textbox, name "Text"). */
export function editor(page: Page) {
  return page.getByRole('textbox', { name: 'Text' })
}

/** Opens the app with empty storage (no draft, default settings). */
export async function openFresh(page: Page): Promise<void> {
  // A test's page starts blank in a context of its own, whose storage is empty: one load does.
  if (page.url() !== 'about:blank') {
    await page.evaluate(() => localStorage.clear())
  }
  await page.goto('/')
  await expect(page.getByLabel('Token count')).not.toHaveText('…')
}

/** Replaces the editor's text as a paste would (one input event). */
export async function setText(page: Page, text: string): Promise<void> {
  await editor(page).click()
  await page.keyboard.press('ControlOrMeta+a')
  if (text === '') await page.keyboard.press('Delete')
  else await page.keyboard.insertText(text)
}

/** Waits until the shown token count equals `n`. */
export async function expectTokenCount(page: Page, n: number): Promise<void> {
  await expect(page.getByLabel('Token count', { exact: true })).toHaveText(n.toLocaleString('en-US'))
}

/** tiktoken's ids for text (special-token strings as ordinary text): the independent oracle. */
export function oracleIds(encoding: TiktokenEncoding, text: string): number[] {
  const enc = get_encoding(encoding)
  try {
    return Array.from(enc.encode_ordinary(text))
  } finally {
    enc.free()
  }
}

/**
 * Installs a fake desktop preload API (`window.tokenizerExplorer`, so the page picks its
 * Electron host) before the page's scripts run: nothing is opened, saved or restored unless
 * `customise`, run in the page with `arg`, replaces those functions on the API it is given.
 */
export async function installFakeDesktop<A>(page: Page, customise: (api: Record<string, unknown>, arg: A) => void, arg: A): Promise<void> {
  const base = () => {
    const cancelled = async () => ({ kind: 'cancelled' })
    ;(window as unknown as Record<string, unknown>).tokenizerExplorer = {
      openTextFile: cancelled,
      pathForFile: () => '',
      openPath: cancelled,
      saveFile: cancelled,
      forgetFile: async () => undefined,
      loadState: async () => ({ values: {}, problems: [] }),
      saveState: async () => true,
      setDocumentState: async () => undefined,
      readyToClose: async () => undefined,
      appInfo: async () => ({ name: 'Tokenizer Explorer', version: 'test', platform: 'linux' }),
      onMenuCommand: () => undefined,
      onFileOpened: () => undefined,
      onBeforeClose: () => undefined,
      openTokenizer: cancelled,
      openTokenizerPath: cancelled,
      restoreTokenizer: cancelled,
      onTokenizerOpened: () => undefined,
    }
  }
  await page.addInitScript(`(${base.toString()})();(${customise.toString()})(window.tokenizerExplorer, ${JSON.stringify(arg)});`)
}

/** Starts recording long tasks (main-thread tasks over 50 ms) in the page, dropping any recorded before. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; longTaskObserver?: PerformanceObserver }
    w.longTaskObserver?.disconnect()
    w.longTasks = []
    w.longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration))
    })
    w.longTaskObserver.observe({ type: 'longtask' })
  })
}

/** The long tasks (ms) since watchLongTasks or the last take, once two more frames have passed; clears them. */
export async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              const w = window as unknown as { longTasks: number[] }
              const out = w.longTasks
              w.longTasks = []
              resolve(out)
            }, 50),
          ),
        ),
      ),
  )
}

/** The longest task since watchLongTasks (0 when none was over 50 ms). */
export async function longestTask(page: Page): Promise<number> {
  return Math.max(0, ...(await takeLongTasks(page)))
}

/**
 * Starts recording the progress bar labelled `label`: every change while it is in the page adds
 * its fraction done (NaN while indeterminate). A bar may come and go between two polls of
 * expect() on a fast machine; set this up before the click that shows it, then read takeProgress.
 */
export async function watchProgress(page: Page, label: string): Promise<void> {
  await page.evaluate((label) => {
    const w = window as unknown as { progressSeen: Record<string, number[]> }
    w.progressSeen ??= {}
    const seen: number[] = (w.progressSeen[label] = [])
    new MutationObserver(() => {
      const bar = Array.from(document.querySelectorAll('progress')).find((p) => p.getAttribute('aria-label') === label)
      if (bar) seen.push(bar.hasAttribute('value') ? bar.value / bar.max : Number.NaN)
    }).observe(document.body, { subtree: true, childList: true, attributes: true })
  }, label)
}

/** What watchProgress recorded for `label`: one fraction (or NaN) per change seen while the bar was shown. */
export async function takeProgress(page: Page, label: string): Promise<number[]> {
  return page.evaluate((label) => (window as unknown as { progressSeen: Record<string, number[]> }).progressSeen[label] ?? [], label)
}

/**
 * Clicks the button whose text is `button` inside `scope` (a CSS selector) in the same task in
 * which an element matching `shown` first appears with it, from inside the page. For a job a
 * test cancels: one that ends within a second could end before a click from the test landed.
 */
export async function clickWhenShown(page: Page, scope: string, shown: string, button: string): Promise<void> {
  await page.evaluate(
    ({ scope, shown, button }) => {
      new MutationObserver((_, observer) => {
        const root = document.querySelector(scope)
        const target = root && Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim() === button)
        if (!root?.querySelector(shown) || !target) return
        observer.disconnect()
        target.click()
      }).observe(document.body, { subtree: true, childList: true })
    },
    { scope, shown, button },
  )
}
