/// <reference lib="webworker" />
// A stateless helper: encodes batches of chunk texts for the coordinator, in parallel with it.
import { loadEncoding } from '../../../shared/encodingLoader'
import { tokenizeChunk } from '../../../shared/tokenize'
import { transferablesOf, type HelperRequest, type HelperResponse } from '../../../shared/workerProtocol'

declare const self: DedicatedWorkerGlobalScope

self.onmessage = async (event: MessageEvent<HelperRequest>) => {
  const req = event.data
  if (req.type === 'warm') {
    // Load the tables now, so the first big job does not wait for them.
    void loadEncoding(req.encoding).catch(() => undefined)
    return
  }
  try {
    const encoding = await loadEncoding(req.encoding)
    const results = req.pieces.map((p) => ({ stamp: p.stamp, tokens: tokenizeChunk(p.text, 0, p.text.length, encoding, req.mode) }))
    const msg: HelperResponse = { type: 'encoded', batch: req.batch, results }
    self.postMessage(msg, transferablesOf(results.map((r) => r.tokens)))
  } catch (err) {
    const msg: HelperResponse = { type: 'error', batch: req.batch, message: err instanceof Error ? err.message : String(err) }
    self.postMessage(msg)
  }
}
