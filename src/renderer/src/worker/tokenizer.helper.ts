/// <reference lib="webworker" />
// A stateless helper: encodes batches of chunk texts for the coordinator, in parallel with it.
import { loadAppTokenizer, registerCustomTokenizer } from '../tokens/bundledTokenizers'
import { tokenizeChunk } from '@shared/document/tokenize'
import { transferablesOf, type HelperRequest, type HelperResponse } from '@shared/contract/workerProtocol'

declare const self: DedicatedWorkerGlobalScope

/** About 60 KB of prose, code, JSON, CJK and emoji: enough for the JIT to optimize the encoder. */
const WARM_UP_TEXT = (
  'The quick brown fox jumps over the lazy dog; numbers 3.14159 and 1,000,000 follow.\n' +
  'function add(a, b) {\n  return a + b // sum\n}\n' +
  '{"id": 42, "name": "tokenizer", "tags": ["a", "b"], "ok": true}\n' +
  '日本語のテキストと中文文本，한국어 텍스트。 👩🏽‍💻 🦙 ✨\n'
).repeat(250)

self.onmessage = async (event: MessageEvent<HelperRequest>) => {
  const req = event.data
  if (req.type === 'register') {
    registerCustomTokenizer(req.tokenizer)
    return
  }
  if (req.type === 'warm') {
    // Load the tokenizer now and run the encoder once over mixed text, so the first big job
    // neither waits for the tables nor runs in the JIT's slow tiers.
    void loadAppTokenizer(req.encoding)
      .then((encoding) => tokenizeChunk(WARM_UP_TEXT, 0, WARM_UP_TEXT.length, encoding, 'text'))
      .catch(() => undefined)
    return
  }
  try {
    const encoding = await loadAppTokenizer(req.encoding)
    const results = req.pieces.map((p) => ({ stamp: p.stamp, tokens: tokenizeChunk(p.text, 0, p.text.length, encoding, req.mode) }))
    const msg: HelperResponse = { type: 'encoded', batch: req.batch, results }
    self.postMessage(msg, transferablesOf(results.map((r) => r.tokens)))
  } catch (err) {
    const msg: HelperResponse = { type: 'error', batch: req.batch, message: err instanceof Error ? err.message : String(err) }
    self.postMessage(msg)
  }
}
