/// <reference lib="webworker" />
// Builds token exports (CSV, JSON) off the UI thread: a million rows take seconds to write.
// A fresh worker per export; the file comes back as bytes, transferred, not copied.
import { exportBody, type ExportJob } from '@shared/tools/exportTokens'
import type { ExportResponse } from './exportProtocol'

declare const self: DedicatedWorkerGlobalScope

self.onmessage = (event: MessageEvent<ExportJob>) => {
  try {
    const body = exportBody(event.data)
    self.postMessage({ type: 'done', body } satisfies ExportResponse, [body.buffer])
  } catch (err) {
    self.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies ExportResponse)
  }
}
