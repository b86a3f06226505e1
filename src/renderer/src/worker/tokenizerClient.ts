import type { EncodingName } from '../../../shared/encodings'
import type { SpecialMode } from '../../../shared/specialTokens'
import type { CoordinatorRequest, CoordinatorResponse, TextEdit } from '../../../shared/workerProtocol'

/**
 * Talks to the coordinating tokenizer worker: sends the text once, then only edits, and
 * passes every answer (splices, fills, status) to `onMessage` in order.
 */
export class TokenizerClient {
  private worker: Worker
  private bytesSeq = 0
  private pendingBytes = new Map<number, (bytes: (Uint8Array | null)[]) => void>()

  /** @param onMessage receives the coordinator's messages, in order */
  constructor(
    private readonly onMessage: (msg: CoordinatorResponse) => void,
    createWorker: () => Worker = () => new Worker(new URL('./tokenizer.worker.ts', import.meta.url), { type: 'module', name: 'tokenizer' }),
  ) {
    this.worker = createWorker()
    this.worker.onmessage = (e: MessageEvent<CoordinatorResponse>) => {
      const msg = e.data
      if (msg.type === 'tokenBytes') {
        this.pendingBytes.get(msg.job)?.(msg.bytes)
        this.pendingBytes.delete(msg.job)
      } else this.onMessage(msg)
    }
    this.worker.onerror = (e) => {
      e.preventDefault()
      this.onMessage({ type: 'error', message: `The tokenizer stopped: ${e.message || 'unknown error'}` })
    }
  }

  private send(req: CoordinatorRequest): void {
    this.worker.postMessage(req)
  }

  /** Chooses the encoding and special-token mode (re-tokenizes everything when they change). */
  configure(encoding: EncodingName, mode: SpecialMode): void {
    this.send({ type: 'configure', encoding, mode })
  }

  /** Replaces the whole text (start-up, open file). */
  reset(version: number, text: string): void {
    this.send({ type: 'reset', version, text })
  }

  /** Sends the edits that made document version `version`. */
  edit(version: number, edits: TextEdit[]): void {
    this.send({ type: 'edit', version, edits })
  }

  /** Tells the worker what is on screen, so that part is tokenized first. */
  viewport(from: number, to: number): void {
    this.send({ type: 'viewport', from, to })
  }

  /** The exact bytes of the given token ids (from the encoding's vocabulary); null for unknown ids. */
  tokenBytes(encoding: EncodingName, ids: number[]): Promise<(Uint8Array | null)[]> {
    const job = ++this.bytesSeq
    return new Promise((resolve) => {
      this.pendingBytes.set(job, resolve)
      this.send({ type: 'tokenBytes', job, encoding, ids })
    })
  }

  /** Stops the worker (and its helpers). */
  dispose(): void {
    this.worker.terminate()
  }
}
