import type { TokenReplay } from '@shared/merges/replay'
import type { ReplayRequest, ReplayResponse, ReplayTarget } from './mergeReplayProtocol'
import { shareOpenedTokenizer } from '../../tokens/openedTokenizer'

/** Replays tokens' merges in one worker of its own; only the newest request is answered. */
export class MergeReplayClient {
  private worker: Worker | null = null
  private unshare: () => void = () => undefined
  private job = 0
  private pending: { job: number; resolve(r: TokenReplay | null): void; reject(e: Error): void } | null = null

  /** How the target token is built, or null when a newer request replaced this one first. */
  replay(target: ReplayTarget): Promise<TokenReplay | null> {
    const worker = this.worker ?? this.start()
    this.pending?.resolve(null)
    const job = ++this.job
    return new Promise((resolve, reject) => {
      this.pending = { job, resolve, reject }
      worker.postMessage({ job, ...target } satisfies ReplayRequest)
    })
  }

  /** Stops the worker (a later request starts a new one). */
  dispose(): void {
    this.worker?.terminate()
    this.unshare()
    this.worker = null
    this.pending?.resolve(null)
    this.pending = null
  }

  private start(): Worker {
    const worker = new Worker(new URL('./mergeReplay.worker.ts', import.meta.url), { type: 'module', name: 'merge replay' })
    worker.onmessage = (e: MessageEvent<ReplayResponse>) => {
      const p = this.pending
      if (!p || p.job !== e.data.job) return
      this.pending = null
      if (e.data.type === 'done') p.resolve(e.data.replay)
      else p.reject(new Error(e.data.message))
    }
    worker.onerror = (e) => {
      const p = this.pending
      this.pending = null
      this.dispose()
      p?.reject(new Error(e.message || 'the merge replay worker failed.'))
    }
    this.worker = worker
    this.unshare = shareOpenedTokenizer(worker)
    return worker
  }
}
