/// <reference lib="webworker" />
// Replays a token's merges off the UI thread: the tokenizer may not be loaded on the page, and
// loading one (Gemma 3's 262,144 tokens) or tracing a long piece would hold up the window.
import { loadAppTokenizer, takeTokenizerRegistration } from '../../tokens/bundledTokenizers'
import { replayTokenAt } from '@shared/merges/replay'
import type { ReplayRequest, ReplayResponse } from './mergeReplayProtocol'

declare const self: DedicatedWorkerGlobalScope

/** The newest job: older ones still queued behind a load are dropped unanswered. */
let newest = 0

self.onmessage = async (event: MessageEvent<ReplayRequest>) => {
  if (takeTokenizerRegistration(event.data)) return
  const { job, encoding, text, offset, id } = event.data
  newest = job
  try {
    const tokenizer = await loadAppTokenizer(encoding)
    if (job !== newest) return
    self.postMessage({ job, type: 'done', replay: replayTokenAt(tokenizer, text, offset, id) } satisfies ReplayResponse)
  } catch (err) {
    self.postMessage({ job, type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies ReplayResponse)
  }
}
