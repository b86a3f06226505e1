import type { TextCounts } from '../../../shared/counts'
import type { EncodingName } from '../../../shared/encodings'
import type { SpecialMode } from '../../../shared/specialTokens'
import type { TokenTable } from '../../../shared/tokenize'
import type { WorkerRequest, WorkerResponse } from '../../../shared/workerProtocol'

/** A finished tokenization of the text most recently sent. */
export interface TokenizedText {
  job: number
  encoding: EncodingName
  mode: SpecialMode
  table: TokenTable
  counts: TextCounts
  elapsedMs: number
}

/** What the client reports to the UI. */
export type TokenizerEvent =
  | { type: 'loading'; encoding: EncodingName }
  | { type: 'progress'; fraction: number }
  | { type: 'result'; result: TokenizedText }
  | { type: 'error'; message: string }

/** A worker that has not been heard from for this long while busy is restarted on the next request. */
const STUCK_AFTER_MS = 400

/**
 * Runs tokenization in a Web Worker. Only the newest request's result is reported; a
 * worker stuck in one long BPE piece (a megabyte of letters) is terminated and replaced
 * when a newer request arrives, so typing never waits for stale work.
 */
export class TokenizerClient {
  private worker: Worker
  private job = 0
  private bytesSeq = 0
  private busySince: number | null = null
  private lastHeard = 0
  private pendingBytes = new Map<number, (bytes: Uint8Array[]) => void>()

  /** @param onEvent receives loading, progress, result and error events for the newest job */
  constructor(
    private readonly onEvent: (event: TokenizerEvent) => void,
    private readonly createWorker: () => Worker = () =>
      new Worker(new URL('./tokenizer.worker.ts', import.meta.url), { type: 'module', name: 'tokenizer' }),
  ) {
    this.worker = this.spawn()
  }

  private spawn(): Worker {
    const worker = this.createWorker()
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => this.handle(e.data)
    worker.onerror = (e) => {
      e.preventDefault()
      this.busySince = null
      this.onEvent({ type: 'error', message: `The tokenizer stopped: ${e.message || 'unknown error'}` })
    }
    return worker
  }

  private handle(msg: WorkerResponse): void {
    this.lastHeard = performance.now()
    if (msg.type === 'tokenBytes') {
      this.pendingBytes.get(msg.job)?.(msg.bytes)
      this.pendingBytes.delete(msg.job)
      return
    }
    if (msg.job !== this.job) return
    switch (msg.type) {
      case 'loading':
        this.onEvent({ type: 'loading', encoding: msg.encoding })
        break
      case 'progress':
        this.onEvent({ type: 'progress', fraction: msg.totalChars > 0 ? msg.doneChars / msg.totalChars : 1 })
        break
      case 'result':
        this.busySince = null
        this.onEvent({
          type: 'result',
          result: {
            job: msg.job,
            encoding: msg.encoding,
            mode: msg.mode,
            table: { ids: msg.ids, starts: msg.starts, flags: msg.flags },
            counts: msg.counts,
            elapsedMs: msg.elapsedMs,
          },
        })
        break
      case 'error':
        this.busySince = null
        this.onEvent({ type: 'error', message: msg.message })
        break
    }
  }

  /** Asks for `text` to be tokenized, superseding any earlier request. Returns the job number. */
  tokenize(text: string, encoding: EncodingName, mode: SpecialMode): number {
    const now = performance.now()
    if (this.busySince !== null && now - Math.max(this.busySince, this.lastHeard) > STUCK_AFTER_MS) {
      this.worker.terminate()
      for (const resolve of this.pendingBytes.values()) resolve([])
      this.pendingBytes.clear()
      this.worker = this.spawn()
    }
    this.job++
    if (this.busySince === null) this.busySince = now
    this.send({ type: 'tokenize', job: this.job, text, encoding, mode })
    return this.job
  }

  /** The exact bytes of the given token ids (from the encoding's vocabulary). */
  tokenBytes(encoding: EncodingName, ids: number[]): Promise<Uint8Array[]> {
    // Negative job numbers: byte look-ups never supersede a tokenize job.
    const id = -++this.bytesSeq
    return new Promise((resolve) => {
      this.pendingBytes.set(id, resolve)
      this.send({ type: 'tokenBytes', job: id, encoding, ids })
    })
  }

  private send(req: WorkerRequest): void {
    this.worker.postMessage(req)
  }

  /** Stops the worker. */
  dispose(): void {
    this.worker.terminate()
  }
}
