import type { TrainRequest, TrainResponse } from './trainerProtocol'

/** One training run in its own worker; `cancel` ends it at once (the worker is terminated). */
export class TrainingRun {
  private readonly worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' })
  private over = false

  /** Starts training; `onMessage` hears every report until the run is done, failed or cancelled. */
  constructor(request: TrainRequest, onMessage: (msg: TrainResponse) => void) {
    this.worker.onmessage = (e: MessageEvent<TrainResponse>) => {
      if (this.over) return
      if (e.data.type === 'done' || e.data.type === 'error') this.end()
      onMessage(e.data)
    }
    this.worker.onerror = (e) => {
      if (this.over) return
      this.end()
      onMessage({ type: 'error', message: `Training stopped: ${e.message || 'the worker ran out of memory or failed'}.` })
    }
    // File bytes are transferred (the page has no further use for them).
    const transfer = request.sources.flatMap((s) => (s.kind === 'file' ? [s.bytes] : []))
    this.worker.postMessage(request, transfer)
  }

  /** Stops the run; no report arrives after this. */
  cancel(): void {
    this.end()
  }

  private end(): void {
    this.over = true
    this.worker.terminate()
  }
}
