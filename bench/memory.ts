// Memory of a page and its workers, read over the DevTools protocol after a garbage collection.
import type { Browser, Page } from '@playwright/test'

/** JS heap and array-buffer bytes of one JavaScript context (CDP `Runtime.getHeapUsage`). */
export interface HeapUsage {
  /** Bytes of live objects on the JS heap. */
  heap: number
  /** Bytes of array-buffer contents (typed arrays of ids and offsets), which live outside the heap. */
  buffers: number
}

export function heapUsage(result: unknown): HeapUsage {
  const r = result as { usedSize: number; backingStorageSize?: number }
  return { heap: r.usedSize, buffers: r.backingStorageSize ?? 0 }
}

/**
 * Memory of the page and of each of its workers, after a garbage collection, read over the
 * DevTools protocol: `performance.memory` exists in pages only (workers read 0) and leaves
 * out array buffers, where the token ids and offsets are kept.
 */
export async function memory(page: Page, browser: Browser): Promise<{ page: HeapUsage; workers: HeapUsage[] }> {
  const pageSession = await page.context().newCDPSession(page)
  await pageSession.send('HeapProfiler.collectGarbage')
  const pageUsage = heapUsage(await pageSession.send('Runtime.getHeapUsage'))
  await pageSession.detach()

  // Workers are separate targets; reach them through the browser's session.
  const origin = new URL(page.url()).origin
  const browserSession = await browser.newBrowserCDPSession()
  const { targetInfos } = await browserSession.send('Target.getTargets')
  const workers: HeapUsage[] = []
  let nextId = 1
  const replies = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>()
  browserSession.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message) as { id?: number; result?: unknown; error?: { message: string } }
    if (reply.id !== undefined) replies.get(reply.id)?.(reply)
  })
  const call = (sessionId: string, method: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++
      replies.set(id, (reply) => (reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve(reply.result)))
      void browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
    })
  for (const target of targetInfos.filter((t) => t.type === 'worker' && t.url.startsWith(origin))) {
    const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })
    await call(sessionId, 'HeapProfiler.collectGarbage')
    workers.push(heapUsage(await call(sessionId, 'Runtime.getHeapUsage')))
    await browserSession.send('Target.detachFromTarget', { sessionId })
  }
  await browserSession.detach()
  return { page: pageUsage, workers }
}
