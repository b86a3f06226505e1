import type { TextCounts } from '../../../shared/counts'
import type { EncodingName } from '../../../shared/encodings'
import { TokenIndex } from '../../../shared/tokenIndex'
import type { CoordinatorResponse } from '../../../shared/workerProtocol'

/** What the UI shows about the tokens: a snapshot taken after tokenizer messages. */
export interface TokenSnapshot {
  /** The document version these tokens describe. */
  version: number
  count: number
  counts: TextCounts
  /** Chunks still being tokenized (counts are exact when 0). */
  pending: number
  total: number
  encoding: EncodingName | null
  elapsedMs: number
}

/** Work state shown in the status bar. */
export type Work = { kind: 'idle' } | { kind: 'loading'; encoding: string } | { kind: 'working'; fraction: number | null }

/** Where a TokenStream sends what it learns. */
export interface TokenStreamListener {
  /** The editor should show `index` as the tokens of document version `version`. */
  showTokens(index: TokenIndex, version: number): void
  /** The shown index object changed (a new encoding or mode took over). */
  indexChanged(index: TokenIndex): void
  snapshot(snapshot: TokenSnapshot): void
  work(work: Work): void
  error(message: string): void
}

/** Timer functions (injectable for tests). */
export interface Timers {
  now(): number
  setTimeout(fn: () => void, ms: number): number
  clearTimeout(id: number | undefined): void
}

const browserTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (id) => window.clearTimeout(id),
}

/** During a long job, off-screen progress reaches the UI at most this often. */
const BUSY_REFRESH_MS = 250

/**
 * Turns the tokenizer's messages into what the UI shows. Keeps the shown TokenIndex in
 * step with splices and fills; builds a new encoding's index aside and swaps it in once
 * it has tokens (no flash of uncoloured text); redraws the editor at once when tokens on
 * screen change and throttles the rest of the UI during long jobs, leaving the CPU to the
 * workers; skips renders for status messages that change nothing visible.
 */
export class TokenStream {
  private shown: { index: TokenIndex; generation: number } | null = null
  private next: { index: TokenIndex; generation: number } | null = null
  private version = 0
  private encoding: EncodingName | null = null
  private elapsedMs = 0
  private viewport = { from: 0, to: 0 }
  private editorStale = false
  private lastRefresh = -Infinity
  private refreshTimer: number | undefined
  private lastStatus = -Infinity
  private busy = false
  private last: TokenSnapshot | null = null
  private lastWork: Work = { kind: 'idle' }

  constructor(
    private readonly listener: TokenStreamListener,
    private readonly timers: Timers = browserTimers,
  ) {}

  /** The index on screen, or null before the first tokens. */
  get current(): TokenIndex | null {
    return this.shown?.index ?? null
  }

  /** Tells the stream which document range is on screen. */
  setViewport(from: number, to: number): void {
    this.viewport = { from, to }
  }

  /** Handles one message from the coordinator. */
  handle(msg: CoordinatorResponse): void {
    switch (msg.type) {
      case 'loading':
        this.setWork({ kind: 'loading', encoding: msg.encoding })
        return
      case 'error':
        this.setWork({ kind: 'idle' })
        this.listener.error(msg.message)
        return
      case 'status':
        this.onStatus(msg)
        return
      case 'splice':
      case 'fill':
        this.onTokens(msg)
        return
      case 'tokenBytes':
        return
    }
  }

  /** Cancels pending timers. */
  dispose(): void {
    this.timers.clearTimeout(this.refreshTimer)
  }

  private setWork(work: Work): void {
    const same = work.kind === this.lastWork.kind && (work.kind !== 'working' || (this.lastWork.kind === 'working' && work.fraction === this.lastWork.fraction))
    if (same && work.kind !== 'loading') return
    this.lastWork = work
    this.listener.work(work)
  }

  private onStatus(msg: Extract<CoordinatorResponse, { type: 'status' }>): void {
    const shown = this.shown
    if (!shown || shown.generation !== msg.generation) return
    if (shown.index.pending === 0 && this.refreshTimer !== undefined) this.refresh()
    const now = this.timers.now()
    // Only progress is throttled, never the switch between busy and idle.
    if (msg.pendingChunks > 0 && this.busy && now - this.lastStatus < BUSY_REFRESH_MS) return
    this.lastStatus = now
    this.busy = msg.pendingChunks > 0
    this.setWork(msg.pendingChunks > 0 ? { kind: 'working', fraction: 1 - msg.pendingChunks / Math.max(1, msg.totalChunks) } : { kind: 'idle' })
    this.encoding = msg.encoding
    this.elapsedMs = msg.elapsedMs
    this.publish(msg.version, msg.elapsedMs >= 50)
  }

  private onTokens(msg: Extract<CoordinatorResponse, { type: 'splice' | 'fill' }>): void {
    let shown = this.shown
    let target = shown
    if (!shown || msg.generation > shown.generation) {
      if (!this.next || this.next.generation !== msg.generation) this.next = { index: new TokenIndex(), generation: msg.generation }
      target = this.next
    } else if (msg.generation < shown.generation) return
    if (msg.type === 'splice') target!.index.applySplice(msg.splice)
    else for (const f of msg.fills) target!.index.fill(f.index, f.tokens)
    // Swap in a new index at once when there is nothing to show yet, else once it has tokens.
    if (target !== shown && (!shown || target!.index.count > 0 || target!.index.pending === 0)) {
      this.shown = target
      this.next = null
      shown = target
      this.listener.indexChanged(target!.index)
    }
    if (target !== shown || !shown) return
    this.version = msg.version
    const { from, to } = this.viewport
    const onScreen =
      msg.type === 'splice' ||
      msg.fills.some((f) => {
        const c = shown!.index.chunk(f.index)
        return c.end > from && c.start < to
      })
    if (onScreen) this.editorStale = true
    const wait = shown.index.pending > 0 && !onScreen ? BUSY_REFRESH_MS : 0
    if (this.timers.now() - this.lastRefresh >= wait) this.refresh()
    else if (this.refreshTimer === undefined) this.refreshTimer = this.timers.setTimeout(() => this.refresh(), wait)
  }

  private refresh(): void {
    this.timers.clearTimeout(this.refreshTimer)
    this.refreshTimer = undefined
    this.lastRefresh = this.timers.now()
    const shown = this.shown
    if (!shown) return
    if (this.editorStale || shown.index.pending === 0) {
      this.editorStale = false
      this.listener.showTokens(shown.index, this.version)
    }
    this.publish(this.version, true)
  }

  /** Sends a snapshot unless it would show exactly what the last one did. */
  private publish(version: number, force: boolean): void {
    const index = this.shown?.index
    if (!index) return
    const next: TokenSnapshot = {
      version,
      count: index.count,
      counts: index.counts,
      pending: index.pending,
      total: index.chunkCount,
      encoding: this.encoding,
      elapsedMs: this.elapsedMs,
    }
    const prev = this.last
    const same =
      prev !== null &&
      prev.version === next.version &&
      prev.count === next.count &&
      prev.pending === next.pending &&
      prev.total === next.total &&
      prev.encoding === next.encoding &&
      prev.counts === next.counts
    if (same && !force) return
    this.last = next
    this.listener.snapshot(next)
  }
}
