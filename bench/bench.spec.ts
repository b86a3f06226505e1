// The benchmark, one column per corpus (bench/corpora.ts): every paste (the clipboard, Ctrl+V,
// timed from the paste event, as a user pastes) is shown with its
// ratio to single-threaded encoders of the same text in this same Node process and run
// (gpt-tokenizer's encode(), the historical baseline, and the app's own encoder), every
// keystroke with the bare-<textarea> floor measured in the same tab. Results go to stdout
// and bench/results.md. BENCH_QUICK=1: 2 M chars, one paste, fewer keys, no scrolling.
// BENCH_CORPORA=a,b picks corpora; BENCH_SIZE sets the size in UTF-16 units. With
// `npm run bench -- --before <ref>` each corpus is also measured in that commit's build
// (bench/beforeAfter.ts); BENCH_ENGINES (default llama3,qwen3; quick: llama3; `none`)
// adds a table of tokenizers side by side on the synthetic text (bench/engineRows.ts).
import { test, type Page } from '@playwright/test'
import { writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { encode as encodeCl100k } from 'gpt-tokenizer/encoding/cl100k_base'
import { get_encoding } from 'tiktoken'
import { buildCorpus, CORPUS_NAMES, randomUnicode, type Corpus, type CorpusName } from './corpora'
import { o200kEncoders, timeEncode } from './encodeSpeed'
import { editorFloor } from './editorFloor'
import { bareLineKeystrokes, CLIPBOARD_PERMISSIONS, fresh, keystrokes, lineAround, paste, percentile, scrollFrames, toClipboard } from './pageMeasures'
import { memory } from './memory'
import { beforeAfterRows, beforeBuildFromEnv } from './beforeAfter'
import { benchEngines, engineTable } from './engineRows'
import { trainingRows } from './training'
import { checkBuild, finalCell, pageTextAndCount } from './freshPageRun'
import { mb, ms, ResultTable, x } from './resultTable'

const QUICK = process.env.BENCH_QUICK === '1'
const SIZE = Number(process.env.BENCH_SIZE ?? (QUICK ? 2_000_000 : 10_000_000))
const CORPORA = (process.env.BENCH_CORPORA?.split(',') ?? [...CORPUS_NAMES]) as CorpusName[]
/** How many times each paste is measured (the table shows the median). */
const PASTE_RUNS = QUICK ? 1 : 3
const KEYS = QUICK ? 15 : 25
const sizeLabel = `${SIZE / 1e6} M chars`
const BEFORE = beforeBuildFromEnv()
const ENGINES = benchEngines(process.env, QUICK)

/** Rows by measurement, each with a cell per corpus. */
const table = new ResultTable()
const cell = table.cell.bind(table)

test('benchmark', async ({ page, browser }, testInfo) => {
  const { viewport, baseURL } = testInfo.project.use
  const load = [loadavg()[0]]
  if (BEFORE) await checkBuild(browser, BEFORE.url, `the --before build, ${BEFORE.label}`)
  const enc = o200kEncoders()
  const tk = get_encoding('o200k_base')
  const oracle = (text: string) => tk.encode_ordinary(text).length

  // Cold start: a new page to a usable, fully counted editor.
  const context = await browser.newContext({ permissions: CLIPBOARD_PERMISSIONS })
  const cold = await context.newPage()
  await cold.goto('/')
  await cold.locator('[data-complete="true"]').waitFor()
  const coldMs = await cold.evaluate(() => performance.now())
  await context.close()
  const notes: string[] = [`cold start to a usable, counted editor: ${coldMs.toFixed(0)} ms`]

  // The floor of the keystroke measurement: a bare page whose only work is to bump the same
  // counters, measured the same way, in the same tab; once before the corpora and once after.
  const bareFloor = async (): Promise<number[]> => {
    // A blank page first: the app's Content-Security-Policy would block the inline script.
    await page.goto('about:blank')
    await page.setContent(
      '<textarea></textarea><div data-doc-version="0" data-complete="true"></div>' +
        '<script>const d=document.querySelector("div");let v=0;document.querySelector("textarea").addEventListener("input",()=>{d.dataset.docVersion=String(++v)})</script>',
    )
    return keystrokes(page, 'bare', 40)
  }
  const floors = [await bareFloor()]

  let longLine: { text: string; marks: number } | null = null
  for (const name of CORPORA) {
    const corpus: Corpus = buildCorpus(name, SIZE)
    const { text } = corpus
    const col = name
    const utf8 = Buffer.byteLength(text)
    cell('what went in', col, corpus.note)
    cell('text: UTF-16 chars / UTF-8 bytes', col, `${text.length.toLocaleString('en-US')} / ${utf8.toLocaleString('en-US')}`)
    // Single-threaded baselines in this process (gpt-tokenizer on random Unicode takes minutes: one run there).
    const slowGpt = name === 'unicode'
    const gpt = slowGpt && QUICK ? null : timeEncode(enc.gptTokenizer, text, slowGpt || QUICK ? 1 : 3)
    const app = timeEncode(enc.app, text, QUICK ? 1 : 3)
    const tik = timeEncode(enc.tiktoken, text, QUICK ? 1 : 3)
    const tokens = tik.tokens
    console.log(`${name}: ${corpus.note}; ${tokens} tokens; gpt-tokenizer ${gpt ? gpt.ms.toFixed(0) : '-'} ms, app encoder ${app.ms.toFixed(0)} ms, tiktoken ${tik.ms.toFixed(0)} ms`)
    cell('tokens (tiktoken o200k_base)', col, `${tokens.toLocaleString('en-US')} (${(utf8 / tokens).toFixed(2)} bytes/token)`)
    cell('baseline: gpt-tokenizer encode(), one thread', col, gpt ? `${ms(gpt.ms)}${gpt.tokens !== tokens ? ` (${gpt.tokens} tokens)` : ''}` : 'skipped (quick)')
    cell("baseline: the app's encoder, one thread", col, `${ms(app.ms)}${app.tokens !== tokens ? ` (${app.tokens} tokens!)` : ''}`)
    cell('baseline: tiktoken encode_ordinary(), one thread', col, ms(tik.ms))

    await fresh(page)
    const pastes: [string, string, number][] = QUICK ? [[sizeLabel, text, tokens]] : [['1 M chars', text.slice(0, 1_000_000), oracle(text.slice(0, 1_000_000))], [sizeLabel, text, tokens]]
    for (const [label, pasted, expected] of pastes) {
      const big = label === sizeLabel
      const runs: { first: number; exact: number }[] = []
      await toClipboard(page, pasted)
      for (let k = 0; k < PASTE_RUNS; k++) runs.push(await paste(page, pasted.length, expected))
      const first = percentile(runs.map((r) => r.first), 50)
      const exact = percentile(runs.map((r) => r.exact), 50)
      console.log(`  paste ${label}: first ${runs.map((r) => r.first.toFixed(0)).join('/')} ms, exact ${runs.map((r) => r.exact.toFixed(0)).join('/')} ms`)
      const base = big ? { gpt: gpt?.ms, app: app.ms } : { gpt: undefined, app: undefined }
      if (PASTE_RUNS > 1) {
        cell(`paste ${label}, first time in the page: first coloured tokens`, col, ms(runs[0].first))
        cell(`paste ${label}, first time in the page: exact count`, col, ms(runs[0].exact))
      }
      const median = PASTE_RUNS > 1 ? ` (median of ${PASTE_RUNS})` : ''
      cell(`paste ${label}: first coloured tokens${median}`, col, ms(first), big ? '< 100 ms' : undefined)
      cell(`paste ${label}: exact count${median}`, col, ms(exact))
      if (big) {
        cell(`paste ${label}: exact count / gpt-tokenizer encode()`, col, base.gpt ? x(exact, base.gpt) : '-', '< 1.0x')
        cell(`paste ${label}: exact count / the app's encoder, one thread`, col, x(exact, app.ms))
      }
    }
    // Memory right after the paste: the page holds the document's token table.
    const mem = await memory(page, browser)
    cell(`memory after the paste: page JS heap + array buffers`, col, `${mb(mem.page.heap)} + ${mb(mem.page.buffers)}`)
    cell(`memory after the paste: page JS heap per token`, col, `${(mem.page.heap / tokens).toFixed(1)} bytes`)
    cell(`memory after the paste: page heap + buffers per token`, col, `${((mem.page.heap + mem.page.buffers) / tokens).toFixed(1)} bytes`)
    cell(`memory after the paste: ${mem.workers.length} workers (heaps + buffers)`, col, mb(mem.workers.reduce((s, w) => s + w.heap + w.buffers, 0)))

    for (const where of QUICK ? (['start', 'end'] as const) : (['start', 'middle', 'end'] as const)) {
      const times = await keystrokes(page, where, KEYS, oracle)
      const line = lineAround(text, where === 'start' ? 0 : where === 'end' ? text.length : Math.floor(text.length / 2))
      if (name === 'synthetic' && where === 'end') {
        const marks = await page.evaluate(() => {
          const sel = document.getSelection()
          const line = (sel?.focusNode instanceof Element ? sel.focusNode : sel?.focusNode?.parentElement)?.closest('.cm-line')
          return line ? line.querySelectorAll('[data-token-index]').length : 0
        })
        longLine = { text: text.slice(text.lastIndexOf('\n', text.length - 1) + 1), marks }
      }
      console.log(`  keystrokes at ${where} (${line}): p50 ${percentile(times, 50).toFixed(1)} p95 ${percentile(times, 95).toFixed(1)}`)
      cell(`keystroke at ${where}, to the exact count painted: p50`, col, `${ms(percentile(times, 50))}`)
      cell(`keystroke at ${where}, to the exact count painted: p95`, col, `${ms(percentile(times, 95))} (${line})`, 'floor p95 + 17 ms')
    }
    // The count the page ends with, against tiktoken's count of the page's whole text.
    const final = await pageTextAndCount(page)
    const truth = oracle(final.text)
    console.log(`  count after the keystrokes: ${final.shown}, tiktoken ${truth}`)
    cell('count after the keystrokes = tiktoken of the page text', col, finalCell({ shown: final.shown, truth }, 'tiktoken'))

    if (!QUICK) {
      await page.getByRole('checkbox', { name: 'Token IDs' }).check()
      const withIds = await keystrokes(page, 'middle', KEYS, oracle)
      await page.getByRole('checkbox', { name: 'Token IDs' }).uncheck()
      cell('keystroke at middle, token-ID view open: p50', col, ms(percentile(withIds, 50)))
      cell('keystroke at middle, token-ID view open: p95', col, ms(percentile(withIds, 95)))
      const frames = await scrollFrames(page)
      cell('scroll (wheel, 2 s): frame interval p50 / p95', col, `${ms(percentile(frames, 50))} / ${ms(percentile(frames, 95))}`)
      cell('scroll (wheel, 2 s): frames over 50 ms', col, `${frames.filter((f) => f > 50).length} of ${frames.length}`)
    }
    if (name === 'synthetic' && !QUICK) await encodingSwitch(page, text, notes)
    // The same paste and keys in CodeMirror alone: what the editor costs before the app adds anything.
    const bare = await editorFloor(page, text, KEYS)
    const p5095 = (t: number[]) => `${ms(percentile(t, 50))} / ${ms(percentile(t, 95))}`
    console.log(`  editor floor: paste ${bare.paste.toFixed(0)} ms, keys at start ${p5095(bare.start)}, at end ${p5095(bare.end)}`)
    cell(`editor floor (CodeMirror alone, no tokens): paste ${sizeLabel}, first painted frame`, col, ms(bare.paste))
    cell('editor floor (CodeMirror alone, no tokens): keystroke at start, p50 / p95', col, p5095(bare.start))
    cell('editor floor (CodeMirror alone, no tokens): keystroke at end, p50 / p95', col, p5095(bare.end))
    if (BEFORE) {
      // This page's document and workers would weigh on both builds' runs (and on the memory read).
      await page.goto('about:blank')
      console.log(`  this build against ${BEFORE.label}, each paste in a fresh page`)
      await beforeAfterRows(browser, table, col, { before: BEFORE, afterUrl: `${baseURL}/`, viewport, text, expected: tokens, sizeLabel, runs: PASTE_RUNS, keys: KEYS, oracle })
    }
    load.push(loadavg()[0])
  }
  console.log('keystroke floor again, after the corpora')
  floors.push(await bareFloor())
  const floor = floors.flat()
  const engines = ENGINES.length === 0 ? [] : await engineTable(browser, { url: `${baseURL}/`, viewport, text: buildCorpus('synthetic', SIZE).text, textLabel: `the synthetic corpus (${sizeLabel})`, engines: ENGINES, runs: PASTE_RUNS, keys: KEYS })
  if (engines.length > 0) load.push(loadavg()[0])
  // Tokenizer training (Node, one thread): ours against Rust tokenizers' train on the same 1 MB.
  notes.push(...trainingRows())
  notes.push(`keystroke floor (bare <textarea>, same measurement, before and after the corpora): p50 ${ms(percentile(floor, 50))}, p95 ${ms(percentile(floor, 95))}`)

  // The browser's own cost of typing in the synthetic corpus's long last line (see performance.md).
  if (longLine && longLine.marks > 0 && !QUICK) {
    for (const painting of ['elements', 'boxes', 'highlights'] as const) {
      const times = await bareLineKeystrokes(page, longLine.text, longLine.marks, painting)
      notes.push(`keystroke floor in a ${longLine.text.length.toLocaleString('en-US')}-char line of ${longLine.marks} tokens as ${painting} (bare contenteditable): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`)
    }
  }

  // Random Unicode: encode time against size, to show it grows linearly.
  const scale: string[] = ['| M chars | the app\'s encoder | per M chars | tiktoken | per M chars | gpt-tokenizer | per M chars |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |']
  for (const m of [1, 2, 4, 8]) {
    const text = randomUnicode(m * 1_000_000)
    const a = timeEncode(o200kEncoders().app, text, 1)
    const t = timeEncode(enc.tiktoken, text, 1)
    const g = m <= (QUICK ? 1 : 2) ? timeEncode(enc.gptTokenizer, text, 1) : null
    scale.push(`| ${m} | ${ms(a.ms)} | ${ms(a.ms / m)} | ${ms(t.ms)} | ${ms(t.ms / m)} | ${g ? ms(g.ms) : 'not run'} | ${g ? ms(g.ms / m) : ''} |`)
    console.log(scale[scale.length - 1])
  }
  load.push(loadavg()[0])

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${browser.browserType().name()} ${browser.version()}`
  const cols = CORPORA
  const lines = [
    `Machine: ${machine}; load average (1 min) during the run: ${load.map((l) => l.toFixed(1)).join(', ')}${QUICK ? ' (quick mode)' : ''}`,
    '',
    ...notes.map((n) => `- ${n}`),
    ...(BEFORE ? [`- before: ${BEFORE.label}, measured in the same run; its rows say \`before\`, and \`this build / before\` is this build's value over it (each paste in a fresh page, the two builds alternating which goes first)`] : []),
    '',
    ...table.markdown(cols),
    '',
    ...(engines.length > 0 ? [...engines, ''] : []),
    'Random Unicode (bench/corpora.ts), single-threaded encode time against size (one run each; gpt-tokenizer only at the small sizes: it grows faster than the size and takes minutes):',
    '',
    ...scale,
  ]
  const out = lines.join('\n')
  console.log('\n' + out + '\n')
  writeFileSync(QUICK ? 'bench/results-quick.md' : 'bench/results.md', out + '\n')
})

/** Encoding switch on the pasted text (to cl100k_base), against gpt-tokenizer's cl100k encode of it; then back. */
async function encodingSwitch(page: Page, text: string, notes: string[]): Promise<void> {
  const base = timeEncode((t) => encodeCl100k(t, { disallowedSpecial: new Set<string>() }).length, text, 3)
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
  await page.getByRole('combobox', { name: 'Tokenizer' }).selectOption('cl100k_base')
  const switchMs = await page.evaluate(() => (window as unknown as { switchDone: Promise<number> }).switchDone)
  notes.push(`encoding switch on the synthetic text (to cl100k_base), exact count: ${ms(switchMs)} = ${x(switchMs, base.ms)} gpt-tokenizer's cl100k encode (${ms(base.ms)})`)
  await page.getByRole('combobox', { name: 'Tokenizer' }).selectOption('o200k_base')
  await page.locator('[data-complete="true"][data-encoding="o200k_base"]').waitFor({ timeout: 120_000 })
}
