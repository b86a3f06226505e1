import { describe, expect, it } from 'vitest'
import type { ChunkTokens } from '../../../shared/tokenize'
import type { TokenIndex } from '../../../shared/tokenIndex'
import type { CoordinatorResponse } from '../../../shared/workerProtocol'
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
  const works: Work[] = []
  const swaps: TokenIndex[] = []
  const stream = new TokenStream(
    {
      showTokens: (index, version) => shown.push({ index, version }),
      indexChanged: (index) => swaps.push(index),
      snapshot: (s) => snapshots.push(s),
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
  return { stream, shown, snapshots, works, swaps, advance, send, status }
}

describe('TokenStream', () => {
  it('shows a quick edit at once and skips renders for statuses that change nothing', () => {
    const t = setup()
    t.send({ type: 'splice', version: 1, generation: 1, splice: { from: 0, remove: 0, shift: 0, insert: [{ start: 0, end: 3, tokens: tokens(3) }] } })
    expect(t.shown.at(-1)?.version).toBe(1)
    expect(t.snapshots.at(-1)).toMatchObject({ version: 1, count: 3, pending: 0 })
    const before = t.snapshots.length
    t.send(t.status(1, 1, 0))
    t.send(t.status(1, 1, 0))
    expect(t.snapshots.length).toBe(before + 1) // the encoding becomes known once
    expect(t.snapshots.at(-1)?.encoding).toBe('o200k_base')
  })

  it('during a long job redraws the editor only for on-screen chunks and throttles the rest', () => {
    const t = setup()
    t.stream.setViewport(0, 10)
    const pendingChunks = [0, 10, 20, 30].map((start) => ({ start, end: start + 10, tokens: null }))
    t.send({ type: 'splice', version: 1, generation: 1, splice: { from: 0, remove: 0, shift: 0, insert: pendingChunks } })
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
  })

  it('builds a new encoding aside, swaps once it has tokens, and ignores older generations', () => {
    const t = setup()
    t.send({ type: 'splice', version: 1, generation: 1, splice: { from: 0, remove: 0, shift: 0, insert: [{ start: 0, end: 5, tokens: tokens(5) }] } })
    const first = t.stream.current
    t.send({ type: 'splice', version: 1, generation: 2, splice: { from: 0, remove: 0, shift: 0, insert: [{ start: 0, end: 5, tokens: null }] } })
    expect(t.stream.current).toBe(first) // still showing the old tokens
    t.send({ type: 'fill', version: 1, generation: 2, fills: [{ index: 0, tokens: tokens(2) }] })
    expect(t.stream.current).not.toBe(first)
    expect(t.swaps.length).toBe(2)
    expect(t.stream.current?.count).toBe(2)
    // A late message of generation 1 changes nothing.
    t.send({ type: 'fill', version: 1, generation: 1, fills: [{ index: 0, tokens: tokens(9) }] })
    expect(t.stream.current?.count).toBe(2)
  })
})
