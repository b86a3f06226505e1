/// <reference lib="webworker" />
// Builds and queries the n-gram model of the document's tokens off the UI thread: a 10 MB text
// is a few million tokens, and sorting them takes about a second.
import { MAX_TYPED_TOKENS } from '../../../shared/sampling/parseDistribution'
import { NgramModel, type Continuations } from '../../../shared/sampling/ngram'
import { generateTokens } from '../../../shared/sampling/ngramGenerate'
import { seededRandom } from '../../../shared/sampling/random'
import type { NgramRequest, NgramResponse } from './ngramProtocol'

declare const self: DedicatedWorkerGlobalScope

let model: NgramModel | null = null
const post = (msg: NgramResponse) => self.postMessage(msg)

/** At most as many continuations as the lab takes. */
const capped = (c: Continuations): Continuations => (c.next.length > MAX_TYPED_TOKENS ? { ...c, next: c.next.slice(0, MAX_TYPED_TOKENS) } : c)

self.onmessage = (event: MessageEvent<NgramRequest>) => {
  const msg = event.data
  try {
    if (msg.type === 'build') {
      const t0 = performance.now()
      model = null
      model = new NgramModel(msg.ids, msg.maxContext, (done, total) => post({ type: 'progress', version: msg.version, done, total }))
      post({ type: 'built', version: msg.version, tokens: msg.ids.length, ms: performance.now() - t0 })
    } else if (!model) post({ type: 'error', job: msg.job, message: 'The n-gram model is not built yet.' })
    else if (msg.type === 'query') post({ type: 'continuations', job: msg.job, result: capped(model.continuations(msg.context, msg.contextLength)) })
    else {
      const steps = generateTokens(model, msg.context, msg.count, msg.settings, seededRandom(msg.seed), msg.contextLength).map((s) => ({
        id: s.id,
        probability: s.probability,
        continuations: capped(s.continuations),
        candidates: s.result.keep.filter(Boolean).length,
      }))
      post({ type: 'generated', job: msg.job, steps })
    }
  } catch (err) {
    post({ type: 'error', job: 'job' in msg ? msg.job : undefined, message: err instanceof Error ? err.message : String(err) })
  }
}
