// The coordinator's helper workers: hands them batches of chunks, stamps each hand-off so an
// answer about a chunk that was edited, stolen back or re-encoded since is dropped, and takes
// work back from a busy helper when the coordinator would otherwise idle.
import type { ChunkRange } from '@shared/document/documentModel'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import type { ChunkTokens } from '@shared/document/tokenize'
import type { CustomTokenizerBytes, HelperRequest, HelperResponse } from '@shared/contract/workerProtocol'
import { BIG_CHUNK_CHARS } from './limits'

/** What the pool needs of a helper worker (a Worker in the browser, a fake in tests). */
export interface HelperPort {
  postMessage(msg: HelperRequest): void
  onmessage: ((event: { data: HelperResponse }) => void) | null
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null
  terminate(): void
}

/** What the pool reads of the coordinator's state and tells it back. */
export interface PoolHost {
  /** True while `chunk` is still part of the document (edits replace chunk objects). */
  isLive(chunk: ChunkRange): boolean
  chunkText(chunk: ChunkRange): string
  readonly encoding: TokenizerId
  readonly mode: SpecialMode
  /** Chunks waiting for tokens and not with a helper (shared with the coordinator). */
  readonly pending: Set<ChunkRange>
  /** A helper encoded `chunk` (still live, not stolen or handed out again since). */
  onEncoded(chunk: ChunkRange, tokens: ChunkTokens): void
  /** A helper answered a batch (after its results were passed to onEncoded). */
  onBatchDone(): void
  onError(message: string): void
}

/** Largest helper batch (about 0.1 s of work): big enough that helpers rarely wait for the next. */
const MAX_HELPER_BATCH_CHARS = 1024 * 1024
/** Smallest helper batch, so a hand-off is worth its message. */
const MIN_HELPER_BATCH_CHARS = 64 * 1024
/** Helper errors in a row after which no more work is handed out (a helper that cannot encode would fail again). */
const MAX_FAILURES = 2

interface Helper {
  port: HelperPort
  batch: number | null
  stamps: number[]
  warmed: TokenizerId | null
}

/** A pool of helper workers, spawned on first need and replaced when they fail or hold stale work. */
export class HelperPool {
  private readonly helpers: Helper[] = []
  private nextBatch = 1
  private nextStamp = 1
  /** Helper errors in a row: after MAX_FAILURES the coordinator does the work alone. */
  private failures = 0
  private readonly stamps = new WeakMap<ChunkRange, number>()
  private readonly byStamp = new Map<number, ChunkRange>()
  /** Custom tokenizers registered so far: every helper, including later ones, gets them. */
  private readonly registered: HelperRequest[] = []

  constructor(
    private readonly host: PoolHost,
    private readonly spawnPort: () => HelperPort,
    private readonly size: number,
  ) {}

  /** True while any helper holds a batch. */
  get busy(): boolean {
    return this.helpers.some((h) => h.batch !== null)
  }

  /** True after repeated helper errors: the coordinator then encodes everything itself. */
  get givenUp(): boolean {
    return this.failures >= MAX_FAILURES
  }

  /** True when a helper is idle (and would take more work). */
  get someIdle(): boolean {
    return this.helpers.some((h) => h.batch === null)
  }

  /** Chunks handed to helpers and not answered yet. */
  get outstanding(): number {
    return this.helpers.reduce((n, h) => n + (h.batch === null ? 0 : h.stamps.length), 0)
  }

  /** Drops any hand-off of `chunk` (it was removed by an edit or reset). */
  forget(chunk: ChunkRange): void {
    const s = this.stamps.get(chunk)
    if (s !== undefined) this.byStamp.delete(s)
  }

  /** Hands a tokenizer built from user bytes to every helper, now and to come. */
  register(tokenizer: CustomTokenizerBytes): void {
    const msg: HelperRequest = { type: 'register', tokenizer }
    this.registered.push(msg)
    for (const h of this.helpers) h.port.postMessage(msg)
  }

  /** Asks every helper to load `name` ahead of the next big job. */
  warm(name: TokenizerId): void {
    this.ensure()
    for (const h of this.helpers) {
      if (h.warmed === name) continue
      h.warmed = name
      h.port.postMessage({ type: 'warm', encoding: name })
    }
  }

  /** Replaces every busy helper (their work is for an encoding or mode no longer wanted). */
  dropBusy(): void {
    for (const h of this.helpers) if (h.batch !== null) this.replace(h)
  }

  /** Ends every helper (the coordinator is closing). */
  terminate(): void {
    for (const h of this.helpers) h.port.terminate()
    this.helpers.length = 0
  }

  /**
   * Hands pending chunks to idle helpers: `big` ones (huge single lines) one per helper,
   * then batches of the rest taken from the far end of `rest` (the coordinator works from
   * the near end, so the two meet in the middle). Handed chunks leave host.pending.
   */
  feed(big: ChunkRange[], rest: ChunkRange[]): void {
    const { host } = this
    if (this.givenUp) return
    this.ensure()
    // A helper grinding on chunks that no longer exist is replaced rather than waited for.
    for (const h of this.helpers) {
      if (h.batch !== null && h.stamps.every((s) => !this.byStamp.has(s) || !host.isLive(this.byStamp.get(s)!))) this.replace(h)
    }
    let b = 0
    let cursor = rest.length - 1
    let restChars = 0
    for (const c of rest) restChars += c.end - c.start
    // Smaller batches near the end, so the coordinator and helpers finish together.
    const batchChars = Math.min(MAX_HELPER_BATCH_CHARS, Math.max(MIN_HELPER_BATCH_CHARS, restChars / (2 * (this.helpers.length + 1))))
    for (const h of this.helpers) {
      if (h.batch !== null) continue
      const pieces: { stamp: number; text: string }[] = []
      const take = (c: ChunkRange) => {
        pieces.push({ stamp: this.stampOf(c), text: host.chunkText(c) })
        host.pending.delete(c)
      }
      if (b < big.length) take(big[b++])
      else {
        let chars = 0
        while (cursor >= 0 && chars < batchChars) {
          const c = rest[cursor--]
          if (!host.pending.has(c)) continue
          take(c)
          chars += c.end - c.start
        }
      }
      if (pieces.length === 0) break
      h.batch = this.nextBatch++
      h.stamps = pieces.map((p) => p.stamp)
      h.port.postMessage({ type: 'encode', batch: h.batch, encoding: host.encoding, mode: host.mode, pieces })
    }
  }

  /**
   * Takes back up to `chars` characters of chunks handed to busy helpers (the last ones of
   * each batch), so the coordinator never idles while a slow helper holds work. Answers for
   * stolen chunks are ignored when they come. Returns them in text order. A chunk over
   * BIG_CHUNK_CHARS is never taken back: encoding a huge line (or a whole text without safe
   * cuts) here would keep the coordinator from reading edits until it is done.
   */
  steal(chars: number): ChunkRange[] {
    const out: ChunkRange[] = []
    let taken = 0
    for (const h of this.helpers) {
      while (h.batch !== null && h.stamps.length > 0 && taken < chars) {
        const s = h.stamps[h.stamps.length - 1]
        const chunk = this.byStamp.get(s)
        if (chunk && this.host.isLive(chunk) && chunk.end - chunk.start > BIG_CHUNK_CHARS) break
        h.stamps.pop()
        this.byStamp.delete(s)
        if (!chunk || !this.host.isLive(chunk)) continue
        out.push(chunk)
        taken += chunk.end - chunk.start
      }
    }
    return out.sort((a, b) => a.start - b.start)
  }

  private ensure(): void {
    while (this.helpers.length < this.size) this.helpers.push(this.spawn())
  }

  private spawn(): Helper {
    const helper: Helper = { port: this.spawnPort(), batch: null, stamps: [], warmed: null }
    helper.port.onmessage = (e) => this.onMessage(helper, e.data)
    for (const msg of this.registered) helper.port.postMessage(msg)
    helper.port.onerror = (e) => {
      e.preventDefault?.()
      this.failures++
      this.replace(helper)
      this.host.onError(`A tokenizer helper stopped: ${e.message || 'unknown error'}`)
      this.host.onBatchDone()
    }
    return helper
  }

  /** A fresh stamp for handing `chunk` to a helper: an answer to an older hand-off is ignored. */
  private stampOf(chunk: ChunkRange): number {
    this.forget(chunk)
    const s = this.nextStamp++
    this.stamps.set(chunk, s)
    this.byStamp.set(s, chunk)
    return s
  }

  /** Ends `helper`, gives its live chunks back to host.pending and spawns a successor. */
  private replace(helper: Helper): void {
    helper.port.terminate()
    helper.port.onmessage = null
    helper.port.onerror = null
    helper.batch = null
    for (const s of helper.stamps) {
      const chunk = this.byStamp.get(s)
      if (chunk && this.host.isLive(chunk)) this.host.pending.add(chunk)
    }
    helper.stamps = []
    const i = this.helpers.indexOf(helper)
    if (i >= 0) this.helpers[i] = this.spawn()
  }

  private onMessage(helper: Helper, msg: HelperResponse): void {
    if (msg.batch !== helper.batch) return
    const handed = helper.stamps
    helper.batch = null
    helper.stamps = []
    if (msg.type === 'error') {
      // The chunks it held go back to the queue, so the document still completes.
      for (const s of handed) {
        const chunk = this.byStamp.get(s)
        this.byStamp.delete(s)
        if (chunk && this.host.isLive(chunk)) this.host.pending.add(chunk)
      }
      this.failures++
      this.host.onError(msg.message)
      this.host.onBatchDone()
      return
    }
    this.failures = 0
    for (const r of msg.results) {
      const chunk = this.byStamp.get(r.stamp)
      this.byStamp.delete(r.stamp)
      if (!chunk || !this.host.isLive(chunk)) continue
      this.host.onEncoded(chunk, r.tokens)
    }
    this.host.onBatchDone()
  }
}
