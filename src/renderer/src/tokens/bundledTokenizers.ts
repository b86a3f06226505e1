import { catalogEntry, loadTokenizer, type CatalogEntry } from '@shared/tokenizer/catalog'
import { tokenizerFromJson } from '@shared/tokenizer/hf/hfGeneralTokenizer'
import { isRegisterTokenizerMessage, type CustomTokenizerBytes } from '@shared/contract/workerProtocol'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import { runInSlices, runToEnd } from '@shared/tokenizer/steps'
import { PromiseCache } from '@shared/tokenizer/promiseCache'

/**
 * The folder of the bundled tokenizer files (the build copies them to `tokenizers/` beside
 * index.html). Workers are emitted into `assets/`, so from a worker it is one level up; from
 * the page it is beside the page. Both work over http (npm run web) and app:// (Electron).
 */
function assetFolder(): URL {
  if (typeof document !== 'undefined') return new URL('tokenizers/', document.baseURI)
  return new URL('../tokenizers/', self.location.href)
}

/** Reads a bundled tokenizer file over fetch (gzip bytes; catalog.readJsonAsset unpacks them): the catalog's ByteReader in the app. */
export const fetchAsset = async (fileName: string): Promise<Uint8Array<ArrayBuffer>> => {
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
  if (entry) return buildCustom(entry)
  // The renderer bundles the Hugging Face tokenizers as compact forms only (vite.renderer.ts):
  // built here at once, by the steps the page runs in slices.
  const bundled = catalogEntry(id)
  if (!bundled?.pageSteps || !bundled.pageFile || bundled.engine !== 'hf-fast') return loadTokenizer(id, fetchAsset)
  // Built once per worker, as loadTokenizer keeps what it loads.
  const { pageFile, pageExtra, pageSteps } = bundled
  return builtHere.get(id, () => buildFromPageFile(pageFile, pageExtra, pageSteps))
}

/** The bundled Hugging Face tokenizers this worker built from their compact forms, by id. */
const builtHere = new PromiseCache<TokenizerId, Tokenizer>()

/** A bundled tokenizer built at once from its page file (and extra file). */
async function buildFromPageFile(pageFile: string, pageExtra: string | undefined, pageSteps: NonNullable<CatalogEntry['pageSteps']>): Promise<Tokenizer> {
  const bytes = await gunzipOffThread(await fetchAsset(pageFile))
  const extra = pageExtra ? await gunzipOffThread(await fetchAsset(pageExtra)) : undefined
  return runToEnd(pageSteps(bytes, extra))
}

/** True when loading `id` on the UI thread is cheap enough not to freeze it (OpenAI's encodings, in the bundle). */
export function loadsQuickly(id: TokenizerId): boolean {
  return catalogEntry(id)?.engine === 'openai'
}

/** Longest stretch of tokenizer building between two pauses on the UI thread. */
const PAGE_SLICE_MS = 8

/** True when the page can load its own copy of `id` without holding a frame back (loadPageTokenizer). */
export function loadsOnPage(id: TokenizerId): boolean {
  const entry = catalogEntry(id)
  return entry !== undefined && !custom.has(id) && (entry.engine === 'openai' || entry.pageSteps !== undefined)
}

const onPage = new PromiseCache<TokenizerId, Tokenizer>()

/** Performance marks around the load of the page's copy of a tokenizer: this, its id, ' start' or ' end'. */
export const PAGE_TOKENIZER_MARK = 'page tokenizer: '

/**
 * Loads the page's own copy of a tokenizer, for same-frame edits: OpenAI's from the bundle;
 * a Hugging Face bundle from its compact form, Claude's from its file, unpacked off the
 * thread (DecompressionStream) and built in slices of a few milliseconds between idle
 * periods, so no task holds a frame back. It is the workers' tokenizer built by the same
 * code from the same vocabulary and merges (see compactTokenizer.ts), so it gives their tokens.
 */
export function loadPageTokenizer(id: TokenizerId): Promise<Tokenizer> {
  const entry = catalogEntry(id)
  if (!entry?.pageSteps || !entry.pageFile) return loadAppTokenizer(id)
  const { pageFile, pageExtra, pageSteps } = entry
  if (!onPage.has(id)) onPage.clear() // one copy at a time: each holds tens of megabytes, and another is wanted only after a switch
  return onPage.get(id, async () => {
    // For the tests and the benchmark: when the page's copy was loading.
    performance.mark(`${PAGE_TOKENIZER_MARK}${id} start`)
    const bytes = await gunzipOffThread(await fetchAsset(pageFile))
    const extra = pageExtra ? await gunzipOffThread(await fetchAsset(pageExtra)) : undefined
    const tokenizer = await runInSlices(pageSteps(bytes, extra), pauseForIdle, PAGE_SLICE_MS)
    performance.mark(`${PAGE_TOKENIZER_MARK}${id} end`)
    return tokenizer
  })
}

/** The bytes unpacked when they are gzip (a server may already have unpacked them). */
async function gunzipOffThread(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** Resolves in the thread's next idle period (or after a message, where there are no idle callbacks). */
function pauseForIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 500 })
    else {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve()
      channel.port2.postMessage(null)
    }
  })
}
