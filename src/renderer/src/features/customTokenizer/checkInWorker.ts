import type { UserTokenizerFiles } from '@shared/tokenizer/userTokenizer'
import type { CheckRequest, CheckResponse } from './checkProtocol'

/** Checks tokenizer files in a worker of their own (see check.worker.ts); never rejects. */
export function checkTokenizerInWorker(files: UserTokenizerFiles): Promise<CheckResponse> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'tokenizer-check' })
    worker.onmessage = (e: MessageEvent<CheckResponse>) => {
      worker.terminate()
      resolve(e.data)
    }
    worker.onerror = (e) => {
      worker.terminate()
      // A worker that dies (out of memory on a huge vocabulary) says so instead of hanging.
      resolve({ ok: false, message: `Could not check the tokenizer: ${e.message || 'the check ran out of memory or failed'}.` })
    }
    // A copy, not a transfer: the feature keeps the bytes for the switch.
    worker.postMessage({ files } satisfies CheckRequest)
  })
}
