import { catalogEntry, loadTokenizer, type ByteReader } from '@shared/tokenizer/catalog'
import { tokenizerFromJson } from '@shared/tokenizer/hf/hfGeneralTokenizer'
import { isRegisterTokenizerMessage, type CustomTokenizerBytes } from '@shared/app/workerProtocol'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'

/**
 * The folder of the bundled tokenizer files (the build copies them to `tokenizers/` beside
 * index.html). Workers are emitted into `assets/`, so from a worker it is one level up; from
 * the page it is beside the page. Both work over http (npm run web) and app:// (Electron).
 */
function assetFolder(): URL {
  if (typeof document !== 'undefined') return new URL('tokenizers/', document.baseURI)
  return new URL('../tokenizers/', self.location.href)
}

/** Reads a bundled tokenizer file over fetch (gzip bytes; catalog.readJsonAsset unpacks them). */
export const fetchAsset: ByteReader = async (fileName) => {
  const url = new URL(fileName, assetFolder())
  let res: Response
  try {
    res = await fetch(url)
  } catch (err) {
    throw new Error(`The tokenizer file ${fileName} could not be read (${err instanceof Error ? err.message : String(err)}).`, { cause: err })
  }
  if (!res.ok) throw new Error(`The tokenizer file ${fileName} could not be read (${res.status} ${res.statusText}).`)
  return new Uint8Array(await res.arrayBuffer())
}

/** Tokenizers registered from user bytes in this thread, by id: the bytes, and the tokenizer once a load built it. */
const custom = new Map<TokenizerId, { bytes: CustomTokenizerBytes; built: Promise<Tokenizer> | null }>()

/**
 * Registers a tokenizer from user bytes under its id in this thread (replacing one of that
 * id). It is built on its first load, so a worker that never uses it does not pay for it; a
 * malformed or unsupported file rejects its loads with the reason.
 */
export function registerCustomTokenizer(t: CustomTokenizerBytes): void {
  custom.set(t.id, { bytes: t, built: null })
}

/** Handles a feature worker's RegisterTokenizerMessage; false for any other message (the worker's own). */
export function takeTokenizerRegistration(data: unknown): boolean {
  if (!isRegisterTokenizerMessage(data)) return false
  registerCustomTokenizer(data.registerTokenizer)
  return true
}

/** The tokenizer of `id`'s registered bytes, built once. */
function buildCustom(entry: { bytes: CustomTokenizerBytes; built: Promise<Tokenizer> | null }): Promise<Tokenizer> {
  entry.built ??= (async () => {
    const t = entry.bytes
    const utf8 = new TextDecoder()
    const json: unknown = JSON.parse(utf8.decode(t.json))
    const config: unknown = t.config ? JSON.parse(utf8.decode(t.config)) : {}
    return tokenizerFromJson(json, config, { id: t.id, displayName: t.name })
  })()
  return entry.built
}

/** The registered bytes of a tokenizer opened from a file in this thread, or undefined (its tokenizer_config.json is its chat template's source). */
export function customTokenizerBytes(id: TokenizerId): CustomTokenizerBytes | undefined {
  return custom.get(id)?.bytes
}

/** Loads a tokenizer in this thread: a registered custom one, else the catalog's (once; see catalog.loadTokenizer), its bundled files read over fetch. */
export function loadAppTokenizer(id: TokenizerId): Promise<Tokenizer> {
  const entry = custom.get(id)
  return entry ? buildCustom(entry) : loadTokenizer(id, fetchAsset)
}

/** True when loading `id` on the UI thread is cheap enough not to freeze it (OpenAI's encodings, in the bundle). */
export function loadsQuickly(id: TokenizerId): boolean {
  return catalogEntry(id)?.engine === 'openai'
}
