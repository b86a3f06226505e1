/// <reference lib="webworker" />
// Searches a tokenizer's tokens off the UI thread: preparing o200k's 200,000 entries and
// scanning all of them for a substring would hold up the window. Keeps each prepared vocabulary.
import { loadAppTokenizer, takeTokenizerRegistration } from '../../tokens/bundledTokenizers'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import { searchVocabulary, vocabularyOf, type Vocabulary } from '@shared/tools/vocabSearch'
import type { VocabRequest, VocabResponse } from './vocabProtocol'

declare const self: DedicatedWorkerGlobalScope

const prepared = new Map<TokenizerId, Vocabulary>()
/** The newest job: older ones still queued behind a load are dropped unanswered. */
let newest = 0

self.onmessage = async (event: MessageEvent<VocabRequest>) => {
  if (takeTokenizerRegistration(event.data)) return
  const { job, encoding, query } = event.data
  newest = job
  try {
    let vocab = prepared.get(encoding)
    if (!vocab) {
      vocab = vocabularyOf(await loadAppTokenizer(encoding))
      prepared.set(encoding, vocab)
    }
    if (job !== newest) return
    self.postMessage({ job, type: 'done', result: searchVocabulary(vocab, query) } satisfies VocabResponse)
  } catch (err) {
    self.postMessage({ job, type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies VocabResponse)
  }
}
