import type { Continuations } from '@shared/sampling/ngram'
import type { SamplingSettings } from '@shared/sampling/pipeline'
import type { GeneratedToken, NgramRequest, NgramResponse } from './ngramProtocol'

/** Talks to the n-gram worker: one model at a time (a new build replaces it), queries answered by job. */
export class NgramClient {
  private readonly worker = new Worker(new URL('./ngram.worker.ts', import.meta.url), { type: 'module', name: 'ngram' })
  private jobs = new Map<number, (msg: NgramResponse) => void>()
  private seq = 0

  /** `onBuild` hears build progress and completion (for the latest version only). */
  constructor(onBuild: (msg: Extract<NgramResponse, { type: 'progress' | 'built' | 'error' }>) => void) {
    this.worker.onmessage = (e: MessageEvent<NgramResponse>) => {
      const msg = e.data
      const job = 'job' in msg ? msg.job : undefined
      if (job !== undefined && this.jobs.has(job)) {
        this.jobs.get(job)!(msg)
        this.jobs.delete(job)
      } else if (msg.type === 'progress' || msg.type === 'built' || msg.type === 'error') onBuild(msg)
    }
  }

  /** Builds the model of `ids` (transferred: the caller's array is emptied). */
  build(version: number, ids: Uint32Array, maxContext: number): void {
    this.post({ type: 'build', version, ids, maxContext }, [ids.buffer])
  }

  /** What follows `context` in the text. */
  query(context: number[], contextLength: number): Promise<Continuations> {
    return this.ask({ type: 'query', job: ++this.seq, context, contextLength }).then((m) => (m.type === 'continuations' ? m.result : fail(m)))
  }

  /** Generates `count` tokens after `context` with the sampler's settings and a seed. */
  generate(context: number[], contextLength: number, count: number, settings: SamplingSettings, seed: number): Promise<GeneratedToken[]> {
    return this.ask({ type: 'generate', job: ++this.seq, context, contextLength, count, settings, seed }).then((m) => (m.type === 'generated' ? m.steps : fail(m)))
  }

  dispose(): void {
    this.worker.terminate()
    this.jobs.clear()
  }

  private ask(req: Extract<NgramRequest, { job: number }>): Promise<NgramResponse> {
    return new Promise((resolve) => {
      this.jobs.set(req.job, resolve)
      this.post(req)
    })
  }

  private post(req: NgramRequest, transfer: Transferable[] = []): void {
    this.worker.postMessage(req, transfer)
  }
}

function fail(m: NgramResponse): never {
  throw new Error(m.type === 'error' ? m.message : `Unexpected answer ${m.type}`)
}
