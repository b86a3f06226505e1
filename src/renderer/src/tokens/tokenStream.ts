// About 300 lines: the stream keeps the shown and the incoming token tables, the local-edit path and the snapshot throttle together, because each reads the others' state on every message.
import type { TextCounts } from '@shared/text/counts'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import { localTokenSplice, type OnScreen } from '@shared/document/localEdit'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import { fillPendingFromSplice, TokenIndex } from '@shared/document/tokenIndex'
import type { CoordinatorResponse } from '@shared/contract/workerProtocol'
import type { TextEdit } from '@shared/document/documentModel'

/** What the UI shows about the tokens: a snapshot taken after tokenizer messages. */
export interface TokenSnapshot {
  /** The document version these tokens describe. */
  version: number
  /** The token table these counts come from (an immutable value: views read it as it was). */
  index: TokenIndex
  count: number
  counts: TextCounts
  /** Chunks still being tokenized (counts are exact when 0). */
  pending: number
  total: number
  encoding: TokenizerId | null
  elapsedMs: number
  /** True when this version was tokenized on the UI thread (a small edit), not by the worker. */
  local: boolean
}

/** Work state shown in the status bar. */
export type Work =
  | { kind: 'idle' }
  | { kind: 'loading'; encoding: string }
  /** `wholeChars`: a text this long is tokenized as one piece (its tokenizer has no safe cut). */
  | { kind: 'working'; fraction: number | null; wholeChars?: number }

/** Where a TokenStream sends what it learns. */
export interface TokenStreamListener {
  /** The editor should show `index` as the tokens of document version `version`. */
  showTokens(index: TokenIndex, version: number): void
  /** A new encoding's or mode's index took over from the shown one (edits and fills come with the next snapshot). */
  indexChanged(index: TokenIndex): void
  /** What the UI shows changed; `urgent` when it should be drawn in this frame (a local edit). */
  snapshot(snapshot: TokenSnapshot, urgent: boolean): void
  work(work: Work): void
  error(message: string): void
  /** Tokenizer `id` could not be loaded (`message` says why); the worker went back to `fallback`. */
  tokenizerFailed?(id: string, fallback: string, message: string): void
}

/** Timer functions (injectable for tests). */
export interface Timers {
  now(): number
  setTimeout(fn: () => void, ms: number): number
  clearTimeout(id: number | undefined): void
}

/** The browser's timers. */
export const browserTimers: Timers = {
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
 * workers; skips renders for status messages that change nothing visible. Small edits
 * can be tokenized right here (editLocally) so a keystroke's count and colours land in its
 * own frame; the worker's splice for such an edit is then skipped (it is the same splice).
 */
export class TokenStream {
  private shown: { index: TokenIndex; generation: number } | null = null
  private next: { index: TokenIndex; generation: number } | null = null
  private version = 0
  private encoding: TokenizerId | null = null
  private elapsedMs = 0
  private viewport = { from: 0, to: 0 }
  private editorStale = false
  private lastRefresh = -Infinity
  private refreshTimer: number | undefined
  private lastStatus = -Infinity
  private busy = false
  private last: TokenSnapshot | null = null
  private lastWork: Work = { kind: 'idle' }
  /** An encoder on this thread for small edits, if loaded. */
  private localEncoder: Tokenizer | null = null
  /** Encoding and mode of the shown index, once a status for its generation said so. */
  private shownKey: { encoding: TokenizerId; mode: SpecialMode } | null = null
  /** The newest version applied here by editLocally (the worker's splices up to it are skipped). */
  private localVersion = -1
  /** False while more splices of the shown version are on their way. */
  private versionComplete = true
  /**
   * Splices of a version that is not complete yet (an edit of n changes comes as n messages).
   * They are applied together with its last splice, so the shown index never holds half an
   * edit between two messages (the editor would read it as the version before, or after).
   */
  private held: Extract<CoordinatorResponse, { type: 'splice' }>[] = []

  constructor(
    private readonly listener: TokenStreamListener,
    private readonly timers: Timers = browserTimers,
  ) {}

  /** The index on screen, or null before the first tokens. */
  get current(): TokenIndex | null {
    return this.shown?.index ?? null
  }

  /** Gives the stream an encoder on this thread for small edits (null: leave all edits to the worker). */
  setLocalEncoder(encoder: Tokenizer | null): void {
    this.localEncoder = encoder
  }

  /**
   * Tokenizes one edit on this thread, when the shown index is complete, describes the
   * version before `version` and was made with the local encoder's encoding: a small edit
   * whole, a big one (given `onScreen`) only where it will be on screen, its other chunks
   * left pending for the worker's fills. Returns the index (spliced) to show for `version`,
   * or null when the worker's answer must bring the tokens. `oldText(from, to)` reads the
   * text before the edit.
   */
  editLocally(version: number, edits: readonly TextEdit[], oldText: (from: number, to: number) => string, onScreen?: OnScreen): TokenIndex | null {
    const shown = this.shown
    const enc = this.localEncoder
    const key = this.shownKey
    if (!shown || this.next || !enc || !key || key.encoding !== enc.id || edits.length !== 1) return null
    if (this.version !== version - 1 || !this.versionComplete || this.held.length > 0 || shown.index.pending > 0) return null
    const splice = localTokenSplice(shown.index, oldText, edits[0], enc, key.mode, { onScreen })
    if (!splice) return null
    shown.index = shown.index.applySplice(splice)
    this.version = version
    this.localVersion = version
    // A big paste: the worker has the rest to do (its statuses take over from here).
    if (shown.index.pending > 0) this.setWork({ kind: 'working', fraction: 1 - shown.index.pending / shown.index.chunkCount })
    this.publish(version, true, true)
    return shown.index
  }

  /** Tells the stream which document range is on screen. */
  setViewport(from: number, to: number): void {
    const moved = from !== this.viewport.from || to !== this.viewport.to
    this.viewport = { from, to }
    // During a count, chunks that were off screen when their tokens came are not in the editor
    // yet: now on screen, they are shown at the next turn (a paste's first screen is known only
    // once the editor has measured it, often after the first tokens arrived).
    if (moved && this.shown && this.shown.index.pending > 0) {
      this.editorStale = true
      this.timers.clearTimeout(this.refreshTimer)
      this.refreshTimer = this.timers.setTimeout(() => this.refresh(), 0)
    }
  }

  /** Handles one message from the coordinator. */
  handle(msg: CoordinatorResponse): void {
    switch (msg.type) {
      case 'loading':
        this.setWork({ kind: 'loading', encoding: msg.encoding })
        return
      case 'loadFailed':
        this.setWork({ kind: 'idle' })
        this.listener.tokenizerFailed?.(msg.encoding, msg.fallback, msg.message)
        return
      case 'error':
        this.setWork({ kind: 'idle' })
        this.listener.error(msg.message)
        return
      case 'status':
        this.onStatus(msg)
        return
      case 'splice':
        if (!msg.last) {
          this.held.push(msg)
          return
        }
        this.releaseHeld()
        this.onTokens(msg)
        return
      case 'fill':
        this.releaseHeld()
        this.onTokens(msg)
        return
      case 'tokenBytes':
        return
    }
  }

  /** Applies the held splices (the tokens they bring are shown with the message that follows). */
  private releaseHeld(): void {
    const held = this.held
    this.held = []
    for (const m of held) this.onTokens(m)
  }

  /** Cancels pending timers. */
  dispose(): void {
    this.timers.clearTimeout(this.refreshTimer)
  }

  private setWork(work: Work): void {
    const last = this.lastWork
    const same = work.kind === last.kind && (work.kind !== 'working' || (last.kind === 'working' && work.fraction === last.fraction && work.wholeChars === last.wholeChars))
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
    const fraction = 1 - msg.pendingChunks / Math.max(1, msg.totalChunks)
    this.setWork(msg.pendingChunks > 0 ? { kind: 'working', fraction, ...(msg.wholeTextChars ? { wholeChars: msg.wholeTextChars } : {}) } : { kind: 'idle' })
    this.encoding = msg.encoding
    this.shownKey = { encoding: msg.encoding, mode: msg.mode }
    this.elapsedMs = msg.elapsedMs
    // A status can trail edits already tokenized here.
    this.publish(Math.max(msg.version, this.version), msg.elapsedMs >= 50)
  }

  private onTokens(msg: Extract<CoordinatorResponse, { type: 'splice' | 'fill' }>): void {
    let shown = this.shown
    let target = shown
    let alreadyApplied = false
    if (!shown || msg.generation > shown.generation) {
      if (!this.next || this.next.generation !== msg.generation) this.next = { index: new TokenIndex(), generation: msg.generation }
      target = this.next
    } else if (msg.generation < shown.generation) return
    // This edit was already tokenized here, into the same splice. Chunks left pending here
    // (an edit too big to encode here whole) take their tokens from the worker's copy.
    else if (msg.type === 'splice' && msg.version <= this.localVersion) {
      const filled = msg.version < this.localVersion ? null : fillPendingFromSplice(shown.index, msg.splice)
      if (!filled) return
      shown.index = filled
      alreadyApplied = true
    }
    if (msg.type === 'splice' && !alreadyApplied) target!.index = target!.index.applySplice(msg.splice)
    else if (msg.type === 'fill') for (const f of msg.fills) target!.index = target!.index.fill(f.index, f.tokens)
    // Swap in a new index at once when there is nothing to show yet, else once it has tokens.
    if (target !== shown && (!shown || target!.index.count > 0 || target!.index.pending === 0)) {
      this.shown = target
      this.next = null
      this.shownKey = null
      shown = target
      this.listener.indexChanged(target!.index)
    }
    if (target !== shown || !shown) return
    this.version = msg.version
    if (msg.type === 'splice') this.versionComplete = msg.last
    // Held splices are applied just before the message that completes them: show the result then.
    if (msg.type === 'splice' && !msg.last) {
      this.editorStale = true
      return
    }
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
  private publish(version: number, force: boolean, urgent = false): void {
    const index = this.shown?.index
    if (!index) return
    const next: TokenSnapshot = {
      local: version === this.localVersion,
      version,
      index,
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
      prev.index === next.index &&
      prev.local === next.local &&
      prev.count === next.count &&
      prev.pending === next.pending &&
      prev.total === next.total &&
      prev.encoding === next.encoding &&
      prev.counts === next.counts
    if (same && !force) return
    this.last = next
    this.listener.snapshot(next, urgent)
  }
}
