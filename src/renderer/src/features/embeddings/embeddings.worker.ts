/// <reference lib="webworker" />
// The Embeddings lab's worker: loads the sentence encoder on the first job (reporting progress),
// embeds in batches and stops between batches when cancelled. Nothing here runs on the page's thread.
import { batches } from '@shared/embeddings/input'
import { loadSentenceEncoder, type ModelFileReader, type SentenceEncoder } from '@shared/embeddings/encoder'
import { MODEL_FOLDER } from '@shared/embeddings/model'
import type { EmbedRequest, EmbedResponse } from './embeddingsProtocol'

declare const self: DedicatedWorkerGlobalScope

/** Texts embedded per batch: small enough that Cancel answers within about a second. */
const BATCH = 8

/** The model's files, same-origin: workers are emitted into assets/, the files beside index.html. */
const reader: ModelFileReader = {
  async read(name) {
    const url = new URL(`../${MODEL_FOLDER}/${name}`, self.location.href)
    let res: Response
    try {
      res = await fetch(url)
    } catch (err) {
      throw new Error(`The embedding model's file ${name} could not be read (${err instanceof Error ? err.message : String(err)}).`, { cause: err })
    }
    if (!res.ok) throw new Error(`The embedding model's file ${name} could not be read (${res.status} ${res.statusText}).`)
    return res.arrayBuffer()
  },
}

let encoder: Promise<SentenceEncoder> | null = null
const cancelled = new Set<number>()

function post(msg: EmbedResponse, transfer: Transferable[] = []): void {
  self.postMessage(msg, transfer)
}

function load(): Promise<SentenceEncoder> {
  if (!encoder) {
    const t0 = performance.now()
    post({ type: 'loading', fraction: 0 })
    encoder = loadSentenceEncoder(reader, (fraction) => post({ type: 'loading', fraction })).then((e) => {
      post({ type: 'loaded', ms: Math.round(performance.now() - t0) })
      return e
    })
    // A failed load is tried again on the next job.
    encoder.catch(() => (encoder = null))
  }
  return encoder
}

/** Lets queued messages (a Cancel) in between batches. */
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

async function embed(req: Extract<EmbedRequest, { type: 'embed' }>): Promise<void> {
  const { job, texts } = req
  try {
    const model = await load()
    const t0 = performance.now()
    const dim = 512
    const values = new Float32Array(texts.length * dim)
    let done = 0
    for (const batch of batches(texts, BATCH)) {
      await yieldToMessages()
      if (cancelled.delete(job)) return post({ type: 'cancelled', job })
      const rows = await model.embed(batch)
      values.set(rows.values, done * dim)
      done += batch.length
      post({ type: 'progress', job, done, total: texts.length })
    }
    const tokens = req.withTokens ? texts.map((t) => model.tokens(t)) : null
    post({ type: 'embedded', job, count: texts.length, dim, values, tokens, ms: Math.round(performance.now() - t0) }, [values.buffer])
  } catch (err) {
    post({ type: 'error', job, message: err instanceof Error ? err.message : String(err) })
  } finally {
    cancelled.delete(job)
  }
}

/** Jobs run one at a time, in order. */
let queue = Promise.resolve()

self.onmessage = (e: MessageEvent<EmbedRequest>) => {
  const req = e.data
  if (req.type === 'cancel') cancelled.add(req.job)
  else if (req.type === 'embed') queue = queue.then(() => embed(req))
}
