/// <reference lib="webworker" />
// Counts one text in every encoding, one after another, for the Compare panel. A separate
// worker so the editor's tokenizer never waits for it; replaced when a new compare starts.
import { countTokens } from '../../../shared/compare'
import { ENCODING_NAMES } from '../../../shared/encodings'
import { loadEncoding } from '../../../shared/encodingLoader'
import type { SpecialMode } from '../../../shared/specialTokens'

declare const self: DedicatedWorkerGlobalScope

self.onmessage = async (event: MessageEvent<{ text: string; mode: SpecialMode }>) => {
  const { text, mode } = event.data
  try {
    for (const name of ENCODING_NAMES) {
      const t0 = performance.now()
      const count = countTokens(text, await loadEncoding(name), mode)
      self.postMessage({ type: 'count', encoding: name, count, ms: performance.now() - t0 })
    }
    self.postMessage({ type: 'done' })
  } catch (err) {
    self.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) })
  }
}
