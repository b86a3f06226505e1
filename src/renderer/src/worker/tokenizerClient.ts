import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import type { CoordinatorRequest, CoordinatorResponse, CustomTokenizerBytes } from '@shared/contract/workerProtocol'
import type { TextEdit } from '@shared/document/documentModel'

/**
 * Talks to the coordinating tokenizer worker: sends the text once, then only edits, and
 * passes every answer (splices, fills, status) to `onMessage` in order.
 */
export class TokenizerClient {
  private worker: Worker
  /** Requests held back until the next frame is painted (see editAfterPaint), in order. */
  private held: CoordinatorRequest[] = []
  private jobSeq = 0
  private pendingJobs = new Map<number, (answer: CoordinatorResponse) => void>()

  /**
   * @param onMessage receives the coordinator's messages, in order
   * @param afterPaint runs a callback once the next frame is painted
   */
  constructor(
    private readonly onMessage: (msg: CoordinatorResponse) => void,
    createWorker: () => Worker = () => new Worker(new URL('./tokenizer.worker.ts', import.meta.url), { type: 'module', name: 'tokenizer' }),
    private readonly afterPaint: (fn: () => void) => void = afterNextPaint,
  ) {
    this.worker = createWorker()
    this.worker.onmessage = (e: MessageEvent<CoordinatorResponse>) => {
      const msg = e.data
      if (msg.type === 'tokenBytes' || msg.type === 'count') {
        this.pendingJobs.get(msg.job)?.(msg)
        this.pendingJobs.delete(msg.job)
      } else this.onMessage(msg)
    }
    this.worker.onerror = (e) => {
      e.preventDefault()
      this.onMessage({ type: 'error', message: `The tokenizer stopped: ${e.message || 'unknown error'}` })
    }
  }

  private send(req: CoordinatorRequest): void {
    this.releaseHeld()
    this.worker.postMessage(req)
  }

  private releaseHeld(): void {
    const held = this.held
    this.held = []
    for (const req of held) this.worker.postMessage(req)
  }

  /** Chooses the encoding and special-token mode (re-tokenizes everything when they change). */
  configure(encoding: TokenizerId, mode: SpecialMode): void {
    this.send({ type: 'configure', encoding, mode })
  }

  /**
   * Makes a tokenizer built from the user's files available under `tokenizer.id` (choose it
   * with configure). Use a new id per file: a loaded tokenizer is kept by id.
   */
  register(tokenizer: CustomTokenizerBytes): void {
    this.send({ type: 'register', tokenizer })
  }

  /** Replaces the whole text (start-up, open file). */
  reset(version: number, text: string): void {
    this.send({ type: 'reset', version, text })
  }

  /** Sends the edits that made document version `version`. */
  edit(version: number, edits: TextEdit[]): void {
    this.send({ type: 'edit', version, edits })
  }

  /**
   * Sends the edits that made version `version` once the next frame is painted, or sooner
   * when another request follows (order is kept). For a big paste whose visible part this
   * thread already tokenized: copying megabytes to the worker (a structured clone) then
   * no longer delays the paste's first frame.
   */
  editAfterPaint(version: number, edits: TextEdit[]): void {
    this.held.push({ type: 'edit', version, edits })
    if (this.held.length === 1) this.afterPaint(() => this.releaseHeld())
  }

  /** Tells the worker what is on screen, so that part is tokenized first. */
  viewport(from: number, to: number): void {
    this.send({ type: 'viewport', from, to })
  }

  /** The exact bytes of the given token ids (from the encoding's vocabulary); null for unknown ids. */
  tokenBytes(encoding: TokenizerId, ids: number[]): Promise<(Uint8Array | null)[]> {
    const job = ++this.jobSeq
    return new Promise((resolve) => {
      this.pendingJobs.set(job, (msg) => resolve(msg.type === 'tokenBytes' ? msg.bytes : []))
      this.send({ type: 'tokenBytes', job, encoding, ids })
    })
  }

  /** Token counts of `texts` in an encoding and special-token mode (counted in the worker). */
  count(encoding: TokenizerId, mode: SpecialMode, texts: string[]): Promise<number[]> {
    const job = ++this.jobSeq
    return new Promise((resolve) => {
      this.pendingJobs.set(job, (msg) => resolve(msg.type === 'count' ? msg.counts : []))
      this.send({ type: 'count', job, encoding, mode, texts })
    })
  }

  /** Stops the worker (and its helpers). */
  dispose(): void {
    this.held = []
    this.worker.terminate()
  }
}

/**
 * Runs `fn` once, after the next frame is painted (a message posted from an animation frame
 * is handled once that frame's rendering is done), or after 200 ms if no frame comes: a
 * hidden window gets none.
 */
function afterNextPaint(fn: () => void): void {
  let done = false
  const once = () => {
    if (done) return
    done = true
    fn()
  }
  requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = once
    channel.port2.postMessage(null)
  })
  setTimeout(once, 200)
}
