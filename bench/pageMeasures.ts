// What the benchmark measures in the page: pastes, keystrokes and scrolling, each timed once
// the frame that shows the result is painted (memory: bench/memory.ts).
import type { Page } from '@playwright/test'
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

export async function fresh(page: Page): Promise<void> {
  await page.goto('/')
  await page.evaluate(() => localStorage.clear())
  await page.goto('/')
  await page.locator('[data-complete="true"]').waitFor()
}

/** The clipboard permissions every bench page gets: the bench pastes as a user does. */
export const CLIPBOARD_PERMISSIONS = ['clipboard-read', 'clipboard-write']

/**
 * Puts `text` on the browser's clipboard. `page` must be at an http(s) origin whose context was
 * granted CLIPBOARD_PERMISSIONS (an about:blank page cannot write it); the clipboard is the
 * browser's, so another page of the same browser can then paste it.
 */
export async function toClipboard(page: Page, text: string): Promise<void> {
  await page.bringToFront()
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  const back = await page.evaluate(() => navigator.clipboard.readText().then((t) => t.length))
  if (back !== text.length) throw new Error(`the clipboard holds ${back} chars, not the ${text.length} written`)
}

/**
 * Empties the editor, then pastes the clipboard into it as a user does (focus, Ctrl+V); returns
 * ms from the paste event to the first coloured token and to the exact count (`expected`), each
 * once the frame that shows it is painted. With `expected` null (the editor floor's page: no
 * tokens, no count), both are the first painted frame. The clipboard must hold `length` chars
 * (toClipboard); the pasted document is checked to be that long.
 */
export async function paste(page: Page, length: number, expected: number | null): Promise<{ first: number; exact: number }> {
  await page.evaluate(() => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void; state: { doc: { length: number } } } }).tokenizerExplorerView
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: '' } })
  })
  await page.locator('[data-complete="true"]').waitFor()
  await page.locator('.cm-content').focus()
  await page.evaluate((expected) => {
    const w = window as unknown as { pasteTimes?: Promise<{ first: number; exact: number }> }
    w.pasteTimes = new Promise((resolve) => {
      const count = document.querySelector('[aria-label="Token count"]')
      const fmt = expected === null ? null : expected.toLocaleString('en-US')
      let first = -1
      let t0 = 0
      // Checked at each frame; timed once that frame is painted (a message posted from
      // requestAnimationFrame is handled after the frame's style, layout and paint). The
      // first check is asked for in the paste event, before the editor handles it, so its
      // message comes before any the app posts for after the paint.
      const check = () => {
        const coloured = fmt === null || document.querySelector('.cm-content [data-token-index]') !== null
        const done = fmt === null || count?.textContent === fmt
        const port = new MessageChannel()
        port.port1.onmessage = () => {
          const now = performance.now()
          if (first < 0 && coloured) first = now - t0
          if (done) resolve({ first: first < 0 ? now - t0 : first, exact: now - t0 })
        }
        port.port2.postMessage(null)
        if (!done) requestAnimationFrame(check)
      }
      // From the moment the browser made the paste event (its timeStamp), before any listener.
      window.addEventListener(
        'paste',
        (e) => {
          t0 = e.timeStamp
          requestAnimationFrame(check)
        },
        { capture: true, once: true },
      )
    })
  }, expected)
  await page.keyboard.press('ControlOrMeta+v')
  const times = await page.evaluate(() => (window as unknown as { pasteTimes: Promise<{ first: number; exact: number }> }).pasteTimes)
  const pasted = await page.evaluate(() => (window as unknown as { tokenizerExplorerView: { state: { doc: { length: number } } } }).tokenizerExplorerView.state.doc.length)
  if (pasted !== length) throw new Error(`Ctrl+V pasted ${pasted} chars, not the ${length} on the clipboard`)
  return times
}

/** What kind of line the caret sits in at `pos`: its length, and whether it is minified JSON. */
export function lineAround(text: string, pos: number): string {
  const start = text.lastIndexOf('\n', pos - 1) + 1
  const end = text.indexOf('\n', pos)
  const line = text.slice(start, end < 0 ? text.length : end)
  return `${line.startsWith('[{') ? 'minified JSON line' : 'line'} of ${line.length.toLocaleString('en-US')} chars`
}

/**
 * Where the caret types: the app document's start, middle or end; a bare page's field or long
 * line; the start or end of the editor floor's document (bench/bareEditor.ts).
 */
export type KeyPlace = 'start' | 'middle' | 'end' | 'bare' | 'bare-line' | 'floor-start' | 'floor-end'

/** The text around the caret that a key can change the tokens of, and the count shown. */
interface CaretWindow {
  before: string
  after: string
  shown: number
}

/**
 * The text around the caret between two places no token can cross (a line start whose first
 * character is a letter or digit, or a space and then one, or the document's ends: no
 * pre-token piece of the OpenAI patterns runs from a newline into a letter, a digit, or a
 * space before one: whitespace that holds a newline ends at its last newline), and the count
 * the page shows. Llama 3's and Qwen 3's split patterns have the same alternatives in the same
 * order (Qwen's NFC never joins a newline to a letter), so the window holds for them too.
 */
async function caretWindow(page: Page): Promise<CaretWindow> {
  return page.evaluate(() => {
    interface Line {
      from: number
      to: number
      number: number
    }
    const view = (window as unknown as { tokenizerExplorerView: { state: { selection: { main: { head: number } }; doc: { length: number; lines: number; lineAt(pos: number): Line; line(n: number): Line; sliceString(a: number, b: number): string } } } }).tokenizerExplorerView
    const { doc } = view.state
    const pos = view.state.selection.main.head
    const safe = (line: Line) => /^ ?[\p{L}\p{N}]/u.test(doc.sliceString(line.from, line.from + 2))
    let first = doc.lineAt(pos)
    for (let k = 0; k < 5000 && first.number > 1 && !safe(first); k++) first = doc.line(first.number - 1)
    const from = first.number > 1 && safe(first) ? first.from : 0
    let to = doc.length
    for (let n = doc.lineAt(pos).number + 1, k = 0; n <= doc.lines && k < 5000; n++, k++) {
      const line = doc.line(n)
      if (safe(line)) {
        to = line.from
        break
      }
    }
    const shown = Number(document.querySelector('[aria-label="Token count"]')!.textContent!.replace(/,/g, ''))
    return { before: doc.sliceString(from, pos), after: doc.sliceString(pos, to), shown }
  })
}

/** An independent token counter of the page's tokenizer (tiktoken, or Hugging Face's Rust `tokenizers`). */
export type CountOracle = (text: string) => number | Promise<number>

/** Where measured keystrokes were tokenized: the editor's own encoder (same frame) or the worker. */
export interface KeySources {
  editor: number
  worker: number
}

/**
 * Keystroke latency: from the key event to the painted frame that shows the count panel
 * complete for the new document version and, when `oracle` is given, showing the oracle's
 * count of the new text: the count shown before the key plus the oracle's change in the
 * tokens of the text around the caret. `sources`, when given, counts where each key was tokenized.
 */
export async function keystrokes(page: Page, where: KeyPlace, n: number, oracle?: CountOracle, sources?: KeySources): Promise<number[]> {
  const inApp = where === 'start' || where === 'middle' || where === 'end'
  if (where === 'bare') await page.locator('textarea').focus()
  else if (where !== 'bare-line') await page.evaluate((where) => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void; focus(): void; state: { doc: { length: number } } } }).tokenizerExplorerView
    const len = view.state.doc.length
    const at = where.endsWith('start') ? 0 : where.endsWith('end') ? len : Math.floor(len / 2)
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true })
    view.focus()
  }, where)
  await page.waitForTimeout(300)
  if (inApp) {
    // Warm-up (not measured): the editor loads its own encoder in the first quiet moment;
    // until then keystrokes are tokenized by the worker, a frame or two later.
    const panel = page.locator('[data-doc-version]')
    for (let i = 0; i < 40 && (await panel.getAttribute('data-tokenized-by')) !== 'editor'; i++) {
      await page.keyboard.press('KeyW')
      await page.waitForTimeout(150)
    }
    await page.locator('[data-complete="true"]').waitFor()
  }
  const out: number[] = []
  let workerKeys = 0
  for (let i = 0; i < n; i++) {
    const key = i % 5 === 4 ? ' ' : 'x'
    let expected = ''
    if (oracle && inApp) {
      const w = await caretWindow(page)
      expected = (w.shown + (await oracle(w.before + key + w.after)) - (await oracle(w.before + w.after))).toLocaleString('en-US')
    }
    // Arm the measurement in the page first, then press the key, then collect.
    await page.evaluate((expected) => {
      const w = window as unknown as { keyLatency?: Promise<number> }
      w.keyLatency = new Promise<number>((resolve) => {
        const panel = document.querySelector('[data-doc-version]') as HTMLElement
        const count = document.querySelector('[aria-label="Token count"]')
        const before = Number(panel.dataset.docVersion)
        let t0 = -1
        const onKey = (e: KeyboardEvent) => {
          t0 = e.timeStamp
          window.removeEventListener('keydown', onKey, true)
        }
        window.addEventListener('keydown', onKey, true)
        const timeout = setTimeout(() => {
          obs.disconnect()
          console.error(`count ${expected} not shown within 10 s (shows ${count?.textContent})`)
          resolve(NaN)
        }, 10_000)
        const obs = new MutationObserver(() => {
          if (t0 >= 0 && Number(panel.dataset.docVersion) > before && panel.dataset.complete === 'true' && (!expected || count?.textContent === expected)) {
            obs.disconnect()
            clearTimeout(timeout)
            // Timed after the frame that shows it is painted (see paste).
            requestAnimationFrame(() => {
              const port = new MessageChannel()
              port.port1.onmessage = () => resolve(performance.now() - t0)
              port.port2.postMessage(null)
            })
          }
        })
        obs.observe(panel, { attributes: true })
        if (count) obs.observe(count, { childList: true, characterData: true, subtree: true })
      })
    }, expected)
    await page.keyboard.press(key === ' ' ? 'Space' : 'KeyX')
    out.push(await page.evaluate(() => (window as unknown as { keyLatency: Promise<number> }).keyLatency))
    if (inApp) {
      const byEditor = (await page.locator('[data-doc-version]').getAttribute('data-tokenized-by')) === 'editor'
      if (!byEditor) workerKeys++
      if (sources) sources[byEditor ? 'editor' : 'worker']++
    }
    await page.waitForTimeout(30)
  }
  const missed = out.filter((t) => Number.isNaN(t)).length
  if (missed > 0) console.error(`  ${missed} of ${n} keystrokes at ${where} never showed the oracle's count`)
  if (workerKeys > 0) console.log(`  ${workerKeys} of ${n} keystrokes at ${where} were tokenized by the worker`)
  console.log(`  ${where}: ${out.map((t) => t.toFixed(0)).join(' ')}`)
  return out.filter((t) => !Number.isNaN(t))
}

/**
 * Keystroke latency in a bare page holding one long line whose `tokens` pieces are drawn as
 * inline span elements, as inline-block boxes (what the app draws in long lines), or painted
 * with CSS Custom Highlights, caret near its end.
 */
export async function bareLineKeystrokes(page: Page, lineText: string, tokens: number, painting: 'elements' | 'boxes' | 'highlights'): Promise<number[]> {
  // A blank page first: the app's Content-Security-Policy would block the inline script.
  await page.goto('about:blank')
  await page.setContent(
    '<div contenteditable="true" spellcheck="false" style="white-space:pre-wrap;font:14px monospace;height:90vh;overflow:auto"><div id="line"></div></div>' +
      '<div data-doc-version="0" data-complete="true"></div>' +
      '<script>const d=document.querySelector("[data-doc-version]");let v=0;document.querySelector("[contenteditable]").addEventListener("input",()=>{d.dataset.docVersion=String(++v)})</script>',
  )
  await page.evaluate(
    ({ lineText, tokens, painting }) => {
      const line = document.getElementById('line')!
      const step = Math.ceil(lineText.length / tokens)
      if (painting !== 'highlights') {
        for (let i = 0; i < lineText.length; i += step) {
          const span = document.createElement('span')
          span.className = `c${(i / step) % 6}`
          if (painting === 'boxes') span.style.display = 'inline-block'
          span.textContent = lineText.slice(i, i + step)
          line.appendChild(span)
        }
      } else {
        line.textContent = lineText
        const node = line.firstChild!
        const groups: StaticRange[][] = Array.from({ length: 8 }, () => [])
        for (let i = 0, k = 0; i < lineText.length; i += step, k++) {
          groups[k % 8].push(new StaticRange({ startContainer: node, startOffset: i, endContainer: node, endOffset: Math.min(lineText.length, i + step) }))
        }
        const style = document.createElement('style')
        style.textContent = groups.map((_, g) => `::highlight(t${g}) { background-color: hsl(${g * 45} 80% 85%); }`).join('\n')
        document.head.appendChild(style)
        const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights
        const HighlightClass = (window as unknown as { Highlight: new (...ranges: StaticRange[]) => unknown }).Highlight
        groups.forEach((g, i) => registry.set(`t${i}`, new HighlightClass(...g)))
      }
      ;(document.querySelector('[contenteditable]') as HTMLElement).focus()
      const last = line.lastChild!
      const range = document.createRange()
      range.setStart(last.firstChild ?? last, last.firstChild ? 1 : lineText.length - 1)
      document.getSelection()!.removeAllRanges()
      document.getSelection()!.addRange(range)
    },
    { lineText, tokens, painting },
  )
  return keystrokes(page, 'bare-line', 25)
}

/** Frame intervals (ms) while the mouse wheel scrolls the editor down, from the top, for about two seconds. */
export async function scrollFrames(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void } }).tokenizerExplorerView
    view.dispatch({ selection: { anchor: 0 }, scrollIntoView: true })
  })
  await page.waitForTimeout(300)
  const box = (await page.locator('.cm-scroller').boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.evaluate(() => {
    const w = window as unknown as { frames_?: number[]; stopFrames?: boolean }
    w.frames_ = []
    w.stopFrames = false
    let last = performance.now()
    const tick = (now: number) => {
      w.frames_!.push(now - last)
      last = now
      if (!w.stopFrames) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, 400)
    await page.waitForTimeout(50)
  }
  return page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; stopFrames: boolean }
    w.stopFrames = true
    return w.frames_.slice(1)
  })
}
