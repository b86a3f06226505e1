import type { EncoderToken } from '@shared/embeddings/encoder'
import type { VectorRows } from '@shared/embeddings/vectors'
import type { EmbedRequest, EmbedResponse } from './embeddingsProtocol'

/** What a finished embedding job gives back. */
export interface EmbedResult {
  rows: VectorRows
  tokens: EncoderToken[][] | null
  /** Time spent embedding, in the worker (not counting the model's load). */
  ms: number
}

/** The model's state, for the panel: not loaded yet, loading (share read), ready (load time), or failed. */
export type ModelState = { status: 'idle' } | { status: 'loading'; fraction: number } | { status: 'ready'; ms: number } | { status: 'failed'; message: string }

/** A job in flight: its result, and a way to stop it (its promise then rejects with a CancelledError). */
export interface EmbedJob {
  result: Promise<EmbedResult>
  cancel(): void
}

/** The rejection of a cancelled job (not an error to show). */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled.')
    this.name = 'CancelledError'
  }
}

interface Pending {
  resolve(r: EmbedResult): void
  reject(e: Error): void
  onProgress?: (done: number, total: number) => void
}

/** Talks to the embeddings worker, which it starts on the first job (so the model loads on first use). */
export class EmbeddingsClient {
  private worker: Worker | null = null
  private jobs = new Map<number, Pending>()
  private seq = 0

  /** `onModel` hears the model's loading progress, readiness and failure. */
  constructor(private readonly onModel: (state: ModelState) => void) {}

  /** Embeds `texts` (with their tokens when `withTokens`), reporting progress per batch. */
  embed(texts: string[], options: { withTokens?: boolean; onProgress?: (done: number, total: number) => void } = {}): EmbedJob {
    const job = ++this.seq
    const result = new Promise<EmbedResult>((resolve, reject) => this.jobs.set(job, { resolve, reject, onProgress: options.onProgress }))
    this.post({ type: 'embed', job, texts, withTokens: options.withTokens ?? false })
    return { result, cancel: () => this.jobs.has(job) && this.post({ type: 'cancel', job }) }
  }

  dispose(): void {
    this.worker?.terminate()
    this.worker = null
    for (const p of this.jobs.values()) p.reject(new CancelledError())
    this.jobs.clear()
  }

  private post(req: EmbedRequest): void {
    if (!this.worker) {
      this.worker = new Worker(new URL('./embeddings.worker.ts', import.meta.url), { type: 'module', name: 'embeddings' })
      this.worker.onmessage = (e: MessageEvent<EmbedResponse>) => this.handle(e.data)
      this.worker.onerror = (e) => {
        e.preventDefault()
        this.fail(`The embeddings worker stopped: ${e.message || 'it could not start'}.`)
      }
    }
    this.worker.postMessage(req)
  }

  /** The worker died: every job fails with the reason, and the next job starts a new worker. */
  private fail(message: string): void {
    this.worker?.terminate()
    this.worker = null
    this.onModel({ status: 'failed', message })
    for (const p of this.jobs.values()) p.reject(new Error(message))
    this.jobs.clear()
  }

  private handle(msg: EmbedResponse): void {
    if (msg.type === 'loading') return this.onModel({ status: 'loading', fraction: msg.fraction })
    if (msg.type === 'loaded') return this.onModel({ status: 'ready', ms: msg.ms })
    const p = this.jobs.get(msg.job)
    if (!p) return
    if (msg.type === 'progress') return p.onProgress?.(msg.done, msg.total)
    this.jobs.delete(msg.job)
    if (msg.type === 'embedded') p.resolve({ rows: { count: msg.count, dim: msg.dim, values: msg.values }, tokens: msg.tokens, ms: msg.ms })
    else if (msg.type === 'cancelled') p.reject(new CancelledError())
    else {
      p.reject(new Error(msg.message))
      if (/embedding model|TensorFlow/.test(msg.message)) this.onModel({ status: 'failed', message: msg.message })
    }
  }
}
