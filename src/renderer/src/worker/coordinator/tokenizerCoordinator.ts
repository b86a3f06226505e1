// Over 300 lines: every message the coordinator answers (configure, register, reset, edit, viewport, count, tokenBytes) and the document state they share stay in one class; helpers (helperPool.ts), the work order (schedule.ts) and thresholds (limits.ts) are apart.
// The coordinator's logic, free of worker globals so it runs (and is tested) in Node: it owns
// the document text and its chunk list (DocumentModel), applies the editor's edits as they
// come, re-encodes only the chunks an edit touched, and streams tokens to the UI as chunk
// splices and fills. Large jobs (a paste or open) are shared with helper workers; the chunks
// on screen go first. tokenizer.worker.ts wires it to the worker's messages.
import { DocumentModel, type ChunkRange } from '@shared/document/documentModel'
import { DEFAULT_TOKENIZER, type TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { ChunkCutRule, Tokenizer } from '@shared/tokenizer/tokenizer'
import { loadAppTokenizer, registerCustomTokenizer } from '../../tokens/bundledTokenizers'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import { ChunkCache, CHUNK_CHARS, countTokens, tokenizeChunk, type ChunkTokens } from '@shared/document/tokenize'
import { transferablesOf, type CoordinatorRequest, type CoordinatorResponse } from '@shared/contract/workerProtocol'
import { HelperPool, type HelperPort, type PoolHost } from './helperPool'
import { retokenizeEditedChunk } from '@shared/document/chunkRetokenize'
import { copyTokens, runSchedule } from './schedule'
import type { ScheduleHost } from './scheduleHost'
import { BIG_CHUNK_CHARS, SYNC_CHARS, wholeTextNoticeChars } from './limits'
import { yieldViaMessageChannel } from './yieldToEvents'

/** What the coordinator needs from its surroundings (the worker scope, or fakes in tests). */
export interface CoordinatorDeps {
  /** Sends a message to the UI thread. */
  post(msg: CoordinatorResponse, transfer?: Transferable[]): void
  /** Starts one helper worker. */
  spawnHelper(): HelperPort
  /** How many helpers to run. */
  helperCount: number
  /** Loads a tokenizer (default: the catalog's, bundled files read over fetch). */
  loadTokenizer?: (id: TokenizerId) => Promise<Tokenizer>
  /** Lets queued messages run (a macrotask). */
  yieldToEvents?: () => Promise<void>
  now?: () => number
  /** Delay before helpers are asked to load a new tokenizer ahead of time. */
  warmDelayMs?: number
}

/** The coordinating tokenizer: feed it CoordinatorRequests with handle(); it answers through deps.post. */
export class TokenizerCoordinator implements PoolHost, ScheduleHost {
  readonly model = new DocumentModel(CHUNK_CHARS)
  encoding: TokenizerId = DEFAULT_TOKENIZER
  mode: SpecialMode = 'text'
  generation = 0
  version = 0
  viewport = { from: 0, to: 0 }
  /** Chunks waiting for tokens and not with a helper. */
  readonly pending = new Set<ChunkRange>()
  /** Set when edits, the viewport or helpers change which chunks should go first. */
  orderStale = true
  readonly pool: HelperPool
  readonly now: () => number
  readonly yieldToEvents: () => Promise<void>
  private workStarted: number
  private readonly caches = new Map<string, ChunkCache>()
  private outgoing: { chunk: ChunkRange; tokens: ChunkTokens; transfer: boolean }[] = []
  private loaded: Tokenizer | null = null
  /** The last edit, when it stayed inside one chunk: encodeHere re-encodes only the words around it. */
  private lastEdit: LastEdit | null = null
  private loop: Promise<void> | null = null
  private readonly load: (id: TokenizerId) => Promise<Tokenizer>

  constructor(private readonly deps: CoordinatorDeps) {
    this.now = deps.now ?? (() => performance.now())
    this.yieldToEvents = deps.yieldToEvents ?? yieldViaMessageChannel
    this.load = deps.loadTokenizer ?? loadAppTokenizer
    this.workStarted = this.now()
    this.pool = new HelperPool(this, deps.spawnHelper, deps.helperCount)
  }

  /** True while work is under way (the local loop runs or a helper holds a batch). */
  get busy(): boolean {
    return this.loop !== null || this.pool.busy
  }

  /** True while the local work loop runs (helpers may still hold batches after it ends). */
  get looping(): boolean {
    return this.loop !== null
  }

  post(msg: CoordinatorResponse, transfer: Transferable[] = []): void {
    this.deps.post(msg, transfer)
  }

  /** Handles one request; an exception becomes an error message. */
  handle(req: CoordinatorRequest): void {
    try {
      this.dispatch(req)
    } catch (err) {
      this.post({ type: 'error', message: err instanceof Error ? err.message : String(err) })
    }
  }

  /** Ends the helpers. */
  dispose(): void {
    this.pool.terminate()
  }

  private dispatch(req: CoordinatorRequest): void {
    switch (req.type) {
      case 'configure': {
        if (req.encoding === this.encoding && req.mode === this.mode && this.generation > 0) return
        this.switchTo(req.encoding, req.mode)
        return
      }
      case 'register':
        // A custom tokenizer's loads go through this thread's registry (the default loader) and the helpers'.
        registerCustomTokenizer(req.tokenizer)
        this.pool.register(req.tokenizer)
        return
      case 'reset': {
        const before = this.model.chunks.slice()
        this.version = req.version
        const splice = this.model.reset(req.text)
        for (const c of before) this.forget(c)
        this.workStarted = this.now()
        this.announceSplice(splice.from, splice.remove, splice.shift, true, splice.insert.length)
        return
      }
      case 'edit': {
        this.workStarted = this.now()
        // Queued fills go out with the indexes they have now, before the splices renumber chunks.
        this.flush()
        this.version = req.version
        req.edits.forEach(([from, to, insert], i) => {
          const before = this.model.chunks
          const edited = this.editInOneChunk(from, to, insert.length)
          const splice = this.model.edit(from, to, insert)
          // A keystroke inside one chunk: its tokens can come from the old ones (encodeHere).
          this.lastEdit = edited && splice.remove === 1 && splice.insert.length === 1 && splice.from === edited.index ? { ...edited, chunk: this.model.chunks[splice.from] } : null
          // Chunks an edit replaced are gone: drop them from the queue and from helpers' stamps.
          for (let k = splice.from; k < splice.from + splice.remove; k++) this.forget(before[k])
          this.announceSplice(splice.from, splice.remove, splice.shift, i === req.edits.length - 1, splice.insert.length)
        })
        return
      }
      case 'viewport':
        this.viewport = { from: req.from, to: req.to }
        this.orderStale = true
        return
      case 'tokenBytes':
        void this.load(req.encoding).then(
          (enc) => this.post({ type: 'tokenBytes', job: req.job, bytes: req.ids.map((id) => tokenBytesOrNull(enc, id)) }),
          (err) => this.postError(err),
        )
        return
      case 'count':
        void this.load(req.encoding).then(
          (enc) => this.post({ type: 'count', job: req.job, counts: req.texts.map((t) => countTokens(t, enc, req.mode)) }),
          (err) => this.postError(err),
        )
        return
    }
  }

  /** Starts tokenizing everything again with another tokenizer or mode (a new generation). */
  private switchTo(id: TokenizerId, mode: SpecialMode): void {
    this.encoding = id
    this.mode = mode
    this.generation++
    this.workStarted = this.now()
    this.outgoing = [] // tokens of the previous tokenizer or mode
    this.orderStale = true
    const chunks = this.model.chunks
    for (const c of chunks) this.pending.add(c)
    const insert = chunks.map((c) => ({ start: c.start, end: c.end, tokens: null }))
    this.post({ type: 'splice', version: this.version, generation: this.generation, splice: { from: 0, remove: chunks.length, shift: 0, insert }, last: true })
    this.pool.dropBusy()
    this.schedule()
  }

  /** Re-cuts the text at `rule` (a tokenizer with other safe cuts took over): every chunk is new and pending. */
  private recut(rule: ChunkCutRule | null): void {
    const before = this.model.chunks.slice()
    const splice = this.model.setRule(rule)
    for (const c of before) this.forget(c)
    for (const c of this.model.chunks) this.pending.add(c)
    this.orderStale = true
    this.outgoing = []
    this.pool.dropBusy()
    const insert = splice.insert.map((c) => ({ start: c.start, end: c.end, tokens: null }))
    this.post({ type: 'splice', version: this.version, generation: this.generation, splice: { from: 0, remove: before.length, shift: 0, insert }, last: true })
  }

  postError(err: unknown): void {
    this.post({ type: 'error', message: err instanceof Error ? err.message : String(err) })
  }

  /** True while `chunk` is still part of the document (edits replace chunk objects). */
  isLive(chunk: ChunkRange): boolean {
    const chunks = this.model.chunks
    if (chunks.length === 0) return false
    return chunks[this.model.chunkIndexAt(chunk.start)] === chunk
  }

  forget(chunk: ChunkRange): void {
    this.pending.delete(chunk)
    this.pool.forget(chunk)
  }

  /** True for a chunk that meets the range on screen, exactly as the UI last reported it (see onScreenRange). */
  isOnScreen(c: ChunkRange): boolean {
    const { from, to } = this.viewport
    return c.end > from && c.start < to
  }

  /**
   * The current tokenizer, loading it (and warming helpers) when needed; re-cuts the text when
   * its chunk cut rule differs from the one the text is cut at. When the load fails, says why
   * ('loadFailed') and goes back to the tokenizer that was loaded before.
   */
  async ensureEncoding(): Promise<Tokenizer> {
    for (;;) {
      const id = this.encoding
      if (this.loaded?.id === id) return this.loaded
      this.post({ type: 'loading', encoding: id })
      let tok: Tokenizer
      try {
        tok = await this.load(id)
      } catch (err) {
        if (this.encoding !== id) continue
        const fallback = this.loaded?.id ?? DEFAULT_TOKENIZER
        const message = err instanceof Error ? err.message : String(err)
        this.post({ type: 'loadFailed', encoding: id, fallback, message })
        if (fallback === id) throw err
        this.switchTo(fallback, this.mode)
        continue
      }
      if (this.encoding !== id) continue
      this.loaded = tok
      if (!sameRule(this.model.rule, tok.chunkCuts)) this.recut(tok.chunkCuts)
      // Helpers load the same tokenizer in the background, ready for the next big paste.
      setTimeout(() => id === this.encoding && this.pool.warm(id), this.deps.warmDelayMs ?? 300)
      return tok
    }
  }

  /** Encodes one chunk here, from the cache when the same text was seen (undo, retyping). */
  encodeHere(chunk: ChunkRange, enc: Tokenizer, useCache: boolean): { tokens: ChunkTokens; transfer: boolean } {
    const text = this.model.chunkText(chunk)
    if (useCache && text.length <= SYNC_CHARS) {
      const key = this.mode + '\u0000' + text
      const cache = this.cache()
      const hit = cache.get(key)
      if (hit) return { tokens: hit, transfer: false }
      const edit = this.lastEdit?.chunk === chunk ? this.lastEdit : null
      const old = edit ? cache.get(this.mode + '\u0000' + edit.oldText) : undefined
      const tokens =
        edit && old
          ? retokenizeEditedChunk(old, edit.oldText, text, edit.from, edit.to, edit.insertLength, enc, this.mode)
          : tokenizeChunk(text, 0, text.length, enc, this.mode)
      cache.set(key, tokens)
      return { tokens, transfer: false }
    }
    return { tokens: tokenizeChunk(text, 0, text.length, enc, this.mode), transfer: true }
  }

  chunkText(chunk: ChunkRange): string {
    return this.model.chunkText(chunk)
  }

  /** For an edit inside one chunk: the chunk's index, its text before the edit and the edit in its offsets. */
  private editInOneChunk(from: number, to: number, insertLength: number): Omit<LastEdit, 'chunk'> | null {
    const chunks = this.model.chunks
    if (chunks.length === 0) return null
    const index = this.model.chunkIndexAt(from)
    const c = chunks[index]
    if (to > c.end || c.end - c.start > SYNC_CHARS) return null
    return { index, oldText: this.model.chunkText(c), from: from - c.start, to: to - c.start, insertLength }
  }

  onEncoded(chunk: ChunkRange, tokens: ChunkTokens): void {
    this.outgoing.push({ chunk, tokens, transfer: true })
  }

  onBatchDone(): void {
    this.flush()
    this.schedule()
  }

  onError(message: string): void {
    this.post({ type: 'error', message })
  }

  /** Queues tokens for the next flush. */
  queue(chunk: ChunkRange, tokens: ChunkTokens, transfer: boolean): void {
    this.outgoing.push({ chunk, tokens, transfer })
  }

  /** Sends the encoded chunks queued so far, with their current indexes. */
  flush(): void {
    if (this.outgoing.length === 0) return
    const fills: { index: number; tokens: ChunkTokens }[] = []
    const transfer: ArrayBuffer[] = []
    for (const o of this.outgoing) {
      if (!this.isLive(o.chunk)) continue
      const tokens = o.transfer ? o.tokens : copyTokens(o.tokens)
      fills.push({ index: this.model.chunkIndexAt(o.chunk.start), tokens })
      transfer.push(...transferablesOf([tokens]))
    }
    this.outgoing = []
    if (fills.length > 0) this.post({ type: 'fill', version: this.version, generation: this.generation, fills }, transfer)
    this.postStatus()
  }

  postStatus(): void {
    const pendingChunks = this.pending.size + this.pool.outstanding
    const whole = this.wholeTextChars(pendingChunks)
    this.post({
      type: 'status',
      version: this.version,
      generation: this.generation,
      encoding: this.encoding,
      mode: this.mode,
      pendingChunks,
      totalChunks: this.model.chunks.length,
      elapsedMs: this.now() - this.workStarted,
      ...(whole > 0 ? { wholeTextChars: whole } : {}),
    })
  }

  /**
   * The length of the text when it waits to be tokenized as one piece (the current tokenizer
   * has no cut rule) and is long enough to take about a second (wholeTextNoticeChars); else 0.
   */
  private wholeTextChars(pendingChunks: number): number {
    const tok = this.loaded?.id === this.encoding ? this.loaded : null
    if (!tok || tok.chunkCuts !== null || pendingChunks === 0) return 0
    return this.model.length >= wholeTextNoticeChars(tok.engine) ? this.model.length : 0
  }

  /** Starts the work loop unless it runs: it ends when every chunk has tokens or is with a helper. */
  schedule(): void {
    if (this.loop) return
    this.loop = runSchedule(this)
      .catch((err) => this.postError(err))
      .finally(() => {
        this.loop = null
      })
  }

  private cache(): ChunkCache {
    const key = `${this.encoding}/${this.mode}`
    let cache = this.caches.get(key)
    if (!cache) {
      if (this.caches.size >= 2) this.caches.delete(this.caches.keys().next().value as string)
      cache = new ChunkCache(16 * 1024 * 1024)
      this.caches.set(key, cache)
    }
    return cache
  }

  /** Tells the UI about a chunk splice, with tokens when they are quick to make. */
  private announceSplice(from: number, remove: number, shift: number, last: boolean, insertCount: number): void {
    const fresh = this.model.chunks.slice(from, from + insertCount)
    const chars = fresh.reduce((n, c) => n + c.end - c.start, 0)
    const enc = this.loaded?.id === this.encoding ? this.loaded : null
    const { version, generation } = this
    if (enc && chars <= SYNC_CHARS && fresh.every((c) => c.end - c.start <= BIG_CHUNK_CHARS)) {
      const insert = fresh.map((c) => ({ start: c.start, end: c.end, tokens: copyTokens(this.encodeHere(c, enc, true).tokens) }))
      this.flush() // earlier fills first, with indexes from before this splice
      this.post({ type: 'splice', version, generation, splice: { from, remove, shift, insert }, last }, transferablesOf(insert.map((c) => c.tokens)))
      this.postStatus()
      return
    }
    this.flush()
    for (const c of fresh) this.pending.add(c)
    this.orderStale = true
    this.post({ type: 'splice', version, generation, splice: { from, remove, shift, insert: fresh.map((c) => ({ start: c.start, end: c.end, tokens: null })) }, last })
    this.postStatus()
    this.schedule()
  }
}

/** An edit inside one chunk, in the chunk's offsets, and the chunk it made. */
interface LastEdit {
  index: number
  chunk: ChunkRange
  oldText: string
  from: number
  to: number
  insertLength: number
}

function tokenBytesOrNull(enc: Tokenizer, id: number): Uint8Array | null {
  try {
    return enc.tokenBytes(id)
  } catch {
    return null // not a token of this tokenizer
  }
}

/** True when two cut rules cut every text alike (the same functions, e.g. OpenAI's and the regex-split tokenizers'). */
function sameRule(a: ChunkCutRule | null, b: ChunkCutRule | null): boolean {
  if (a === b) return true
  return a !== null && b !== null && a.isSafeCut === b.isSafeCut && a.isSafeWordCut === b.isSafeWordCut
}
