// `npm run bench -- --before <ref>`: this build and another commit's build (served by the
// second web server of bench/playwright.config.ts), measured the same way in the same run.
// Per corpus, each build gets `runs` pastes, each in a fresh page (the first paste in a page
// is what users meet), the two builds alternating which goes first; after its last paste
// each build's page also gives memory and keystrokes at the start and the end. The rows show
// the other build's value and this build's ratio to it.
import type { Browser } from '@playwright/test'
import { freshRun, type FreshRun } from './freshPageRun'
import { percentile, type CountOracle } from './pageMeasures'
import { mb, ms, x, type ResultTable } from './resultTable'

/** The build to compare with. */
export interface BeforeBuild {
  url: string
  /** The ref as given and its commit, e.g. `main (fd39c8a12)`. */
  label: string
}

/** The other build, when scripts/bench.mjs was given --before (it sets these variables). */
export function beforeBuildFromEnv(env = process.env): BeforeBuild | null {
  if (!env.BENCH_BEFORE_DIR || !env.BENCH_BEFORE_PORT) return null
  return { url: `http://127.0.0.1:${env.BENCH_BEFORE_PORT}/`, label: env.BENCH_BEFORE_LABEL ?? 'before' }
}

/** One corpus's comparison. */
export interface BeforeAfterOptions {
  before: BeforeBuild
  /** This build's address. */
  afterUrl: string
  viewport?: { width: number; height: number } | null
  text: string
  /** tiktoken's count of `text`. */
  expected: number
  /** The paste's size, as the main table labels it. */
  sizeLabel: string
  runs: number
  keys: number
  oracle: CountOracle
}

/** The other commit's build, or this one. */
type Build = 'before' | 'after'

/** Alternates which build goes first across runs and corpora. */
let turn = 0

/** Measures both builds on one corpus and adds the rows to `table`'s column `col`. */
export async function beforeAfterRows(browser: Browser, table: ResultTable, col: string, o: BeforeAfterOptions): Promise<void> {
  const started = performance.now()
  const runs: Record<Build, FreshRun[]> = { before: [], after: [] }
  for (let r = 0; r < o.runs; r++) {
    const order = turn++ % 2 === 0 ? (['after', 'before'] as const) : (['before', 'after'] as const)
    for (const build of order) {
      const last = r === o.runs - 1
      const url = build === 'after' ? o.afterUrl : o.before.url
      const label = build === 'after' ? 'this build' : `before ${o.before.label}`
      runs[build].push(await freshRun(browser, { url, label, viewport: o.viewport, text: o.text, expected: o.expected, after: last ? { keys: o.keys, oracle: o.oracle } : undefined }))
    }
  }
  console.log(`  both builds measured in ${((performance.now() - started) / 60_000).toFixed(1)} min`)
  const median = o.runs > 1 ? `, median of ${o.runs}` : ''
  const last = (b: Build) => runs[b][o.runs - 1]
  // [row, the value for a build, format, target of the ratio]
  const measures: [string, (b: Build) => number, (v: number) => string, string?][] = [
    [`paste ${o.sizeLabel} in a fresh page: first coloured tokens${median}`, (b) => percentile(runs[b].map((k) => k.first), 50), ms],
    [`paste ${o.sizeLabel} in a fresh page: exact count${median}`, (b) => percentile(runs[b].map((k) => k.exact), 50), ms, '<= 1.0x (no slower)'],
    ['memory after the paste: page JS heap + array buffers', (b) => last(b).memory!.page, mb],
    ['memory after the paste: workers (heaps + buffers)', (b) => last(b).memory!.workers, mb],
  ]
  for (const where of ['start', 'end'] as const) {
    for (const p of [50, 95]) measures.push([`keystroke at ${where}, to the exact count painted: p${p}`, (b) => percentile(last(b).keys![where], p), ms])
  }
  for (const [what, value, show, target] of measures) {
    const before = value('before')
    const after = value('after')
    table.cell(`${what}: before, ${o.before.label}`, col, show(before))
    table.cell(`${what}: this build / before`, col, `${x(after, before)} (this build ${show(after)})`, target)
  }
  const exact = (b: Build) => {
    const f = last(b).final!
    return f.shown === f.truth ? 'yes' : `NO (${f.shown} shown, tiktoken ${f.truth})`
  }
  table.cell(`count after the keystrokes = tiktoken of the page text: before / this build`, col, `${exact('before')} / ${exact('after')}`)
}
