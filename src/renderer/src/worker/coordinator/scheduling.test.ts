import { afterAll, describe, expect, it } from 'vitest'
import { freeOracles, oracleOrdinary } from '@shared/testing/oracle'
import { harness } from './coordinatorHarness'
import { seededText } from './seededText'
import type { CoordinatorResponse } from '@shared/contract/workerProtocol'

afterAll(() => freeOracles())

type Fill = Extract<CoordinatorResponse, { type: 'fill' }>
const fillsOf = (messages: CoordinatorResponse[]) => messages.filter((m): m is Fill => m.type === 'fill')

describe('TokenizerCoordinator: scheduling', () => {
  it('encodes a small edit before replying: the splice carries its tokens', async () => {
    const t = harness()
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    t.send({ type: 'reset', version: 1, text: 'hello world' })
    await t.settle()
    const before = t.ui.messages.length
    t.send({ type: 'edit', version: 2, edits: [[5, 5, ', dear']] })
    const splice = t.ui.messages.slice(before).find((m) => m.type === 'splice')
    expect(splice?.type === 'splice' && splice.splice.insert.every((c) => c.tokens !== null)).toBe(true)
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', 'hello, dear world'))
  })

  it('encodes the chunks on screen first, then the rest from the start', async () => {
    const t = harness({ helpers: 1 })
    t.send({ type: 'configure', encoding: 'cl100k_base', mode: 'text' })
    const text = seededText(7, 200_000) // below the helper threshold: all of it is encoded here
    t.send({ type: 'reset', version: 1, text })
    t.send({ type: 'viewport', from: 120_000, to: 126_000 })
    await t.settle()
    expect(t.helpers.every((h) => h.held.length === 0 && !h.requests.some((r) => r.type === 'encode'))).toBe(true)
    const order = fillsOf(t.ui.messages).flatMap((m) => m.fills.map((f) => f.index))
    const chunks = t.coordinator.model.chunks
    const onScreen = chunks.flatMap((c, k) => (c.end > 120_000 && c.start < 126_000 ? [k] : []))
    expect(order.slice(0, onScreen.length)).toEqual(onScreen)
    const rest = order.slice(onScreen.length)
    expect(rest).toEqual([...rest].sort((a, b) => a - b))
    expect(new Set(order).size).toBe(chunks.length)
    expect(t.ui.ids()).toEqual(oracleOrdinary('cl100k_base', text))
  })

  it('counts as on screen exactly the range it is given, nothing around it', () => {
    const t = harness()
    t.send({ type: 'reset', version: 1, text: seededText(2, 100_000) })
    const chunks = t.coordinator.model.chunks
    const k = chunks.findIndex((c) => c.start > 50_000)
    const c = chunks[k]
    // A range inside one chunk: that chunk alone, not the screenful after it.
    t.send({ type: 'viewport', from: c.start + 1, to: c.start + 2 })
    expect(chunks.filter((x) => t.coordinator.isOnScreen(x))).toEqual([c])
    // Ends are exclusive: a range ending where a chunk starts leaves that chunk out.
    t.send({ type: 'viewport', from: chunks[k - 1].start, to: c.start })
    expect(chunks.filter((x) => t.coordinator.isOnScreen(x))).toEqual([chunks[k - 1]])
    // An empty range (nothing laid out yet) puts nothing on screen.
    t.send({ type: 'viewport', from: 0, to: 0 })
    expect(chunks.filter((x) => t.coordinator.isOnScreen(x))).toEqual([])
  })

  it('shares a big job with helpers from the far end and takes work back from a slow helper', async () => {
    const t = harness({ helpers: 1, auto: false })
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    const text = seededText(11, 600_000)
    t.send({ type: 'reset', version: 1, text })
    await t.until(() => !t.coordinator.looping)
    const [helper] = t.live()
    const batch = helper.held[0]
    expect(batch.pieces.length).toBeGreaterThan(1)
    // The helper got the end of the document.
    expect(batch.pieces.some((p) => text.endsWith(p.text))).toBe(true)
    // The helper never answered, yet the coordinator finished: it took the batch back, a slice at a time.
    expect(t.ui.pendingChunks).toBe(0)
    expect(t.ui.errors()).toEqual([])
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', text))
    const refillsBefore = t.ui.refills
    await helper.answerAll()
    await t.settle()
    // Answers for stolen chunks were dropped, not sent twice.
    expect(t.ui.refills).toBe(refillsBefore)
    expect(t.ui.pendingChunks).toBe(0)
    expect(t.ui.errors()).toEqual([])
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', text))
    const status = t.ui.messages.findLast((m) => m.type === 'status')
    expect(status).toMatchObject({ pendingChunks: 0, totalChunks: t.coordinator.model.chunks.length, version: 1 })
  })

  it('drops a helper answer for chunks an edit replaced (stamps), and encodes their new text', async () => {
    const t = harness({ helpers: 1, auto: false })
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    const text = seededText(3, 600_000)
    t.send({ type: 'reset', version: 1, text })
    // Catch the helper while it holds its batch, before the coordinator takes it back.
    await t.until(() => (t.live()[0]?.held.length ?? 0) > 0)
    const [helper] = t.live()
    const first = helper.held[0].pieces[0] // the batch's first chunk is stolen last
    const at = text.lastIndexOf(first.text) + 10
    t.send({ type: 'edit', version: 2, edits: [[at, at + 5, 'EDITED text ']] })
    const edited = text.slice(0, at) + 'EDITED text ' + text.slice(at + 5)
    const fillsBefore = fillsOf(t.ui.messages).length
    await helper.answerAll()
    // The answer was used for the chunks still live, not for the edited one.
    expect(fillsOf(t.ui.messages).length).toBe(fillsBefore + 1)
    await t.settle()
    expect(t.ui.refills).toBe(0)
    expect(t.ui.pendingChunks).toBe(0)
    expect(t.ui.errors()).toEqual([])
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', edited))
    expect(t.coordinator.model.text).toBe(edited)
  })

  it('an edit that merges pending chunks forgets the replaced chunks, not the live ones after them', async () => {
    const t = harness({ helpers: 1 })
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    const text = seededText(9, 150_000)
    t.send({ type: 'reset', version: 1, text })
    // Before any chunk is encoded: delete across several chunks, so fewer chunks replace them.
    const chunks = t.coordinator.model.chunks
    const from = chunks[3].start + 7
    const to = chunks[7].start + 7
    const count = chunks.length
    t.send({ type: 'edit', version: 2, edits: [[from, to, '']] })
    expect(t.coordinator.model.chunks.length).toBeLessThan(count)
    await t.settle()
    const edited = text.slice(0, from) + text.slice(to)
    expect(t.ui.errors()).toEqual([])
    expect(t.ui.pendingChunks).toBe(0)
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', edited))
  })

  it('edits that change the chunk count mid-work end in the oracle tokens of the edited text', async () => {
    // A clock that ticks per reading: the loop yields every few chunks and flushes rarely.
    let clock = 0
    const t = harness({ helpers: 1, now: () => clock++ })
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    const text = seededText(5, 150_000)
    t.send({ type: 'reset', version: 1, text })
    let edited = text
    // Edits that change the chunk count, arriving while the loop holds unsent fills.
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 0))
      const at = (i * 21_011) % edited.length
      const insert = seededText(i + 100, 9_000)
      edited = edited.slice(0, at) + insert + edited.slice(at + 3)
      t.send({ type: 'edit', version: 2 + i, edits: [[at, at + 3, insert]] })
    }
    await t.settle()
    expect(t.ui.errors()).toEqual([])
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', edited))
  })
})
