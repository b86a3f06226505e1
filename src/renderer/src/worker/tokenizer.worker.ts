/// <reference lib="webworker" />
// The tokenizer worker: loads encodings lazily, tokenizes chunk by chunk with a cache,
// yields between chunks so a newer request can supersede an older one, and transfers
// typed arrays back without copying.
import type { EncodingName } from '../../../shared/encodings'
import { loadEncoding } from '../../../shared/encodingLoader'
import { ChunkCache, tokenizeDocument } from '../../../shared/tokenize'
import type { WorkerRequest, WorkerResponse } from '../../../shared/workerProtocol'

declare const self: DedicatedWorkerGlobalScope

const caches = new Map<EncodingName, ChunkCache>()
let latestJob = 0
const loadedEncodings = new Set<EncodingName>()

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer)
}

/** Lets queued messages (a newer request) run before continuing. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve()
    channel.port2.postMessage(null)
  })
}

function cacheFor(encoding: EncodingName): ChunkCache {
  let cache = caches.get(encoding)
  if (!cache) {
    // Keep the caches of the two most recent encodings (switching back and forth is common).
    if (caches.size >= 2) caches.delete(caches.keys().next().value as EncodingName)
    cache = new ChunkCache()
    caches.set(encoding, cache)
  }
  return cache
}

async function tokenize(req: Extract<WorkerRequest, { type: 'tokenize' }>): Promise<void> {
  const t0 = performance.now()
  if (!loadedEncodings.has(req.encoding)) post({ type: 'loading', job: req.job, encoding: req.encoding })
  const encoding = await loadEncoding(req.encoding)
  loadedEncodings.add(req.encoding)
  if (req.job !== latestJob) return
  const steps = tokenizeDocument(req.text, encoding, req.mode, cacheFor(req.encoding))
  let lastYield = performance.now()
  let lastProgress = lastYield
  for (;;) {
    const step = steps.next()
    if (step.done) {
      const { table, counts } = step.value
      post(
        {
          type: 'result',
          job: req.job,
          encoding: req.encoding,
          mode: req.mode,
          ids: table.ids,
          starts: table.starts,
          flags: table.flags,
          counts,
          elapsedMs: performance.now() - t0,
        },
        [table.ids.buffer, table.starts.buffer, table.flags.buffer],
      )
      return
    }
    const now = performance.now()
    if (now - lastProgress > 50) {
      post({ type: 'progress', job: req.job, doneChars: step.value.doneChars, totalChars: step.value.totalChars })
      lastProgress = now
    }
    if (now - lastYield > 8) {
      await yieldToEvents()
      lastYield = performance.now()
      if (req.job !== latestJob) return
    }
  }
}

async function tokenBytes(req: Extract<WorkerRequest, { type: 'tokenBytes' }>): Promise<void> {
  const encoding = await loadEncoding(req.encoding)
  post({ type: 'tokenBytes', job: req.job, bytes: req.ids.map((id) => encoding.tokenBytes(id)) })
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data
  const run = req.type === 'tokenize' ? ((latestJob = req.job), tokenize(req)) : tokenBytes(req)
  run.catch((err: unknown) => post({ type: 'error', job: req.job, message: err instanceof Error ? err.message : String(err) }))
}
