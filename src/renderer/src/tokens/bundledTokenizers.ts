import { catalogEntry, loadTokenizer, type ByteReader } from '@shared/tokenizer/catalog'
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

/** Loads a catalog tokenizer in this thread (once; see catalog.loadTokenizer), reading its bundled files over fetch. */
export function loadAppTokenizer(id: TokenizerId): Promise<Tokenizer> {
  return loadTokenizer(id, fetchAsset)
}

/** True when loading `id` on the UI thread is cheap enough not to freeze it (OpenAI's encodings, in the bundle). */
export function loadsQuickly(id: TokenizerId): boolean {
  return catalogEntry(id)?.engine === 'openai'
}
