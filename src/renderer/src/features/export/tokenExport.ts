import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import { exportBody, MAX_EXPORT_TOKENS, partialTokenIndexes, tokenTableOf, type ExportJob } from '@shared/tools/exportTokens'
import type { TokenView } from '@shared/document/tokenView'
import type { ExportResponse } from './exportProtocol'
import type { TokenizerClient } from '../../worker/tokenizerClient'

/** Writes an export's file; in the app a worker does it (exportInWorker). */
export type ExportRunner = (job: ExportJob) => Promise<Uint8Array>

/** Runs an export job in a fresh worker, so the window never waits for a million rows. */
export const exportInWorker: ExportRunner = (job) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'export' })
    const finish = () => worker.terminate()
    worker.onmessage = (e: MessageEvent<ExportResponse>) => {
      finish()
      if (e.data.type === 'done') resolve(e.data.body)
      else reject(new Error(e.data.message))
    }
    worker.onerror = (e) => {
      finish()
      reject(new Error(e.message || 'The export worker failed.'))
    }
    worker.postMessage(job, [job.table.ids.buffer, job.table.starts.buffer, job.table.flags.buffer])
  })

/** Runs an export job here, on this thread (tests; small exports). */
export const exportHere: ExportRunner = async (job) => exportBody(job)

/** Every token (index, id, text, bytes in hex, span) as CSV or JSON bytes, at most MAX_EXPORT_TOKENS of them. */
export async function tokenExport(
  tokens: TokenView,
  slice: (from: number, to: number) => string,
  client: Pick<TokenizerClient, 'tokenBytes'>,
  encoding: TokenizerId,
  format: 'csv' | 'json',
  run: ExportRunner = exportHere,
): Promise<{ body: Uint8Array; exported: number }> {
  const n = Math.min(tokens.count, MAX_EXPORT_TOKENS)
  const table = tokenTableOf(tokens, n)
  // Bytes of tokens that hold part of a character come from the vocabulary, never from the text.
  const indexes = partialTokenIndexes(table)
  const fetched = await client.tokenBytes(encoding, Array.from(indexes, (i) => table.ids[i]))
  const bytes = fetched.map((b) => b ?? new Uint8Array())
  const body = await run({ format, table, text: slice(0, table.starts[n]), partial: { indexes, bytes } })
  return { body, exported: n }
}
