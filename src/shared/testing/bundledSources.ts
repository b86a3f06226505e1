// Test-only: reads the bundled tokenizers' files straight from their npm packages (what
// scripts/bundle-tokenizers.mjs compresses), so tests need no build.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CLAUDE_LEGACY_ASSET, HF_BUNDLES, hfAsset, hfCompactAsset, type ByteReader } from '../tokenizer/catalog'
import { writeCompactTokenizer } from '../tokenizer/hf/compactTokenizer'

const modules = join(import.meta.dirname, '../../../node_modules')

/** Source path of each bundled asset name. */
export function sourcePath(asset: string): string {
  if (asset === CLAUDE_LEGACY_ASSET) return join(modules, '@anthropic-ai/tokenizer/dist/cjs/claude.json')
  for (const b of HF_BUNDLES) {
    for (const file of ['tokenizer', 'tokenizer_config'] as const) if (hfAsset(b.id, file) === asset) return join(modules, b.npmPackage, 'models', `${file}.json`)
  }
  throw new Error(`No bundled asset ${asset}`)
}

/** A ByteReader over the npm packages' uncompressed files (a compact form is made from its tokenizer.json, as the build does). */
export const sourceReader: ByteReader = async (asset) => {
  const compactOf = HF_BUNDLES.find((b) => hfCompactAsset(b.id) === asset)
  if (compactOf) return writeCompactTokenizer(JSON.parse(await readFile(sourcePath(hfAsset(compactOf.id, 'tokenizer')), 'utf8')) as Record<string, unknown>)
  return new Uint8Array(await readFile(sourcePath(asset)))
}
