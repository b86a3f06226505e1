import { beforeAll, describe, expect, it } from 'vitest'
import { loadOpenAiTokenizer, type OpenAiTokenizer } from '@shared/tokenizer/openai/openaiTokenizer'
import { CHUNK_CHARS, SCREEN_CHARS, tokenizeChunk } from '@shared/document/tokenize'
import { DocumentModel } from '@shared/document/documentModel'
import { makeCorpus } from '@shared/testing/corpus'
import type { ChunkTokens } from '@shared/document/tokenize'
import type { TokenIndex } from '@shared/document/tokenIndex'
import type { CoordinatorResponse } from '@shared/contract/workerProtocol'
import { TokenStream, type TokenSnapshot, type Work } from './tokenStream'

/** Tokens for a chunk of `n` one-character tokens. */
function tokens(n: number): ChunkTokens {
  return {
    ids: Uint32Array.from({ length: n }, (_, i) => i),
    starts: Uint32Array.from({ length: n + 1 }, (_, i) => i),
    flags: new Uint8Array(n),
    counts: { characters: n, words: 1, bytes: n, newlines: 0 },
  }
}

function setup() {
  let now = 0
  const timers: { at: number; fn: () => void; id: number }[] = []
  let nextId = 1
  const shown: { index: TokenIndex; version: number }[] = []
  const snapshots: TokenSnapshot[] = []
  const urgent: boolean[] = []
  const works: Work[] = []
  const swaps: TokenIndex[] = []
  const stream = new TokenStream(
    {
      showTokens: (index, version) => shown.push({ index, version }),
      indexChanged: (index) => swaps.push(index),
      snapshot: (s, isUrgent) => {
        snapshots.push(s)
        urgent.push(isUrgent)
      },
      work: (w) => works.push(w),
      error: () => undefined,
    },
    {
      now: () => now,
      setTimeout: (fn, ms) => {
        timers.push({ at: now + ms, fn, id: nextId })
        return nextId++
      },
      clearTimeout: (id) => {
        const i = timers.findIndex((t) => t.id === id)
        if (i >= 0) timers.splice(i, 1)
      },
    },
  )
  const advance = (ms: number) => {
    now += ms
    for (const t of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(t), 1)
      t.fn()
    }
  }
  const send = (msg: CoordinatorResponse) => stream.handle(msg)
  const status = (generation: number, version: number, pendingChunks: number, elapsedMs = 1): CoordinatorResponse => ({
    type: 'status',
    version,
    generation,
    encoding: 'o200k_base',
    mode: 'text',
    pendingChunks,
    totalChunks: 4,
    elapsedMs,
  })
  return { stream, shown, snapshots, urgent, works, swaps, advance, send, status }
}

describe('TokenStream', () => {
  it('applies the splices of an edit of several changes together with the last, never showing half an edit', () => {
    const t = setup()
    t.send({ type: 'splice', version: 1, generation: 1, splice: { from: 0, remove: 0, shift: 0, insert: [{ start: 0, end: 4, tokens: tokens(4) }, { start: 4, end: 8, tokens: tokens(4) }] }, last: true })
    t.send(t.status(1, 1, 0))
    const index = t.stream.current!
    const shownBefore = t.shown.length
    // Version 2: one chunk grows by 2, the other by 1; a status comes between the two splices, as the worker sends them.
    t.send({ type: 'splice', version: 2, generation: 1, splice: { from: 0, remove: 1, shift: 2, insert: [{ start: 0, end: 6, tokens: tokens(6) }] }, last: false })
    t.send(t.status(1, 2, 0))
    expect(t.shown.length).toBe(shownBefore)
    expect(t.stream.current!.count).toBe(8)
    expect(t.stream.current!.chunk(1)).toMatchObject({ start: 4, end: 8 })
    t.send({ type: 'splice', version: 2, generation: 1, splice: { from: 1, remove: 1, shift: 1, insert: [{ start: 6, end: 11, tokens: tokens(5) }] }, last: true })
    const after = t.stream.current!
    expect(t.shown.slice(shownBefore)).toEqual([{ index: after, version: 2 }])
    expect(after.count).toBe(11)
    expect(after.chunk(1)).toMatchObject({ start: 6, end: 11 })
    // The index shown before the edit is a value: it still holds version 1.
    expect(index.count).toBe(8)
    expect(index.chunk(1)).toMatchObject({ start: 4, end: 8 })
  })

  it('shows a quick edit at once and skips renders for statuses that change nothing', () => {
    const t = setup()
    t.send({ type: 'splice', version: 1, generation: 1, splice: { from: 0, remove: 0, shift: 0, insert: [{ start: 0, end: 3, tokens: tokens(3) }] }, last: true })
    expect(t.shown.at(-1)?.version).toBe(1)
    expect(t.snapshots.at(-1)).toMatchObject({ version: 1, count: 3, pending: 0 })
    const before = t.snapshots.length
    t.send(t.status(1, 1, 0))
    t.send(t.status(1, 1, 0))
    expect(t.snapshots.length).toBe(before + 1) // the encoding becomes known once
    expect(t.snapshots.at(-1)?.encoding).toBe('o200k_base')
  })

  it('passes on that a long text is tokenized as one piece (no safe cut), then goes idle', () => {
    const t = setup()
    t.send({ type: 'splice', version: 1, generation: 1, splice: { from: 0, remove: 0, shift: 0, insert: [{ start: 0, end: 500_000, tokens: null }] }, last: true })
    t.send({ ...(t.status(1, 1, 1) as Extract<CoordinatorResponse, { type: 'status' }>), wholeTextChars: 500_000 })
    expect(t.works.at(-1)).toMatchObject({ kind: 'working', wholeChars: 500_000 })
    t.send({ type: 'fill', version: 1, generation: 1, fills: [{ index: 0, tokens: tokens(500_000) }] })
    t.send(t.status(1, 1, 0, 1200))
    expect(t.works.at(-1)).toEqual({ kind: 'idle' })
  })

  it('during a long job redraws the editor only for on-screen chunks and throttles the rest', () => {
    const t = setup()
    t.stream.setViewport(0, 10)
    const pendingChunks = [0, 10, 20, 30].map((start) => ({ start, end: start + 10, tokens: null }))
    t.send({ type: 'splice', version: 1, generation: 1, splice: { from: 0, remove: 0, shift: 0, insert: pendingChunks }, last: true })
    t.send(t.status(1, 1, 4))
    expect(t.works.at(-1)).toEqual({ kind: 'working', fraction: 0 })
    // The on-screen chunk arrives: the editor redraws at once.
    t.send({ type: 'fill', version: 1, generation: 1, fills: [{ index: 0, tokens: tokens(10) }] })
    const shownAfterFirst = t.shown.length
    // Off-screen chunks: no editor redraw, one throttled snapshot.
    t.send({ type: 'fill', version: 1, generation: 1, fills: [{ index: 1, tokens: tokens(10) }] })
    t.send({ type: 'fill', version: 1, generation: 1, fills: [{ index: 2, tokens: tokens(10) }] })
    expect(t.shown.length).toBe(shownAfterFirst)
    const snaps = t.snapshots.length
    t.advance(300)
    expect(t.snapshots.length).toBe(snaps + 1)
    expect(t.snapshots.at(-1)).toMatchObject({ count: 30, pending: 1 })
    // The last chunk completes the job: editor and counts update at once, work goes idle.
    t.send({ type: 'fill', version: 1, generation: 1, fills: [{ index: 3, tokens: tokens(10) }] })
    t.send(t.status(1, 1, 0, 120))
    expect(t.shown.at(-1)?.index.count).toBe(40)
    expect(t.snapshots.at(-1)).toMatchObject({ count: 40, pending: 0 })
    expect(t.works.at(-1)).toEqual({ kind: 'idle' })
    // Each snapshot carries the index it counts; fills make new indexes but swap in no new table.
    expect(t.snapshots.at(-1)!.index).toBe(t.stream.current)
    expect(t.snapshots.every((s) => s.index.count === s.count && s.index.pending === s.pending)).toBe(true)
    expect(t.swaps.length).toBe(1)
  })

  it('during a long job, tokens that came while their chunk was off screen are shown once the screen moves onto it', () => {
    const t = setup()
    t.stream.setViewport(0, 0) // an empty document's screen, before the paste is measured
    const pendingChunks = [0, 10, 20, 30].map((start) => ({ start, end: start + 10, tokens: null }))
    t.send({ type: 'splice', version: 1, generation: 1, splice: { from: 0, remove: 0, shift: 0, insert: pendingChunks }, last: true })
    t.send({ type: 'fill', version: 1, generation: 1, fills: [{ index: 0, tokens: tokens(10) }] })
    const before = t.shown.length
    expect(t.shown.at(-1)?.index.count ?? 0).toBe(0)
    // The editor measures the pasted text: the first chunk is on screen.
    t.stream.setViewport(0, 15)
    t.advance(0)
    expect(t.shown.length).toBe(before + 1)
    expect(t.shown.at(-1)!.index.count).toBe(10)
    // Moving again with nothing new still redraws at most once per move, and never once the job is done.
    t.send({ type: 'fill', version: 1, generation: 1, fills: [{ index: 1, tokens: tokens(10) }, { index: 2, tokens: tokens(10) }, { index: 3, tokens: tokens(10) }] })
    t.send(t.status(1, 1, 0, 50))
    const done = t.shown.length
    t.stream.setViewport(20, 35)
    t.advance(0)
    expect(t.shown.length).toBe(done)
  })

  it('builds a new encoding aside, swaps once it has tokens, and ignores older generations', () => {
    const t = setup()
    t.send({ type: 'splice', version: 1, generation: 1, splice: { from: 0, remove: 0, shift: 0, insert: [{ start: 0, end: 5, tokens: tokens(5) }] }, last: true })
    const first = t.stream.current
    t.send({ type: 'splice', version: 1, generation: 2, splice: { from: 0, remove: 0, shift: 0, insert: [{ start: 0, end: 5, tokens: null }] }, last: true })
    expect(t.stream.current).toBe(first) // still showing the old tokens
    t.send({ type: 'fill', version: 1, generation: 2, fills: [{ index: 0, tokens: tokens(2) }] })
    expect(t.stream.current).not.toBe(first)
    expect(t.swaps.length).toBe(2)
    expect(t.stream.current?.count).toBe(2)
    // A late message of generation 1 changes nothing.
    t.send({ type: 'fill', version: 1, generation: 1, fills: [{ index: 0, tokens: tokens(9) }] })
    expect(t.stream.current?.count).toBe(2)
  })

  describe('small edits tokenized here', () => {
    let enc: OpenAiTokenizer
    let cl100k: OpenAiTokenizer
    beforeAll(async () => {
      enc = await loadOpenAiTokenizer('o200k_base')
      cl100k = await loadOpenAiTokenizer('cl100k_base')
    })
    const text = 'Hello there\nWorld'
    const read = (before: string) => (a: number, b: number) => before.slice(a, b)

    /** A stream showing `text` (version 1, one chunk, o200k text mode), complete. */
    function ready() {
      const t = setup()
      t.send({ type: 'splice', version: 1, generation: 1, splice: { from: 0, remove: 0, shift: 0, insert: [{ start: 0, end: text.length, tokens: tokenizeChunk(text, 0, text.length, enc, 'text') }] }, last: true })
      t.send(t.status(1, 1, 0))
      t.stream.setLocalEncoder(enc)
      return t
    }

    it('applies the edit at once, urgently, and skips the worker’s splice for it', () => {
      const t = ready()
      const index = t.stream.editLocally(2, [[5, 5, ', dear']], read(text))
      const after = 'Hello, dear there\nWorld'
      expect(index).toBe(t.stream.current)
      expect(index!.count).toBe(tokenizeChunk(after, 0, after.length, enc, 'text').ids.length)
      expect(t.snapshots.at(-1)).toMatchObject({ version: 2, count: index!.count })
      expect(t.urgent.at(-1)).toBe(true)
      // The worker's answer for version 2 (the same splice) and its status change nothing.
      const count = index!.count
      t.send({ type: 'splice', version: 2, generation: 1, splice: { from: 0, remove: 1, shift: 6, insert: [{ start: 0, end: after.length, tokens: tokens(3) }] }, last: true })
      t.send(t.status(1, 2, 0))
      expect(t.stream.current!.count).toBe(count)
      // A status that trails a later local edit does not take the version back.
      t.stream.editLocally(3, [[0, 0, 'X']], read(after))
      t.send(t.status(1, 2, 0))
      expect(t.snapshots.at(-1)!.version).toBe(3)
      // Later versions from the worker apply as usual.
      t.send({ type: 'splice', version: 4, generation: 1, splice: { from: 0, remove: 1, shift: 1, insert: [{ start: 0, end: after.length + 2, tokens: tokens(7) }] }, last: true })
      expect(t.stream.current!.count).toBe(7)
    })

    it('a big paste: the chunks on screen here at once, the rest pending; the worker’s splice is skipped and its fills complete it', () => {
      const t = ready()
      const model = new DocumentModel(CHUNK_CHARS)
      model.reset(text)
      const paste = makeCorpus(300_000)
      const onScreen = (start: number) => start < SCREEN_CHARS
      const index = t.stream.editLocally(2, [[0, text.length, paste]], read(text), onScreen)
      expect(index).toBe(t.stream.current)
      const workerSplice = model.edit(0, text.length, paste)
      expect(index!.chunkCount).toBe(workerSplice.insert.length)
      const here = index!.chunkList.filter((c) => c.tokens !== null)
      expect(here.length).toBeGreaterThan(0)
      expect(here.every((c) => c.start < SCREEN_CHARS)).toBe(true)
      expect(t.snapshots.at(-1)).toMatchObject({ version: 2, local: true, pending: index!.chunkCount - here.length })
      expect(t.urgent.at(-1)).toBe(true)
      expect(t.works.at(-1)).toMatchObject({ kind: 'working' })
      expect((t.works.at(-1) as { fraction: number }).fraction).toBeCloseTo(here.length / index!.chunkCount)
      // The worker's splice for the same version (all pending) is skipped; its fills apply.
      t.send({ type: 'splice', version: 2, generation: 1, splice: { ...workerSplice, insert: workerSplice.insert.map((c) => ({ ...c, tokens: null })) }, last: true })
      expect(t.stream.current!.pending).toBe(index!.chunkCount - here.length)
      t.send({ type: 'fill', version: 2, generation: 1, fills: model.chunks.map((c, k) => ({ index: k, tokens: tokenizeChunk(paste, c.start, c.end, enc, 'text') })) })
      t.send(t.status(1, 2, 0))
      expect(t.stream.current!.pending).toBe(0)
      expect(Array.from(t.stream.current!.allIds())).toEqual(Array.from(tokenizeChunk(paste, 0, paste.length, enc, 'text').ids))
      expect(t.snapshots.at(-1)).toMatchObject({ version: 2, pending: 0, count: t.stream.current!.count })
      // Without a screen to fill, a big edit is the worker's.
      const u = ready()
      expect(u.stream.editLocally(2, [[0, text.length, paste]], read(text))).toBeNull()
    })

    it('an edit too big to encode here whole, answered by the worker in one splice with tokens: its pending chunks are filled from it', () => {
      const t = ready()
      const model = new DocumentModel(CHUNK_CHARS)
      model.reset(text)
      // Just over what this thread encodes whole, well under what the worker sends with tokens.
      const paste = makeCorpus(40_000)
      const index = t.stream.editLocally(2, [[text.length, text.length, paste]], read(text), (start) => start < SCREEN_CHARS)!
      expect(index.pending).toBeGreaterThan(0)
      const workerSplice = model.edit(text.length, text.length, paste)
      const after = model.text
      t.send({ type: 'splice', version: 2, generation: 1, splice: { ...workerSplice, insert: workerSplice.insert.map((c) => ({ ...c, tokens: tokenizeChunk(after, c.start, c.end, enc, 'text') })) }, last: true })
      t.send(t.status(1, 2, 0))
      expect(t.stream.current!.pending).toBe(0)
      expect(Array.from(t.stream.current!.allIds())).toEqual(Array.from(tokenizeChunk(after, 0, after.length, enc, 'text').ids))
      expect(t.snapshots.at(-1)).toMatchObject({ version: 2, pending: 0 })
      expect(t.shown.at(-1)?.index.pending).toBe(0)
    })

    it('leaves the edit to the worker when it cannot be sure of the result', () => {
      const t = ready()
      // Several changes at once, a gap in versions.
      expect(t.stream.editLocally(2, [[0, 0, 'a'], [3, 3, 'b']], read(text))).toBeNull()
      expect(t.stream.editLocally(3, [[0, 0, 'a']], read(text))).toBeNull()
      // No encoder, or one of another encoding.
      t.stream.setLocalEncoder(null)
      expect(t.stream.editLocally(2, [[0, 0, 'a']], read(text))).toBeNull()
      t.stream.setLocalEncoder(cl100k)
      expect(t.stream.editLocally(2, [[0, 0, 'a']], read(text))).toBeNull()
      t.stream.setLocalEncoder(enc)
      // More splices of the shown version still to come.
      t.send({ type: 'splice', version: 2, generation: 1, splice: { from: 0, remove: 1, shift: 1, insert: [{ start: 0, end: text.length + 1, tokens: tokens(4) }] }, last: false })
      expect(t.stream.editLocally(3, [[0, 0, 'a']], read('a' + text))).toBeNull()
      t.send({ type: 'splice', version: 2, generation: 1, splice: { from: 0, remove: 1, shift: 1, insert: [{ start: 0, end: text.length + 2, tokens: tokens(4) }] }, last: true })
      // Chunks waiting for tokens.
      t.send({ type: 'splice', version: 3, generation: 1, splice: { from: 0, remove: 1, shift: 0, insert: [{ start: 0, end: text.length + 2, tokens: null }] }, last: true })
      expect(t.stream.editLocally(4, [[0, 0, 'a']], read('ab' + text))).toBeNull()
      // A new encoding's index, until its status says which encoding it is.
      const u = ready()
      u.send({ type: 'splice', version: 1, generation: 2, splice: { from: 0, remove: 0, shift: 0, insert: [{ start: 0, end: text.length, tokens: tokens(2) }] }, last: true })
      expect(u.stream.editLocally(2, [[0, 0, 'a']], read(text))).toBeNull()
      u.send(u.status(2, 1, 0))
      expect(u.stream.editLocally(2, [[0, 0, 'a']], read(text))).not.toBeNull()
    })
  })
})
