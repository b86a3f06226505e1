import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { CATALOG, catalogEntry, loadTokenizer, type ByteReader } from '@shared/tokenizer/catalog'
import { tokenizerFromJson } from '@shared/tokenizer/hf/hfGeneralTokenizer'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import { CliError, usageError } from './errors'

/** Where a tokenizer comes from: the catalog (bundled files, or OpenAI's tables) or a tokenizer.json on disk. */
export type TokenizerSource = { kind: 'catalog'; id: string } | { kind: 'file'; path: string }

/** Largest tokenizer.json (or tokenizer_config.json) read: the biggest published ones are near 35 MB. */
export const MAX_TOKENIZER_FILE_BYTES = 200 * 1024 * 1024

/** Every catalog id, in the catalog's order (for messages and help). */
export const TOKENIZER_IDS: readonly string[] = CATALOG.map((e) => e.id)

/**
 * Reads `--tokenizer VALUE`: a catalog id when the catalog has one of that name; else a path
 * when it looks like one (a separator, a .json ending, or something on disk); else an unknown
 * id, a usage error listing the ids. (A folder named like an id is reached as ./NAME.)
 */
export function tokenizerSource(value: string, command: string): TokenizerSource {
  if (catalogEntry(value)) return { kind: 'catalog', id: value }
  if (/[/\\]/.test(value) || /\.json$/i.test(value) || existsSync(value)) return { kind: 'file', path: value }
  throw usageError(`Unknown tokenizer "${value}". Tokenizers: ${TOKENIZER_IDS.join(', ')}; or give a path to a tokenizer.json (or its folder).`, command)
}

/** The id a tokenizer is reported under: the catalog id, or the tokenizer.json's path. */
export function sourceId(source: TokenizerSource): string {
  return source.kind === 'catalog' ? source.id : source.path
}

/** A ByteReader over the folder of bundled (gzip) tokenizer files, with a plain message when one is missing. */
export function folderReader(dir: string): ByteReader {
  return async (name) => {
    try {
      return new Uint8Array(await readFile(join(dir, name)))
    } catch {
      throw usageError(`The bundled tokenizer file ${name} is missing from ${dir}: rebuild the command (npm run build:cli).`)
    }
  }
}

/** The tokenizer.json a path names (the file, or the one in a folder) and the tokenizer_config.json beside it, if any. */
export async function tokenizerFiles(path: string, command: string): Promise<{ json: string; config: string | null }> {
  let info
  try {
    info = await stat(path)
  } catch {
    throw usageError(`Cannot read the tokenizer ${path}: no such file or folder.`, command)
  }
  const json = info.isDirectory() ? join(path, 'tokenizer.json') : path
  if (info.isDirectory() && !existsSync(json)) throw usageError(`The folder ${path} has no tokenizer.json.`, command)
  const config = join(dirname(json), 'tokenizer_config.json')
  return { json, config: existsSync(config) && resolve(config) !== resolve(json) ? config : null }
}

/** Parses one JSON file of at most MAX_TOKENIZER_FILE_BYTES, or a usage error saying what is wrong with it. */
async function readJsonFile(path: string, command: string): Promise<unknown> {
  let size: number
  try {
    const info = await stat(path)
    if (!info.isFile()) throw usageError(`${path} is not a file.`, command)
    size = info.size
  } catch (err) {
    if (err instanceof CliError) throw err
    throw usageError(`Cannot read ${path}: no such file.`, command)
  }
  if (size > MAX_TOKENIZER_FILE_BYTES) {
    throw usageError(`${path} is ${(size / 1024 / 1024).toFixed(0)} MB; tokenizer files over ${MAX_TOKENIZER_FILE_BYTES / 1024 / 1024} MB are not read.`, command)
  }
  if (size === 0) throw usageError(`${path} is empty: it is not a tokenizer file.`, command)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path))
  } catch (err) {
    throw usageError(`Cannot read ${path}: ${err instanceof TypeError ? 'it is not UTF-8 text (a binary file?)' : (err as Error).message}.`, command)
  }
  try {
    return JSON.parse(text)
  } catch (err) {
    throw usageError(`${path} is not valid JSON (malformed or cut short): ${(err as Error).message}.`, command)
  }
}

/**
 * Loads a tokenizer.json (and its tokenizer_config.json when present) with the app's
 * tokenizerFromJson. Files that are missing, too big, not JSON, not a tokenizer or of an
 * unsupported kind are usage errors with one plain sentence. Its chunk cut rule is derived
 * from the file (deriveChunkCuts.ts); without one, texts are tokenized whole.
 */
export async function loadTokenizerFile(path: string, command: string): Promise<Tokenizer> {
  const files = await tokenizerFiles(path, command)
  const json = await readJsonFile(files.json, command)
  const config = files.config === null ? null : await readJsonFile(files.config, command)
  const name = basename(files.json) === 'tokenizer.json' ? basename(dirname(resolve(files.json))) : basename(files.json)
  try {
    return tokenizerFromJson(json, config, { id: path, displayName: name })
  } catch (err) {
    throw usageError(`Cannot use ${files.json} as a tokenizer: ${err instanceof Error ? err.message : String(err)}`, command)
  }
}

/** Loads the tokenizer of `source`: a catalog one through `readAsset`, or a file. */
export async function loadSource(source: TokenizerSource, readAsset: ByteReader, command: string): Promise<Tokenizer> {
  if (source.kind === 'file') return loadTokenizerFile(source.path, command)
  return loadTokenizer(source.id, readAsset)
}
