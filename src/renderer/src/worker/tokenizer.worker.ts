/// <reference lib="webworker" />
// The coordinating tokenizer worker. It owns the document text and its chunk list
// (DocumentModel), applies the editor's edits as they come, re-encodes only the chunks an
// edit touched, and streams tokens to the UI as chunk splices and fills. Large jobs (a
// paste or open) are shared with helper workers; the chunks on screen go first.
import { DocumentModel, type ChunkRange } from '@shared/document/documentModel'
import { DEFAULT_ENCODING, type EncodingName } from '@shared/tokenizer/openai/encodings'
import { loadEncoding, type LoadedEncoding } from '@shared/tokenizer/openai/encodingLoader'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import { ChunkCache, CHUNK_CHARS, SCREEN_CHARS, tokenizeChunk, type ChunkTokens } from '@shared/document/tokenize'
import { countTokens } from '@shared/document/tokenize'
import {
  transferablesOf,
  type CoordinatorRequest,
  type CoordinatorResponse,
  type HelperRequest,
  type HelperResponse,
} from '@shared/app/workerProtocol'

declare const self: DedicatedWorkerGlobalScope

/** Edits whose new chunks total at most this many characters are encoded before replying. */
const SYNC_CHARS = 64 * 1024
/** Chunks longer than this (one huge line) go to a helper so the coordinator stays responsive. */
const BIG_CHUNK_CHARS = 32 * 1024
/** Pending characters above which helpers share the work. */
const HELPER_BATCH_CHARS = 256 * 1024
/** Largest helper batch (about 0.1 s of work): big enough that helpers rarely wait for the next. */
const MAX_HELPER_BATCH_CHARS = 1024 * 1024
/** How often encoded chunks are sent to the UI during a long job. */
const FLUSH_MS = 40
/** Work slice before the coordinator yields to read new messages. */
const SLICE_MS = 8

const model = new DocumentModel(CHUNK_CHARS)
let encodingName: EncodingName = DEFAULT_ENCODING
let mode: SpecialMode = 'text'
let generation = 0
let version = 0
let viewport = { from: 0, to: 0 }
let workStarted = performance.now()
const pending = new Set<ChunkRange>()
const stamps = new WeakMap<ChunkRange, number>()
const byStamp = new Map<number, ChunkRange>()
let nextStamp = 1
const caches = new Map<string, ChunkCache>()
let outgoing: { chunk: ChunkRange; tokens: ChunkTokens; transfer: boolean }[] = []
let loaded: LoadedEncoding | null = null
let loop: Promise<void> | null = null
/** Set when edits or the viewport change which chunks should go first. */
let orderStale = true

function post(msg: CoordinatorResponse, transfer: Transferable[] = []): void {
  self.postMessage(msg, transfer)
}

function cacheFor(): ChunkCache {
  const key = `${encodingName}/${mode}`
  let cache = caches.get(key)
  if (!cache) {
    if (caches.size >= 2) caches.delete(caches.keys().next().value as string)
    cache = new ChunkCache(16 * 1024 * 1024)
    caches.set(key, cache)
  }
  return cache
}

/** A fresh stamp for handing `chunk` to a helper: an answer to an older hand-off is ignored. */
function stampOf(chunk: ChunkRange): number {
  const old = stamps.get(chunk)
  if (old !== undefined) byStamp.delete(old)
  const s = nextStamp++
  stamps.set(chunk, s)
  byStamp.set(s, chunk)
  return s
}

/** True while `chunk` is still part of the document (edits replace chunk objects). */
function isLive(chunk: ChunkRange): boolean {
  const chunks = model.chunks
  if (chunks.length === 0) return false
  return chunks[model.chunkIndexAt(chunk.start)] === chunk
}

function forget(chunk: ChunkRange): void {
  pending.delete(chunk)
  const s = stamps.get(chunk)
  if (s !== undefined) byStamp.delete(s)
}

async function ensureEncoding(): Promise<LoadedEncoding> {
  const name = encodingName
  if (loaded?.name === name) return loaded
  post({ type: 'loading', encoding: name })
  const enc = await loadEncoding(name)
  if (encodingName === name) loaded = enc
  // Helpers load the same tables in the background, ready for the next big paste.
  setTimeout(() => warmHelpers(name), 300)
  return enc
}

/** Encodes one chunk here, from the cache when the same text was seen (undo, retyping). */
function encodeHere(chunk: ChunkRange, enc: LoadedEncoding, useCache: boolean): { tokens: ChunkTokens; transfer: boolean } {
  const text = model.chunkText(chunk)
  if (useCache && text.length <= SYNC_CHARS) {
    const key = mode + '\u0000' + text
    const cache = cacheFor()
    const hit = cache.get(key)
    if (hit) return { tokens: hit, transfer: false }
    const tokens = tokenizeChunk(text, 0, text.length, enc, mode)
    cache.set(key, tokens)
    return { tokens, transfer: false }
  }
  return { tokens: tokenizeChunk(text, 0, text.length, enc, mode), transfer: true }
}

function copyTokens(t: ChunkTokens): ChunkTokens {
  return { ids: t.ids.slice(), starts: t.starts.slice(), flags: t.flags.slice(), counts: t.counts }
}

/** Sends the encoded chunks queued so far, with their current indexes. */
function flush(): void {
  if (outgoing.length === 0) return
  const fills: { index: number; tokens: ChunkTokens }[] = []
  const transfer: ArrayBuffer[] = []
  for (const o of outgoing) {
    if (!isLive(o.chunk)) continue
    const tokens = o.transfer ? o.tokens : copyTokens(o.tokens)
    fills.push({ index: model.chunkIndexAt(o.chunk.start), tokens })
    transfer.push(...transferablesOf([tokens]))
  }
  outgoing = []
  if (fills.length > 0) post({ type: 'fill', version, generation, fills }, transfer)
  postStatus()
}

function postStatus(): void {
  post({
    type: 'status',
    version,
    generation,
    encoding: encodingName,
    mode,
    pendingChunks: pending.size + helpers.reduce((n, h) => n + (h.batch === null ? 0 : h.stamps.length), 0),
    totalChunks: model.chunks.length,
    elapsedMs: performance.now() - workStarted,
  })
}

function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve()
    channel.port2.postMessage(null)
  })
}

// ---- helpers (parallel first pass) ----

interface Helper {
  worker: Worker
  batch: number | null
  stamps: number[]
  warmed: EncodingName | null
}
const helpers: Helper[] = []
let nextBatch = 1

function helperCount(): number {
  return Math.max(1, (self.navigator.hardwareConcurrency || 2) - 1)
}

function spawnHelper(): Helper {
  const helper: Helper = {
    worker: new Worker(new URL('./tokenizer.helper.ts', import.meta.url), { type: 'module', name: 'tokenizer-helper' }),
    batch: null,
    stamps: [],
    warmed: null,
  }
  helper.worker.onmessage = (e: MessageEvent<HelperResponse>) => onHelperMessage(helper, e.data)
  helper.worker.onerror = (e) => {
    e.preventDefault()
    replaceHelper(helper)
    post({ type: 'error', message: `A tokenizer helper stopped: ${e.message || 'unknown error'}` })
  }
  return helper
}

function ensureHelpers(): void {
  while (helpers.length < helperCount()) helpers.push(spawnHelper())
}

function warmHelpers(name: EncodingName): void {
  if (name !== encodingName) return
  ensureHelpers()
  for (const h of helpers) {
    if (h.warmed === name) continue
    h.warmed = name
    const req: HelperRequest = { type: 'warm', encoding: name }
    h.worker.postMessage(req)
  }
}

/**
 * Takes back up to `chars` characters of chunks handed to busy helpers (the last ones of
 * each batch), so the coordinator never idles while a slow helper holds work. Answers for
 * stolen chunks are ignored when they come.
 */
function steal(chars: number): ChunkRange[] {
  const out: ChunkRange[] = []
  let taken = 0
  for (const h of helpers) {
    while (h.batch !== null && h.stamps.length > 0 && taken < chars) {
      const s = h.stamps.pop()!
      const chunk = byStamp.get(s)
      byStamp.delete(s)
      if (!chunk || !isLive(chunk)) continue
      out.push(chunk)
      taken += chunk.end - chunk.start
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

function replaceHelper(helper: Helper): void {
  helper.worker.terminate()
  helper.batch = null
  for (const s of helper.stamps) {
    const chunk = byStamp.get(s)
    if (chunk && isLive(chunk)) pending.add(chunk)
  }
  helper.stamps = []
  const i = helpers.indexOf(helper)
  if (i >= 0) helpers[i] = spawnHelper()
}

function onHelperMessage(helper: Helper, msg: HelperResponse): void {
  if (msg.batch !== helper.batch) return
  helper.batch = null
  helper.stamps = []
  if (msg.type === 'error') {
    post({ type: 'error', message: msg.message })
    return
  }
  for (const r of msg.results) {
    const chunk = byStamp.get(r.stamp)
    byStamp.delete(r.stamp)
    if (!chunk || !isLive(chunk)) continue
    outgoing.push({ chunk, tokens: r.tokens, transfer: true })
  }
  flush()
  schedule()
}

/**
 * Hands pending chunks to idle helpers: `big` ones (huge single lines) one per helper,
 * then batches of the rest taken from the far end of `rest` (the coordinator works from
 * the near end, so the two meet in the middle).
 */
function feedHelpers(big: ChunkRange[], rest: ChunkRange[]): void {
  ensureHelpers()
  // A helper grinding on chunks that no longer exist is replaced rather than waited for.
  for (const h of helpers) {
    if (h.batch !== null && h.stamps.every((s) => !byStamp.has(s) || !isLive(byStamp.get(s)!))) replaceHelper(h)
  }
  let b = 0
  let cursor = rest.length - 1
  let restChars = 0
  for (const c of rest) restChars += c.end - c.start
  // Smaller batches near the end, so the coordinator and helpers finish together.
  const batchChars = Math.min(MAX_HELPER_BATCH_CHARS, Math.max(64 * 1024, restChars / (2 * (helpers.length + 1))))
  for (const h of helpers) {
    if (h.batch !== null) continue
    const pieces: { stamp: number; text: string }[] = []
    if (b < big.length) {
      const c = big[b++]
      pieces.push({ stamp: stampOf(c), text: model.chunkText(c) })
      pending.delete(c)
    } else {
      let chars = 0
      while (cursor >= 0 && chars < batchChars) {
        const c = rest[cursor--]
        if (!pending.has(c)) continue
        pieces.push({ stamp: stampOf(c), text: model.chunkText(c) })
        pending.delete(c)
        chars += c.end - c.start
      }
    }
    if (pieces.length === 0) break
    h.batch = nextBatch++
    h.stamps = pieces.map((p) => p.stamp)
    const req: HelperRequest = { type: 'encode', batch: h.batch, encoding: encodingName, mode, pieces }
    h.worker.postMessage(req)
  }
}

/** Pending chunks in priority order: those on screen, then the rest from the start. */
function priorityOrder(): ChunkRange[] {
  const live: ChunkRange[] = []
  for (const c of pending) {
    if (isLive(c)) live.push(c)
    else forget(c)
  }
  live.sort((a, b) => a.start - b.start)
  const onScreen = live.filter(isOnScreen)
  const rest = live.filter((c) => !isOnScreen(c))
  return [...onScreen, ...rest]
}

/**
 * True for a chunk on screen. The viewport the UI last reported may be older than the text
 * (a paste into an empty editor reports 0..0 until the editor has laid the text out), so a
 * screenful after its start always counts as on screen.
 */
function isOnScreen(c: ChunkRange): boolean {
  return c.end > viewport.from && c.start < Math.max(viewport.to, viewport.from + SCREEN_CHARS)
}

function helpersBusy(): boolean {
  return helpers.some((h) => h.batch !== null)
}

/** Runs until every chunk has tokens, yielding often so edits are never kept waiting. */
function schedule(): void {
  if (loop) return
  loop = (async () => {
    try {
      let enc = await ensureEncoding()
      let sliceStart = performance.now()
      let lastFlush = sliceStart
      // The work order is computed once per round (not per chunk: that would be quadratic)
      // and again only when an edit, the viewport or a helper changes the picture.
      let order: ChunkRange[] = []
      let at = 0
      orderStale = true
      while (pending.size > 0 || helpersBusy()) {
        if (enc.name !== encodingName) enc = await ensureEncoding()
        if (orderStale || at >= order.length) {
          order = priorityOrder()
          at = 0
          orderStale = false
          const isBig = (c: ChunkRange) => c.end - c.start > BIG_CHUNK_CHARS
          const big = order.filter(isBig)
          const small = order.filter((c) => !isBig(c))
          const smallChars = small.reduce((n, c) => n + c.end - c.start, 0)
          if (big.length > 0 || smallChars > HELPER_BATCH_CHARS) feedHelpers(big, smallChars > HELPER_BATCH_CHARS ? small.slice(1) : [])
          order = small.filter((c) => pending.has(c))
          if (order.length === 0) {
            // Everything left is with the helpers: help from the other end.
            order = steal(64 * 1024)
            for (const c of order) pending.add(c)
            if (order.length === 0) break // the helpers will call back
          }
        }
        const local = order[at++]
        if (!pending.has(local) || !isLive(local)) continue
        // Bulk work skips the cache (it serves edits) and hands its arrays over without copying.
        const { tokens, transfer } = encodeHere(local, enc, false)
        pending.delete(local)
        outgoing.push({ chunk: local, tokens, transfer })
        const now = performance.now()
        // What is on screen is sent at once; the rest in batches.
        const onScreen = isOnScreen(local)
        if (onScreen || now - lastFlush > FLUSH_MS) {
          flush()
          lastFlush = now
        }
        if (now - sliceStart > SLICE_MS) {
          await yieldToEvents()
          sliceStart = performance.now()
          // Helpers that finished want more work.
          if (helpers.some((h) => h.batch === null) && order.length - at > 8) orderStale = true
        }
      }
      flush()
      postStatus()
    } catch (err) {
      post({ type: 'error', message: err instanceof Error ? err.message : String(err) })
    } finally {
      loop = null
    }
  })()
}

// ---- requests ----

function handle(req: CoordinatorRequest): void {
  switch (req.type) {
    case 'configure': {
      if (req.encoding === encodingName && req.mode === mode && generation > 0) return
      encodingName = req.encoding
      mode = req.mode
      generation++
      workStarted = performance.now()
      outgoing = [] // tokens of the previous encoding or mode
      orderStale = true
      for (const c of model.chunks) pending.add(c)
      post({
        type: 'splice',
        version,
        generation,
        splice: { from: 0, remove: model.chunks.length, shift: 0, insert: model.chunks.map((c) => ({ start: c.start, end: c.end, tokens: null })) },
        last: true,
      })
      for (const h of helpers) if (h.batch !== null) replaceHelper(h)
      schedule()
      return
    }
    case 'reset': {
      const before = model.chunks.slice()
      version = req.version
      const splice = model.reset(req.text)
      for (const c of before) forget(c)
      workStarted = performance.now()
      applySplice(splice.from, splice.remove, splice.shift, true)
      return
    }
    case 'edit': {
      workStarted = performance.now()
      version = req.version
      req.edits.forEach(([from, to, insert], i) => {
        const splice = model.edit(from, to, insert)
        applySplice(splice.from, splice.remove, splice.shift, i === req.edits.length - 1, splice.insert.length)
      })
      return
    }
    case 'viewport':
      viewport = { from: req.from, to: req.to }
      orderStale = true
      return
    case 'tokenBytes':
      void loadEncoding(req.encoding).then((enc) =>
        post({
          type: 'tokenBytes',
          job: req.job,
          bytes: req.ids.map((id) => {
            try {
              return enc.tokenBytes(id)
            } catch {
              return null // not a token of this encoding
            }
          }),
        }),
      )
      return
    case 'count':
      void loadEncoding(req.encoding).then((enc) => post({ type: 'count', job: req.job, counts: req.texts.map((t) => countTokens(t, enc, req.mode)) }))
      return
  }
}

/** Tells the UI about a chunk splice, with tokens when they are quick to make. */
function applySplice(from: number, remove: number, shift: number, last: boolean, insertCount = model.chunks.length - from): void {
  const fresh = model.chunks.slice(from, from + insertCount)
  const chars = fresh.reduce((n, c) => n + c.end - c.start, 0)
  const enc = loaded?.name === encodingName ? loaded : null
  if (enc && chars <= SYNC_CHARS && fresh.every((c) => c.end - c.start <= BIG_CHUNK_CHARS)) {
    const insert = fresh.map((c) => ({ start: c.start, end: c.end, tokens: copyTokens(encodeHere(c, enc, true).tokens) }))
    flush() // earlier fills first, with indexes from before this splice
    post({ type: 'splice', version, generation, splice: { from, remove, shift, insert }, last }, transferablesOf(insert.map((c) => c.tokens!)))
    postStatus()
    return
  }
  flush()
  for (const c of fresh) pending.add(c)
  orderStale = true
  post({ type: 'splice', version, generation, splice: { from, remove, shift, insert: fresh.map((c) => ({ start: c.start, end: c.end, tokens: null })) }, last })
  postStatus()
  schedule()
}

self.onmessage = (event: MessageEvent<CoordinatorRequest>) => {
  try {
    handle(event.data)
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) })
  }
}
