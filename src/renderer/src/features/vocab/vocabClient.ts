import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { VocabSearchResult } from '@shared/tools/vocabSearch'
import type { UnreachableResult } from '@shared/merges/unreachable'
import type { VocabRequest, VocabResponse } from './vocabProtocol'
import { shareOpenedTokenizer } from '../../tokens/openedTokenizer'

/** Searches vocabularies in one worker of its own; only the newest search is answered. */
export class VocabClient {
  private worker: Worker | null = null
  /** Stops handing the worker newly opened tokenizer files. */
  private unshare: () => void = () => undefined
  private job = 0
  private pending: { job: number; resolve(r: VocabSearchResult | null): void; reject(e: Error): void } | null = null
  private pendingUnreachable: {
    job: number
    onProgress(done: number, total: number): void
    resolve(r: { result: UnreachableResult; ms: number } | null): void
    reject(e: Error): void
  } | null = null

  /**
   * The tokenizer's unreachable tokens (with the milliseconds the worker took), or null when a
   * newer request replaced it (the worker then stops the older one). `onProgress` hears tokens checked.
   */
  unreachable(encoding: TokenizerId, onProgress: (done: number, total: number) => void): Promise<{ result: UnreachableResult; ms: number } | null> {
    const worker = this.worker ?? this.start()
    this.pendingUnreachable?.resolve(null)
    const job = ++this.job
    return new Promise((resolve, reject) => {
      this.pendingUnreachable = { job, onProgress, resolve, reject }
      worker.postMessage({ job, kind: 'unreachable', encoding } satisfies VocabRequest)
    })
  }

  /** Stops waiting for unreachable tokens (the worker drops the job at its next slice). */
  cancelUnreachable(): void {
    const p = this.pendingUnreachable
    if (!p) return
    this.pendingUnreachable = null
    p.resolve(null)
    // A newer job number cancels the running one; `unreachable` with no one waiting does no harm.
    this.worker?.postMessage({ job: ++this.job, kind: 'unreachable', encoding: '' } satisfies VocabRequest)
  }

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
    this.pendingUnreachable?.resolve(null)
    this.pendingUnreachable = null
  }

  private start(): Worker {
    const worker = new Worker(new URL('./vocab.worker.ts', import.meta.url), { type: 'module', name: 'vocabulary' })
    worker.onmessage = (e: MessageEvent<VocabResponse>) => {
      const u = this.pendingUnreachable
      if (u && u.job === e.data.job) {
        if (e.data.type === 'unreachable-progress') return u.onProgress(e.data.done, e.data.total)
        this.pendingUnreachable = null
        if (e.data.type === 'unreachable-done') u.resolve({ result: e.data.result, ms: e.data.ms })
        else if (e.data.type === 'error') u.reject(new Error(e.data.message))
        return
      }
      const p = this.pending
      if (!p || p.job !== e.data.job) return
      this.pending = null
      if (e.data.type === 'done') p.resolve(e.data.result)
      else if (e.data.type === 'error') p.reject(new Error(e.data.message))
    }
    worker.onerror = (e) => {
      const p = this.pending
      this.pending = null
      const u = this.pendingUnreachable
      this.pendingUnreachable = null
      u?.reject(new Error(e.message || 'the vocabulary worker failed.'))
      this.dispose()
      p?.reject(new Error(e.message || 'the vocabulary worker failed.'))
    }
    this.worker = worker
    this.unshare = shareOpenedTokenizer(worker)
    return worker
  }
}
