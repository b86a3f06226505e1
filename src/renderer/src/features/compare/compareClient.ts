import { shareOpenedTokenizer } from '../../tokens/openedTokenizer'
import type { CompareJob, CompareRequest, CompareResponse } from './compareProtocol'

/**
 * The Compare panel's worker, kept warm: the encodings it loaded stay loaded, so a second
 * Compare of a small text is quick, without the seconds of starting a worker and
 * loading six encodings. One job at a time: a new job while one runs ends that worker (the
 * only way to stop a long count) and starts a fresh one, except while warming up. `dispose` frees it all.
 */
export class CompareClient {
  private worker: Worker | null = null
  /** Stops handing the worker newly opened tokenizer files. */
  private unshare: () => void = () => undefined
  private seq = 0
  /** The running job's seq and listener (null when idle). */
  private running: { seq: number; warm: boolean; listener: (msg: CompareResponse) => void } | null = null

  /** Starts the worker and loads every encoding, unless it is already warm or busy. */
  warm(): void {
    if (!this.worker && !this.running) this.run({ type: 'warm' }, () => {})
  }

  /** Runs a job; `listener` gets its answers until 'done', 'aligned' or 'error'. Cancels any job still running. */
  run(job: CompareJob, listener: (msg: CompareResponse) => void): void {
    // Warming up is never cancelled: the job uses the encodings it is loading.
    if (this.running && !this.running.warm) this.stopWorker()
    const worker = this.ensureWorker()
    const request = { ...job, seq: ++this.seq } as CompareRequest
    this.running = { seq: request.seq, warm: job.type === 'warm', listener }
    worker.postMessage(request)
  }

  /** Ends the worker and any job (the panel closed or unmounted). */
  dispose(): void {
    this.stopWorker()
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const w = new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module', name: 'compare' })
    w.onmessage = (e: MessageEvent<CompareResponse>) => {
      const run = this.running
      if (!run || e.data.seq !== run.seq) return
      // Per-row answers (a count, a tokenizer loading or failing) keep the job running.
      if (e.data.type === 'done' || e.data.type === 'aligned' || e.data.type === 'error') this.running = null
      run.listener(e.data)
    }
    w.onerror = (e) => {
      const run = this.running
      this.stopWorker()
      run?.listener({ type: 'error', message: e.message || 'the compare worker stopped' })
    }
    this.worker = w
    this.unshare = shareOpenedTokenizer(w)
    return w
  }

  private stopWorker(): void {
    this.worker?.terminate()
    this.unshare()
    this.worker = null
    this.running = null
  }
}
