import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { VocabSearchResult } from '@shared/tools/vocabSearch'
import type { VocabRequest, VocabResponse } from './vocabProtocol'
import { shareOpenedTokenizer } from '../../tokens/openedTokenizer'

/** Searches vocabularies in one worker of its own; only the newest search is answered. */
export class VocabClient {
  private worker: Worker | null = null
  /** Stops handing the worker newly opened tokenizer files. */
  private unshare: () => void = () => undefined
  private job = 0
  private pending: { job: number; resolve(r: VocabSearchResult | null): void; reject(e: Error): void } | null = null

  /** The search's result, or null when a newer search replaced it first. */
  search(encoding: TokenizerId, query: string): Promise<VocabSearchResult | null> {
    const worker = this.worker ?? this.start()
    this.pending?.resolve(null)
    const job = ++this.job
    return new Promise((resolve, reject) => {
      this.pending = { job, resolve, reject }
      worker.postMessage({ job, encoding, query } satisfies VocabRequest)
    })
  }

  /** Stops the worker (a later search starts a new one). */
  dispose(): void {
    this.worker?.terminate()
    this.unshare()
    this.worker = null
    this.pending?.resolve(null)
    this.pending = null
  }

  private start(): Worker {
    const worker = new Worker(new URL('./vocab.worker.ts', import.meta.url), { type: 'module', name: 'vocabulary' })
    worker.onmessage = (e: MessageEvent<VocabResponse>) => {
      const p = this.pending
      if (!p || p.job !== e.data.job) return
      this.pending = null
      if (e.data.type === 'done') p.resolve(e.data.result)
      else p.reject(new Error(e.data.message))
    }
    worker.onerror = (e) => {
      const p = this.pending
      this.pending = null
      this.dispose()
      p?.reject(new Error(e.message || 'the vocabulary worker failed.'))
    }
    this.worker = worker
    this.unshare = shareOpenedTokenizer(worker)
    return worker
  }
}
