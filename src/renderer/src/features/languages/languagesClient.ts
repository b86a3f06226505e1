import { shareOpenedTokenizer } from '../../tokens/openedTokenizer'
import type { LanguagesJob, LanguagesRequest, LanguagesResponse } from './languagesProtocol'

/**
 * The Languages lab's worker, kept while the panel is open: the corpus and the tokenizers it
 * loaded stay loaded and its counts stay counted. A new count job supersedes the one before
 * (the worker stops it at its next yield); text requests answer alongside. `dispose` ends it.
 */
export class LanguagesClient {
  private worker: Worker | null = null
  private unshare: () => void = () => undefined
  private seq = 0
  /** The current count job's seq and listener. */
  private counting: { seq: number; listener: (msg: LanguagesResponse) => void } | null = null
  /** Text requests waiting for their answer, by seq. */
  private texts = new Map<number, { resolve(text: string): void; reject(err: Error): void }>()

  /** Counts every translation with each tokenizer; `listener` gets this job's answers (none after a newer job starts). */
  count(job: Extract<LanguagesJob, { type: 'count' }>, listener: (msg: LanguagesResponse) => void): void {
    const seq = ++this.seq
    this.counting = { seq, listener }
    this.ensureWorker().postMessage({ ...job, seq } satisfies LanguagesRequest)
  }

  /** One translation's text. */
  text(code: string): Promise<string> {
    const seq = ++this.seq
    return new Promise<string>((resolve, reject) => {
      this.texts.set(seq, { resolve, reject })
      this.ensureWorker().postMessage({ type: 'text', code, seq } satisfies LanguagesRequest)
    })
  }

  /** Ends the worker; pending text requests fail. */
  dispose(): void {
    this.worker?.terminate()
    this.unshare()
    this.worker = null
    this.counting = null
    for (const t of this.texts.values()) t.reject(new Error('The languages worker stopped.'))
    this.texts.clear()
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const w = new Worker(new URL('./languages.worker.ts', import.meta.url), { type: 'module', name: 'languages' })
    w.onmessage = (e: MessageEvent<LanguagesResponse>) => {
      const msg = e.data
      const waiting = this.texts.get(msg.seq)
      if (waiting) {
        this.texts.delete(msg.seq)
        if (msg.type === 'text') waiting.resolve(msg.text)
        else waiting.reject(new Error(msg.type === 'error' ? msg.message : 'No text came back.'))
        return
      }
      if (this.counting?.seq === msg.seq) this.counting.listener(msg)
    }
    w.onerror = (e) => {
      const run = this.counting
      const message = e.message || 'the languages worker stopped'
      this.dispose()
      run?.listener({ type: 'error', message, seq: run.seq })
    }
    this.worker = w
    this.unshare = shareOpenedTokenizer(w)
    return w
  }
}
