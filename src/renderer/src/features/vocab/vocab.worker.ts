/// <reference lib="webworker" />
// Searches a tokenizer's tokens off the UI thread: preparing o200k's 200,000 entries and
// scanning all of them for a substring would hold up the window. Keeps each prepared vocabulary.
// Also finds a tokenizer's unreachable tokens (each token's text encoded on its own), in slices
// so that a newer request (another tokenizer) cancels it.
import { loadAppTokenizer, takeTokenizerRegistration } from '../../tokens/bundledTokenizers'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import { searchVocabulary, vocabularyOf, type Vocabulary } from '@shared/tools/vocabSearch'
import { unreachableSteps, type UnreachableResult } from '@shared/merges/unreachable'
import type { UnreachableRequest, VocabRequest, VocabResponse } from './vocabProtocol'

declare const self: DedicatedWorkerGlobalScope

const prepared = new Map<TokenizerId, Vocabulary>()
const unreachableFound = new Map<TokenizerId, { result: UnreachableResult; ms: number }>()
/** The newest job of each kind: older ones still queued behind a load are dropped unanswered. */
let newest = 0
let newestUnreachable = 0

/** Gives the event loop a turn, so a newer request can arrive. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

async function findUnreachable({ job, encoding }: UnreachableRequest): Promise<void> {
  newestUnreachable = job
  if (encoding === '') return // only cancels the running job
  let found = unreachableFound.get(encoding)
  if (!found) {
    const tokenizer = await loadAppTokenizer(encoding)
    const start = performance.now()
    let lastReport = 0
    const steps = unreachableSteps(tokenizer, (done, total) => {
      const now = performance.now()
      if (now - lastReport < 100 && done < total) return
      lastReport = now
      self.postMessage({ job, type: 'unreachable-progress', done, total } satisfies VocabResponse)
    })
    for (;;) {
      if (job !== newestUnreachable) return // cancelled
      const sliceStart = performance.now()
      let r = steps.next()
      while (!r.done && performance.now() - sliceStart < 30) r = steps.next()
      if (r.done) {
        found = { result: r.value, ms: Math.round(performance.now() - start) }
        break
      }
      await pause()
    }
    unreachableFound.set(encoding, found)
  }
  if (job !== newestUnreachable) return
  self.postMessage({ job, type: 'unreachable-done', result: found.result, ms: found.ms } satisfies VocabResponse)
}

self.onmessage = async (event: MessageEvent<VocabRequest>) => {
  if (takeTokenizerRegistration(event.data)) return
  const request = event.data
  try {
    if (request.kind === 'unreachable') return await findUnreachable(request)
    const { job, encoding, query } = request
    newest = job
    let vocab = prepared.get(encoding)
    if (!vocab) {
      vocab = vocabularyOf(await loadAppTokenizer(encoding))
      prepared.set(encoding, vocab)
    }
    if (job !== newest) return
    self.postMessage({ job, type: 'done', result: searchVocabulary(vocab, query) } satisfies VocabResponse)
  } catch (err) {
    self.postMessage({ job: request.job, type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies VocabResponse)
  }
}
