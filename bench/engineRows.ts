// The tokenizer engines side by side (issue 14's targets): on one text (the synthetic
// corpus, on which the targets were set), each tokenizer is chosen in the toolbar of a fresh
// page as a user does, the text is pasted and timed to the exact count of its reference
// implementation (the oracle tests' own: Hugging Face's Rust `tokenizers` for tokenizer.json
// files, tiktoken for o200k_base and Claude's legacy file), then keystrokes at the start
// and the end are timed to the exact count painted. Each engine gets `runs` pastes, the
// order of the engines rotating between runs.
import type { Browser } from '@playwright/test'
import { get_encoding } from 'tiktoken'
import { oracleForTokenizer } from '../src/shared/testing/tokenizerOracle'
import { CATALOG } from '../src/shared/tokenizer/catalog'
import { finalCell, freshRun, type FreshRun } from './freshPageRun'
import { percentile, type CountOracle } from './pageMeasures'
import { mb, ms, ResultTable, x } from './resultTable'

/** The engine every other is compared with: the app's default. */
const BASE = 'o200k_base'

/** Catalog ids with a reference implementation here: the bundled, non-OpenAI tokenizers. */
const MEASURABLE = CATALOG.filter((e) => e.engine !== 'openai').map((e) => e.id)

/**
 * The tokenizers to measure beside o200k_base: BENCH_ENGINES (`none`: no engine table), else
 * llama3,qwen3 (quick mode: llama3). An unknown id stops the bench before it measures anything.
 */
export function benchEngines(env: NodeJS.ProcessEnv, quick: boolean): string[] {
  const list = env.BENCH_ENGINES ?? (quick ? 'llama3' : 'llama3,qwen3')
  if (list.trim() === 'none') return []
  const ids = list.split(',').map((s) => s.trim()).filter((s) => s && s !== BASE)
  const unknown = ids.filter((id) => !MEASURABLE.includes(id))
  if (unknown.length > 0) throw new Error(`BENCH_ENGINES: no bundled tokenizer ${unknown.join(', ')} (these can be measured: ${MEASURABLE.join(', ')}; or none)`)
  return ids
}

/** What the engine table measures. */
export interface EngineTableOptions {
  url: string
  viewport?: { width: number; height: number } | null
  /** The text pasted, and what to call it. */
  text: string
  textLabel: string
  engines: string[]
  runs: number
  keys: number
}

/** A counter of `id`'s reference implementation, and a way to free it. */
function countOracle(id: string): { count: CountOracle; free(): void } {
  if (id === BASE) {
    const tk = get_encoding(BASE)
    return { count: (text) => tk.encode_ordinary(text).length, free: () => tk.free() }
  }
  const oracle = oracleForTokenizer(id)
  return { count: async (text) => (await oracle.encode(text, 'text')).length, free: () => oracle.free() }
}

/** Measures o200k_base and each of `engines` on the text; returns the table's Markdown lines. */
export async function engineTable(browser: Browser, o: EngineTableOptions): Promise<string[]> {
  const started = performance.now()
  const cols = [BASE, ...o.engines]
  const oracles = new Map(cols.map((id) => [id, countOracle(id)]))
  const table = new ResultTable()
  try {
    const expected = new Map<string, number>()
    for (const id of cols) {
      const t0 = performance.now()
      expected.set(id, await oracles.get(id)!.count(o.text))
      console.log(`engines: ${id}: ${expected.get(id)} tokens (reference implementation, ${(performance.now() - t0).toFixed(0)} ms)`)
    }
    const runs = new Map<string, FreshRun[]>(cols.map((id) => [id, []]))
    for (let r = 0; r < o.runs; r++) {
      const order = cols.map((_, i) => cols[(i + r) % cols.length])
      for (const id of order) {
        const after = r === o.runs - 1 ? { keys: o.keys, oracle: oracles.get(id)!.count } : undefined
        runs.get(id)!.push(await freshRun(browser, { url: o.url, label: id, viewport: o.viewport, text: o.text, expected: expected.get(id)!, tokenizer: id, after }))
      }
    }
    const median = o.runs > 1 ? ` (median of ${o.runs})` : ''
    const lastRun = (id: string) => runs.get(id)![o.runs - 1]
    const exact = (id: string) => percentile(runs.get(id)!.map((r) => r.exact), 50)
    const key = (id: string, where: 'start' | 'end', p: number) => percentile(lastRun(id).keys![where], p)
    for (const id of cols) {
      const n = expected.get(id)!
      table.cell('tokens (the reference implementation)', id, `${n.toLocaleString('en-US')}`)
      const choose = runs.get(id)!.map((r) => r.choose)
      table.cell(`choose it in the toolbar of a fresh page: loaded, start text counted${median}`, id, id === BASE ? 'the default' : ms(percentile(choose, 50)))
      table.cell(`paste in a fresh page: first coloured tokens${median}`, id, ms(percentile(runs.get(id)!.map((r) => r.first), 50)))
      table.cell(`paste in a fresh page: exact count${median}`, id, ms(exact(id)))
      table.cell(`paste: exact count / ${BASE}'s`, id, x(exact(id), exact(BASE)), '< 2x')
      const mem = lastRun(id).memory!
      table.cell('memory after the paste: page heap + buffers per token', id, `${(mem.page / n).toFixed(1)} bytes`)
      table.cell('memory after the paste: workers (heaps + buffers)', id, `${mb(mem.workers)} (${mem.workerCount} workers)`)
      for (const where of ['start', 'end'] as const) {
        table.cell(`keystroke at ${where}, to the exact count painted: p50`, id, ms(key(id, where, 50)))
        table.cell(`keystroke at ${where}, to the exact count painted: p95`, id, ms(key(id, where, 95)))
        table.cell(`keystroke at ${where}: p50 / ${BASE}'s`, id, x(key(id, where, 50), key(BASE, where, 50)), 'about 1x')
      }
      const { start, end, sources } = lastRun(id).keys!
      table.cell("keystrokes tokenized by the editor's own encoder (same frame) / by the worker", id, `${sources.editor} / ${sources.worker}`)
      // A key whose count never matched the reference within 10 s is left out of the times above.
      table.cell('keystrokes whose exact count never showed (left out above)', id, String(2 * o.keys - start.length - end.length))
      table.cell('count after the keystrokes = the reference implementation of the page text', id, finalCell(lastRun(id).final, id === BASE || id === 'claude-legacy' ? 'tiktoken' : 'tokenizers'))
    }
  } finally {
    for (const oracle of oracles.values()) oracle.free()
  }
  const minutes = (performance.now() - started) / 60_000
  console.log(`engines: the table took ${minutes.toFixed(1)} min`)
  return [
    `Tokenizers side by side on ${o.textLabel}, each chosen in the toolbar of a fresh page before the paste (this table took ${minutes.toFixed(1)} min):`,
    '',
    ...table.markdown(cols, 'measurement'),
  ]
}
