// The benchmark: every figure is printed with its ratio to gpt-tokenizer's own
// single-threaded encode() of the same text, measured in this same run (in this Node
// process, on this machine). Results go to stdout and bench/results.md.
import { test, type Browser, type Page } from '@playwright/test'
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { encode } from 'gpt-tokenizer/encoding/o200k_base'
import { encode as encodeCl100k } from 'gpt-tokenizer/encoding/cl100k_base'
import { makeCorpus } from '../src/shared/testing/corpus'

const NO_SPECIAL = { disallowedSpecial: new Set<string>() }

/** Median time (ms) of gpt-tokenizer encoding `text`, after one warm-up. */
function baselineMs(text: string, fn: typeof encode = encode, runs = 3): { ms: number; tokens: number } {
  let tokens = fn(text, NO_SPECIAL).length
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    tokens = fn(text, NO_SPECIAL).length
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(times.length / 2)], tokens }
}

/** How many times each paste is measured (the table shows the median). */
const PASTE_RUNS = 3

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

interface Row {
  what: string
  value: string
  ms: number | null
  baseline: number | null
  target?: string
}
const rows: Row[] = []
function add(what: string, ms: number, baseline: number, target?: string) {
  rows.push({ what, value: `${ms.toFixed(1)} ms`, ms, baseline, target })
}

async function fresh(page: Page): Promise<void> {
  await page.goto('/')
  await page.evaluate(() => localStorage.clear())
  await page.goto('/')
  await page.locator('[data-complete="true"]').waitFor()
}

/** Replaces the document as a paste would; returns ms to the first coloured token and to the exact count. */
async function paste(page: Page, text: string, expected: number): Promise<{ first: number; exact: number }> {
  await page.evaluate(() => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void; state: { doc: { length: number } } } }).tokenizerExplorerView
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: '' } })
  })
  await page.locator('[data-complete="true"]').waitFor()
  return page.evaluate(
    ({ text, expected }) =>
      new Promise<{ first: number; exact: number }>((resolve) => {
        const view = (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void } }).tokenizerExplorerView
        const count = document.querySelector('[aria-label="Token count"]')!
        const fmt = expected.toLocaleString('en-US')
        let first = -1
        const t0 = performance.now()
        view.dispatch({ changes: { from: 0, insert: text } })
        // Checked at each frame; timed once that frame is painted (a message posted from
        // requestAnimationFrame is handled after the frame's style, layout and paint).
        const check = () => {
          const coloured = document.querySelector('.cm-content [data-token-index]') !== null
          const done = count.textContent === fmt
          const port = new MessageChannel()
          port.port1.onmessage = () => {
            const now = performance.now()
            if (first < 0 && coloured) first = now - t0
            if (done) resolve({ first: first < 0 ? now - t0 : first, exact: now - t0 })
          }
          port.port2.postMessage(null)
          if (!done) requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      }),
    { text, expected },
  )
}

/** What kind of line the caret sits in at `pos`: its length, and whether it is minified JSON. */
function lineAround(text: string, pos: number): string {
  const start = text.lastIndexOf('\n', pos - 1) + 1
  const end = text.indexOf('\n', pos)
  const line = text.slice(start, end < 0 ? text.length : end)
  return `${line.startsWith('[{') ? 'minified JSON line' : 'line'} of ${line.length.toLocaleString('en-US')} chars`
}

/** Keystroke latency: from the key event to the count panel showing that document version, painted. */
async function keystrokes(page: Page, where: 'start' | 'middle' | 'end' | 'bare' | 'bare-line', n: number): Promise<number[]> {
  if (where === 'bare') await page.locator('textarea').focus()
  else if (where !== 'bare-line') await page.evaluate((where) => {
    const view = (window as unknown as { tokenizerExplorerView: { dispatch(s: unknown): void; focus(): void; state: { doc: { length: number } } } }).tokenizerExplorerView
    const len = view.state.doc.length
    const at = where === 'start' ? 0 : where === 'end' ? len : Math.floor(len / 2)
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true })
    view.focus()
  }, where)
  await page.waitForTimeout(300)
  if (!where.startsWith('bare')) {
    // Warm-up (not measured): the editor loads its own encoder in the first quiet moment;
    // until then keystrokes are tokenized by the worker, a frame or two later.
    const panel = page.locator('[data-doc-version]')
    for (let i = 0; i < 40 && (await panel.getAttribute('data-tokenized-by')) !== 'editor'; i++) {
      await page.keyboard.press('KeyW')
      await page.waitForTimeout(150)
    }
  }
  const out: number[] = []
  let workerKeys = 0
  for (let i = 0; i < n; i++) {
    // Arm the measurement in the page first, then press the key, then collect.
    await page.evaluate(() => {
      const w = window as unknown as { keyLatency?: Promise<number> }
      w.keyLatency = new Promise<number>((resolve) => {
        const panel = document.querySelector('[data-doc-version]') as HTMLElement
        const before = Number(panel.dataset.docVersion)
        let t0 = -1
        const onKey = (e: KeyboardEvent) => {
          t0 = e.timeStamp
          window.removeEventListener('keydown', onKey, true)
        }
        window.addEventListener('keydown', onKey, true)
        const obs = new MutationObserver(() => {
          if (t0 >= 0 && Number(panel.dataset.docVersion) > before && panel.dataset.complete === 'true') {
            obs.disconnect()
            // Timed after the frame that shows it is painted (see paste).
            requestAnimationFrame(() => {
              const port = new MessageChannel()
              port.port1.onmessage = () => resolve(performance.now() - t0)
              port.port2.postMessage(null)
            })
          }
        })
        obs.observe(panel, { attributes: true })
      })
    })
    await page.keyboard.press(i % 5 === 4 ? 'Space' : 'KeyX')
    out.push(await page.evaluate(() => (window as unknown as { keyLatency: Promise<number> }).keyLatency))
    if (!where.startsWith('bare') && (await page.locator('[data-doc-version]').getAttribute('data-tokenized-by')) !== 'editor') workerKeys++
    await page.waitForTimeout(30)
  }
  if (workerKeys > 0) console.log(`  ${workerKeys} of ${n} keystrokes at ${where} were tokenized by the worker`)
  console.log(`  ${where}: ${out.map((t) => t.toFixed(0)).join(' ')}`)
  return out
}

/**
 * Keystroke latency in a bare page holding one long line whose `tokens` pieces are drawn as
 * inline span elements, as inline-block boxes (what the app draws in long lines), or painted
 * with CSS Custom Highlights, caret near its end.
 */
async function bareLineKeystrokes(page: Page, lineText: string, tokens: number, painting: 'elements' | 'boxes' | 'highlights'): Promise<number[]> {
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
async function scrollFrames(page: Page): Promise<number[]> {
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

/** JS heap and array-buffer bytes of one JavaScript context (CDP `Runtime.getHeapUsage`). */
interface HeapUsage {
  /** Bytes of live objects on the JS heap. */
  heap: number
  /** Bytes of array-buffer contents (typed arrays of ids and offsets), which live outside the heap. */
  buffers: number
}

function heapUsage(result: unknown): HeapUsage {
  const r = result as { usedSize: number; backingStorageSize?: number }
  return { heap: r.usedSize, buffers: r.backingStorageSize ?? 0 }
}

/**
 * Memory of the page and of each of its workers, after a garbage collection, read over the
 * DevTools protocol: `performance.memory` exists in pages only (workers read 0) and leaves
 * out array buffers, where the token ids and offsets are kept.
 */
async function memory(page: Page, browser: Browser): Promise<{ page: HeapUsage; workers: HeapUsage[] }> {
  const pageSession = await page.context().newCDPSession(page)
  await pageSession.send('HeapProfiler.collectGarbage')
  const pageUsage = heapUsage(await pageSession.send('Runtime.getHeapUsage'))
  await pageSession.detach()

  // Workers are separate targets; reach them through the browser's session.
  const origin = new URL(page.url()).origin
  const browserSession = await browser.newBrowserCDPSession()
  const { targetInfos } = await browserSession.send('Target.getTargets')
  const workers: HeapUsage[] = []
  let nextId = 1
  const replies = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>()
  browserSession.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message) as { id?: number; result?: unknown; error?: { message: string } }
    if (reply.id !== undefined) replies.get(reply.id)?.(reply)
  })
  const call = (sessionId: string, method: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++
      replies.set(id, (reply) => (reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve(reply.result)))
      void browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
    })
  for (const target of targetInfos.filter((t) => t.type === 'worker' && t.url.startsWith(origin))) {
    const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })
    await call(sessionId, 'HeapProfiler.collectGarbage')
    workers.push(heapUsage(await call(sessionId, 'Runtime.getHeapUsage')))
    await browserSession.send('Target.detachFromTarget', { sessionId })
  }
  await browserSession.detach()
  return { page: pageUsage, workers }
}

test('benchmark', async ({ page, browser }) => {
  let longLine: { text: string; marks: number } | null = null
  const oneMB = makeCorpus(1_000_000)
  const tenMB = makeCorpus(10_000_000)
  const b1 = baselineMs(oneMB)
  const b10 = baselineMs(tenMB)
  const b10cl = baselineMs(tenMB, encodeCl100k)
  console.log(`baseline encode (o200k): 1 MB ${b1.ms.toFixed(0)} ms, 10 MB ${b10.ms.toFixed(0)} ms (${b10.tokens} tokens)`)

  // Cold start: a new page to a usable, fully counted editor.
  const context = await browser.newContext()
  const cold = await context.newPage()
  await cold.goto('/')
  await cold.locator('[data-complete="true"]').waitFor()
  const coldMs = await cold.evaluate(() => performance.now())
  await context.close()
  console.log(`cold start ${coldMs.toFixed(0)} ms`)
  rows.push({ what: 'cold start to a usable, counted editor', value: `${coldMs.toFixed(0)} ms`, ms: coldMs, baseline: null })

  // The floor of the keystroke measurement on this machine: a bare page whose only work is
  // to bump the same counters, measured the same way (key event to the next frame), in the
  // same tab the app then runs in.
  await page.setContent(
    '<textarea></textarea><div data-doc-version="0" data-complete="true"></div>' +
      '<script>const d=document.querySelector("div");let v=0;document.querySelector("textarea").addEventListener("input",()=>{d.dataset.docVersion=String(++v)})</script>',
  )
  const floor = await keystrokes(page, 'bare', 40)
  console.log(`keystroke floor: p50 ${percentile(floor, 50).toFixed(1)} p95 ${percentile(floor, 95).toFixed(1)}`)
  add('keystroke floor (bare textarea, same measurement): p50', percentile(floor, 50), b10.ms)
  add('keystroke floor (bare textarea, same measurement): p95', percentile(floor, 95), b10.ms)

  await fresh(page)
  for (const [label, text, base] of [
    ['1 MB', oneMB, b1],
    ['10 MB', tenMB, b10],
  ] as const) {
    // Three pastes, the median of each figure: one run on a shared 2-core machine is noisy.
    const runs: { first: number; exact: number }[] = []
    for (let k = 0; k < PASTE_RUNS; k++) runs.push(await paste(page, text, base.tokens))
    const r = { first: percentile(runs.map((x) => x.first), 50), exact: percentile(runs.map((x) => x.exact), 50) }
    console.log(`paste ${label}: first ${runs.map((x) => x.first.toFixed(0)).join('/')} ms, exact ${runs.map((x) => x.exact.toFixed(0)).join('/')} ms (medians ${r.first.toFixed(0)}, ${r.exact.toFixed(0)})`)
    // The first paste in the page, with cold caches (the baseline is warm: median of 3 after a warm-up).
    add(`paste ${label}, first time in the page: first coloured tokens`, runs[0].first, base.ms)
    add(`paste ${label}, first time in the page: exact final count`, runs[0].exact, base.ms)
    add(`paste ${label}: first coloured tokens (median of ${PASTE_RUNS})`, r.first, base.ms, label === '10 MB' ? '< 100 ms' : undefined)
    add(`paste ${label}: exact final count (median of ${PASTE_RUNS})`, r.exact, base.ms, label === '10 MB' ? '< 1.0x' : undefined)
    for (const where of ['start', 'middle', 'end'] as const) {
      const times = await keystrokes(page, where, 25)
      // How many token elements the line being typed in holds (the browser's editing cost grows with them).
      const marks = await page.evaluate(() => {
        const sel = document.getSelection()
        const line = (sel?.focusNode instanceof Element ? sel.focusNode : sel?.focusNode?.parentElement)?.closest('.cm-line')
        return line ? line.querySelectorAll('[data-token-index]').length : 0
      })
      if (label === '10 MB' && where === 'end') longLine = { text: text.slice(text.lastIndexOf('\n', text.length - 1) + 1), marks }
      const line = lineAround(text, where === 'start' ? 0 : where === 'end' ? text.length : Math.floor(text.length / 2))
      const place = `${label} at ${where} (${line})`
      console.log(`keystrokes ${place}: p50 ${percentile(times, 50).toFixed(1)} p95 ${percentile(times, 95).toFixed(1)}`)
      add(`keystroke ${place}: p50`, percentile(times, 50), base.ms)
      add(`keystroke ${place}: p95`, percentile(times, 95), base.ms, label === '10 MB' ? '< 16 ms' : undefined)
    }
  }

  // The same keystrokes with the token-ID view open (its chips follow every keystroke).
  await page.getByRole('checkbox', { name: 'Token IDs' }).check()
  const withIds = await keystrokes(page, 'middle', 25)
  await page.getByRole('checkbox', { name: 'Token IDs' }).uncheck()
  console.log(`keystrokes 10 MB at middle, token-ID view open: p50 ${percentile(withIds, 50).toFixed(1)} p95 ${percentile(withIds, 95).toFixed(1)}`)
  add('keystroke 10 MB at middle, token-ID view open: p50', percentile(withIds, 50), b10.ms)
  add('keystroke 10 MB at middle, token-ID view open: p95', percentile(withIds, 95), b10.ms)

  // Scrolling the 10 MB document: frame intervals while the wheel scrolls down for two seconds.
  const frames = await scrollFrames(page)
  console.log(`scroll 10 MB: frame p50 ${percentile(frames, 50).toFixed(1)} p95 ${percentile(frames, 95).toFixed(1)} (${frames.length} frames)`)
  add('scroll 10 MB (wheel, 2 s): frame interval p50', percentile(frames, 50), b10.ms)
  add('scroll 10 MB (wheel, 2 s): frame interval p95', percentile(frames, 95), b10.ms)
  rows.push({ what: 'scroll 10 MB (wheel, 2 s): frames over 50 ms', value: `${frames.filter((f) => f > 50).length} of ${frames.length}`, ms: null, baseline: null })

  // Encoding switch on the 10 MB document (now with a few keystrokes in it).
  await page.evaluate(() => {
    const w = window as unknown as { switchDone?: Promise<number> }
    w.switchDone = new Promise<number>((resolve) => {
      document.addEventListener(
        'change',
        () => {
          const t0 = performance.now()
          const check = () => {
            const panel = document.querySelector('[data-doc-version]') as HTMLElement
            if (panel.dataset.encoding === 'cl100k_base' && panel.dataset.complete === 'true') resolve(performance.now() - t0)
            else requestAnimationFrame(check)
          }
          requestAnimationFrame(check)
        },
        { capture: true, once: true },
      )
    })
  })
  await page.getByRole('combobox', { name: 'Encoding' }).selectOption('cl100k_base')
  const switchMs = await page.evaluate(() => (window as unknown as { switchDone: Promise<number> }).switchDone)
  add('encoding switch on 10 MB (to cl100k_base): exact count', switchMs, b10cl.ms)

  const mem = await memory(page, browser)
  const tokens = await page.evaluate(() => Number(document.querySelector('[aria-label="Token count"]')!.textContent!.replace(/,/g, '')))

  // The browser's own cost of typing in such a long line: a bare contenteditable line holding
  // the same text, its tokens drawn as as many inline elements as the app drew there, as
  // inline-block boxes (as the app draws long lines), or painted as CSS Custom Highlights (no
  // elements), measured the same way, in this tab.
  if (longLine && longLine.marks > 0) {
    const { text: lineText, marks } = longLine
    for (const painting of ['elements', 'boxes', 'highlights'] as const) {
      const times = await bareLineKeystrokes(page, lineText, marks, painting)
      const what = `keystroke floor in a ${lineText.length.toLocaleString('en-US')}-char line of ${marks.toLocaleString('en-US')} tokens as ${painting} (bare contenteditable, same measurement)`
      console.log(`${what}: p50 ${percentile(times, 50).toFixed(1)} p95 ${percentile(times, 95).toFixed(1)}`)
      add(`${what}: p50`, percentile(times, 50), b10.ms)
      add(`${what}: p95`, percentile(times, 95), b10.ms)
    }
  }
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`
  const workerHeap = mem.workers.reduce((sum, w) => sum + w.heap, 0)
  const workerBuffers = mem.workers.reduce((sum, w) => sum + w.buffers, 0)
  const pageBytes = mem.page.heap + mem.page.buffers
  const memRow = (what: string, value: string) => rows.push({ what: `memory, 10 MB: ${what}`, value, ms: null, baseline: null })
  memRow('page (JS heap + array buffers)', `${mb(pageBytes)} (${mb(mem.page.heap)} + ${mb(mem.page.buffers)})`)
  memRow(`${mem.workers.length} workers (JS heaps + array buffers)`, `${mb(workerHeap + workerBuffers)} (${mb(workerHeap)} + ${mb(workerBuffers)})`)
  memRow('page and workers', mb(pageBytes + workerHeap + workerBuffers))
  memRow('page bytes per token', `${(pageBytes / tokens).toFixed(1)} bytes (${tokens} tokens)`)

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${browser.browserType().name()} ${browser.version()}`
  const lines = [
    `Machine: ${machine}`,
    `Baseline: gpt-tokenizer encode() (o200k_base), single-threaded, same run: 1 MB ${b1.ms.toFixed(0)} ms, 10 MB ${b10.ms.toFixed(0)} ms; cl100k_base 10 MB ${b10cl.ms.toFixed(0)} ms.`,
    '',
    '| measurement | result | ratio to baseline | target |',
    '| --- | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.ms !== null && r.baseline ? `${(r.ms / r.baseline).toFixed(3)}x` : ''} | ${r.target ?? ''} |`),
  ]
  const table = lines.join('\n')
  console.log('\n' + table + '\n')
  writeFileSync('bench/results.md', table + '\n')
})
