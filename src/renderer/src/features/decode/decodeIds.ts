import { decodeTokenBytes, leftOutMessage, NO_IDS_MESSAGE, parseIdList } from '@shared/tools/decodeIds'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import { formatCount } from '@shared/text/format'
import type { DecodeResult } from './DecodePanel'
import type { TokenizerClient } from '../../worker/tokenizerClient'
import type { DecodeRequest, DecodeResponse } from './decodeProtocol'
import { shareOpenedTokenizer } from '../../tokens/openedTokenizer'

/** Problems listed one by one at most; the rest are counted. */
const LISTED = 20

/** An item as typed, in quotes unless it brings its own ("x" stays "x", never ""x""). */
export function quoted(text: string): string {
  return /^(["'“‘]).*(["'”’])$/s.test(text) && text.length > 1 ? text : `“${text}”`
}

/** Decodes a pasted id list with `encoding`: the tokens' bytes (from the worker) joined, then decoded once. */
export async function decodeIdList(client: Pick<TokenizerClient, 'tokenBytes'>, encoding: TokenizerId, input: string): Promise<DecodeResult> {
  const { ids, items, errors, total } = parseIdList(input)
  const problems = errors.map((e) => (e.item > 0 ? `Item ${formatCount(e.item)} (${quoted(e.text)}): ${e.message}` : e.message))
  const leftOut = leftOutMessage(total)
  if (leftOut) problems.unshift(leftOut)
  if (ids.length === 0) return { text: '', problems: problems.length ? problems : [NO_IDS_MESSAGE] }
  const bytes = await client.tokenBytes(encoding, ids)
  const r = decodeTokenBytes(ids, items, (i) => bytes[i] ?? null)
  for (const u of r.unknown.slice(0, LISTED)) problems.push(`Item ${formatCount(u.item)}: ${u.id} is not a token of ${encoding}`)
  if (r.unknown.length > LISTED) problems.push(`…and ${formatCount(r.unknown.length - LISTED)} more unknown ids`)
  if (r.invalidBytes > 0) problems.push(`${formatCount(r.invalidBytes)} character(s) are incomplete (the ids cut a character short) and show as U+FFFD.`)
  return { text: r.text, problems }
}

/** Largest file of ids Decode reads (a million ids of six digits take about 7 MB). */
export const MAX_ID_FILE_BYTES = 64 * 1024 * 1024

/** One request to a fresh decode worker (its own copy of the encoding), so a million ids never hold up the window. */
function askWorker(request: DecodeRequest): Promise<DecodeResponse> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'decode' })
    const unshare = shareOpenedTokenizer(worker)
    const end = (response: DecodeResponse) => {
      worker.terminate()
      unshare()
      resolve(response)
    }
    worker.onmessage = (e: MessageEvent<DecodeResponse>) => end(e.data)
    worker.onerror = (e) => end({ type: 'error', message: e.message || 'the decode worker failed.' })
    worker.postMessage(request)
  })
}

/** decodeIdList in a fresh worker: `input` is the typed list or a file of ids (read there). */
export async function decodeInWorker(encoding: TokenizerId, input: string | Blob): Promise<DecodeResult> {
  const r = await askWorker({ type: 'decode', encoding, input })
  if (r.type === 'done') return r.result
  return { text: '', problems: [`Could not decode: ${r.type === 'error' ? r.message : 'the decode worker gave no result.'}`] }
}

/** The panel's placeholder for `encoding` (the example phrase's ids in it), or null when the worker could not make it. */
export async function placeholderInWorker(encoding: TokenizerId): Promise<string | null> {
  const r = await askWorker({ type: 'example', encoding })
  return r.type === 'example' ? r.placeholder : null
}
