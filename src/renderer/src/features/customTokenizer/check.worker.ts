/// <reference lib="webworker" />
// Checks a tokenizer.json off the UI thread: parsing and building a 10-30 MB file takes about a
// second. A fresh worker per check; the built tokenizer is dropped (the tokenizer worker builds its own).
import { checkUserTokenizer } from '@shared/tokenizer/userTokenizer'
import type { CheckRequest, CheckResponse } from './checkProtocol'

declare const self: DedicatedWorkerGlobalScope

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  try {
    const result = checkUserTokenizer(event.data.files)
    self.postMessage((result.ok ? { ok: true, description: result.description } : { ok: false, message: result.message }) satisfies CheckResponse)
  } catch (err) {
    self.postMessage({ ok: false, message: `Could not check the tokenizer: ${err instanceof Error ? err.message : String(err)}` } satisfies CheckResponse)
  }
}
