import type { CustomTokenizerBytes, RegisterTokenizerMessage } from '@shared/contract/workerProtocol'

/**
 * The tokenizer opened from a file in this page, for the feature workers (compare, decode,
 * vocabulary, chat): each worker gets its bytes when it starts and again when another file
 * is opened, so a panel can load the opened id like a catalog one. One page, one opened
 * tokenizer at a time (the panels list the newest); the editor's worker registers its own.
 */
let current: CustomTokenizerBytes | null = null
const workers = new Set<(t: CustomTokenizerBytes) => void>()

/** Makes `t` the opened tokenizer and hands it to every feature worker running. */
export function setOpenedTokenizer(t: CustomTokenizerBytes): void {
  current = t
  for (const send of workers) send(t)
}

/**
 * Gives a feature worker the opened tokenizer now (if any) and whenever another is opened,
 * until the returned function is called (when the worker ends). A copy each: the page keeps its bytes.
 */
export function shareOpenedTokenizer(worker: { postMessage(message: unknown): void }): () => void {
  const send = (t: CustomTokenizerBytes) => worker.postMessage({ registerTokenizer: t } satisfies RegisterTokenizerMessage)
  if (current) send(current)
  workers.add(send)
  return () => workers.delete(send)
}
