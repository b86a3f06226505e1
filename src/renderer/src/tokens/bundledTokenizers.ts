import { catalogEntry, loadTokenizer, type ByteReader } from '@shared/tokenizer/catalog'
import { tokenizerFromJson } from '@shared/tokenizer/hf/hfGeneralTokenizer'
import type { CustomTokenizerBytes } from '@shared/app/workerProtocol'
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

/** Tokenizers registered from user bytes in this thread, by id. */
const custom = new Map<TokenizerId, Promise<Tokenizer>>()

/**
 * Registers a tokenizer from user bytes under its id in this thread (replacing one of that
 * id); a malformed or unsupported file rejects its loads with the reason.
 */
export function registerCustomTokenizer(t: CustomTokenizerBytes): void {
  const utf8 = new TextDecoder()
  const parsed = (async () => {
    const json: unknown = JSON.parse(utf8.decode(t.json))
    const config: unknown = t.config ? JSON.parse(utf8.decode(t.config)) : {}
    return tokenizerFromJson(json, config, { id: t.id, displayName: t.name })
  })()
  parsed.catch(() => undefined) // reported when the tokenizer is chosen
  custom.set(t.id, parsed)
}

/** Loads a tokenizer in this thread: a registered custom one, else the catalog's (once; see catalog.loadTokenizer), its bundled files read over fetch. */
export function loadAppTokenizer(id: TokenizerId): Promise<Tokenizer> {
  return custom.get(id) ?? loadTokenizer(id, fetchAsset)
}

/** True when loading `id` on the UI thread is cheap enough not to freeze it (OpenAI's encodings, in the bundle). */
export function loadsQuickly(id: TokenizerId): boolean {
  return catalogEntry(id)?.engine === 'openai'
}
