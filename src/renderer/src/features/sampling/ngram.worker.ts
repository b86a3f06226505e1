/// <reference lib="webworker" />
// Builds and queries the n-gram model of the document's tokens off the UI thread: a 10 MB text
// is a few million tokens, and sorting them takes about a second.
import { mostFrequent, NgramModel, type Continuations } from '@shared/sampling/ngram'
import { generateTokens } from '@shared/sampling/ngramGenerate'
import { seededRandom } from '@shared/sampling/random'
import type { NgramRequest, NgramResponse } from './ngramProtocol'

declare const self: DedicatedWorkerGlobalScope

let model: NgramModel | null = null
const post = (msg: NgramResponse) => self.postMessage(msg)

/** Most continuations handed to the lab (a chart of more says nothing more, and costs the page time). */
const MAX_LAB_CONTINUATIONS = 1000
const capped = (c: Continuations): Continuations => mostFrequent(c, MAX_LAB_CONTINUATIONS)

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
