/// <reference lib="webworker" />
// The Compare panel's work, off the editor's tokenizer: counting one text in every tokenizer,
// and aligning two tokenizers' segmentations of a stretch of text. One worker stays warm
// (encodings loaded) while the panel is open; a job that must be cancelled ends the worker
// (compareClient.ts). Every answer carries its request's seq.
import { alignSegmentations } from '@shared/tools/align'
import { countTokens } from '@shared/document/tokenize'
import { CATALOG } from '@shared/tokenizer/catalog'
import { loadAppTokenizer, loadsQuickly, takeTokenizerRegistration } from '../../tokens/bundledTokenizers'
import { tokenizeAll } from '@shared/document/tokenize'
import { visibleTokenBytes } from '@shared/display/visibleText'
import { FLAG_PARTIAL } from '@shared/tokenizer/tokenSpans'
import type { CompareRequest, CompareResponse } from './compareProtocol'

declare const self: DedicatedWorkerGlobalScope

self.onmessage = async (event: MessageEvent<CompareRequest>) => {
  // The tokenizer opened from a file, if any, comes first (see tokens/openedTokenizer.ts).
  if (takeTokenizerRegistration(event.data)) return
  const req = event.data
  const post = (msg: CompareResponse) => self.postMessage({ ...msg, seq: req.seq })
  try {
    if (req.type === 'warm') {
      // OpenAI's encodings are in the bundle; the others load lazily when a count needs them.
      await Promise.all(CATALOG.filter((e) => loadsQuickly(e.id)).map((e) => loadAppTokenizer(e.id)))
      post({ type: 'done' })
      return
    }
    if (req.type === 'count') {
      // One tokenizer at a time, so each row's count shows as soon as it is ready; a tokenizer
      // that cannot be loaded fails its own row only.
      for (const id of req.tokenizers) {
        if (!loadsQuickly(id)) post({ type: 'loading', encoding: id })
        let tokenizer
        try {
          tokenizer = await loadAppTokenizer(id)
        } catch (err) {
          post({ type: 'rowError', encoding: id, message: err instanceof Error ? err.message : String(err) })
          continue
        }
        const t0 = performance.now()
        const count = countTokens(req.text, tokenizer, req.mode)
        post({ type: 'count', encoding: id, count, ms: performance.now() - t0 })
      }
      post({ type: 'done' })
      return
    }
    const [encA, encB] = await Promise.all([loadAppTokenizer(req.a), loadAppTokenizer(req.b)])
    const a = tokenizeAll(req.text, encA, req.mode).table
    const b = tokenizeAll(req.text, encB, req.mode).table
    // Labels for tokens that hold only part of a character (their text alone would be empty).
    const label = (enc: typeof encA, ids: Uint32Array, flags: Uint8Array) =>
      Array.from(ids, (id, i) => (flags[i] & FLAG_PARTIAL ? visibleTokenBytes(enc.tokenBytes(id)) : null))
    post({
      type: 'aligned',
      groups: alignSegmentations(
        a.starts,
        b.starts,
        (i) => encA.byteLength(a.ids[i]),
        (i) => encB.byteLength(b.ids[i]),
      ),
      a: { ids: Array.from(a.ids), starts: Array.from(a.starts), partial: label(encA, a.ids, a.flags) },
      b: { ids: Array.from(b.ids), starts: Array.from(b.starts), partial: label(encB, b.ids, b.flags) },
    })
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) })
  }
}
