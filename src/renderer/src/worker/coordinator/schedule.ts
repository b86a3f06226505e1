// The coordinator's work loop: encodes pending chunks in priority order (on screen first),
// shares big jobs with helpers, and yields often so edits are never kept waiting.
import type { ChunkRange } from '@shared/document/documentModel'
import type { ChunkTokens } from '@shared/document/tokenize'
import type { ScheduleHost } from './scheduleHost'
import { BIG_CHUNK_CHARS, HELPER_BATCH_CHARS } from './limits'
/** Characters taken back from busy helpers when the coordinator has nothing else to do. */
const STEAL_CHARS = 64 * 1024
/** How often encoded chunks are sent to the UI during a long job. */
const FLUSH_MS = 40
/** Work slice before the coordinator yields to read new messages. */
const SLICE_MS = 8

/** A copy of `t` whose buffers can be transferred while `t` stays (in a cache). */
export function copyTokens(t: ChunkTokens): ChunkTokens {
  return { ids: t.ids.slice(), starts: t.starts.slice(), flags: t.flags.slice(), counts: t.counts }
}

/** Pending chunks in priority order: those on screen, then the rest from the start. Drops chunks no longer live. */
export function priorityOrder(c: ScheduleHost): ChunkRange[] {
  const live: ChunkRange[] = []
  for (const chunk of c.pending) {
    if (c.isLive(chunk)) live.push(chunk)
    else c.forget(chunk)
  }
  live.sort((a, b) => a.start - b.start)
  const onScreen = live.filter((x) => c.isOnScreen(x))
  const rest = live.filter((x) => !c.isOnScreen(x))
  return [...onScreen, ...rest]
}

/** Runs until every chunk has tokens or is with a helper (whose answer schedules again). */
export async function runSchedule(c: ScheduleHost): Promise<void> {
  let enc = await c.ensureEncoding()
  let sliceStart = c.now()
  let lastFlush = sliceStart
  // The work order is computed once per round (not per chunk: that would be quadratic)
  // and again only when an edit, the viewport or a helper changes the picture.
  let order: ChunkRange[] = []
  let at = 0
  c.orderStale = true
  while (c.pending.size > 0 || c.pool.busy) {
    if (enc.id !== c.encoding) enc = await c.ensureEncoding()
    if (c.orderStale || at >= order.length) {
      order = priorityOrder(c)
      at = 0
      c.orderStale = false
      const isBig = (x: ChunkRange) => x.end - x.start > BIG_CHUNK_CHARS
      const big = order.filter(isBig)
      const small = order.filter((x) => !isBig(x))
      const smallChars = small.reduce((n, x) => n + x.end - x.start, 0)
      // The first small chunk stays here, so the coordinator always has work of its own.
      if (big.length > 0 || smallChars > HELPER_BATCH_CHARS) c.pool.feed(big, smallChars > HELPER_BATCH_CHARS ? small.slice(1) : [])
      order = small.filter((x) => c.pending.has(x))
      // Big chunks the pool did not take (it gave up on failing helpers) are encoded here.
      if (c.pool.givenUp) for (const x of big) if (c.pending.has(x)) order.push(x)
      if (order.length === 0) {
        // Everything left is with the helpers: help from the other end.
        order = c.pool.steal(STEAL_CHARS)
        for (const x of order) c.pending.add(x)
        if (order.length === 0) break // the helpers will call back
      }
    }
    const local = order[at++]
    if (!c.pending.has(local) || !c.isLive(local)) continue
    // Bulk work skips the cache (it serves edits) and hands its arrays over without copying.
    const { tokens, transfer } = c.encodeHere(local, enc, false)
    c.pending.delete(local)
    c.queue(local, tokens, transfer)
    const now = c.now()
    // What is on screen is sent at once; the rest in batches.
    if (c.isOnScreen(local) || now - lastFlush > FLUSH_MS) {
      c.flush()
      lastFlush = now
    }
    if (now - sliceStart > SLICE_MS) {
      await c.yieldToEvents()
      sliceStart = c.now()
      // Helpers that finished want more work.
      if (c.pool.someIdle && order.length - at > 8) c.orderStale = true
    }
  }
  c.flush()
  c.postStatus()
}
