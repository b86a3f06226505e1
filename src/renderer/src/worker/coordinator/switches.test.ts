import { afterAll, describe, expect, it } from 'vitest'
import { freeOracles, oracleOrdinary, oracleWithSpecial } from '@shared/testing/oracle'
import { loadEncoding } from '@shared/tokenizer/openai/encodingLoader'
import { loadOpenAiTokenizer } from '@shared/tokenizer/openai/openaiTokenizer'
import type { EncodingName } from '@shared/tokenizer/openai/encodings'
import { harness } from './coordinatorHarness'
import { seededText } from './seededText'

afterAll(() => freeOracles())

describe('TokenizerCoordinator: encoding and mode switches, reset, errors', () => {
  it('switches encoding mid-work: no token of the old encoding reaches the new generation', async () => {
    const t = harness({ helpers: 1, auto: false })
    t.send({ type: 'configure', encoding: 'cl100k_base', mode: 'text' })
    const text = seededText(21, 600_000)
    t.send({ type: 'reset', version: 1, text })
    await t.until(() => (t.live()[0]?.held.length ?? 0) > 0)
    const [old] = t.live()
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    // The busy helper was replaced: its late answer (if a worker could still send one) goes nowhere.
    expect(old.terminated).toBe(true)
    await old.answerAll()
    await t.settle()
    expect(t.ui.generation).toBe(2)
    expect(t.ui.errors()).toEqual([])
    expect(t.ui.pendingChunks).toBe(0)
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', text))
    // Every fill of the new generation came after its splice and holds the new encoding's tokens (checked above);
    // and no fill of the old generation came after the new one began.
    const firstNew = t.ui.messages.findIndex((m) => m.type === 'splice' && m.generation === 2)
    expect(t.ui.messages.slice(firstNew).some((m) => (m.type === 'fill' || m.type === 'splice') && m.generation === 1)).toBe(false)
  })

  it('switches mode mid-work: special-token text becomes single ids', async () => {
    const t = harness({ helpers: 1 })
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    const text = seededText(8, 400_000)
    expect(text).toContain('<|endoftext|>')
    t.send({ type: 'reset', version: 1, text })
    await new Promise((r) => setTimeout(r, 0))
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'special' })
    await t.settle()
    expect(t.ui.errors()).toEqual([])
    expect(t.ui.ids()).toEqual(oracleWithSpecial('o200k_base', text))
    // Back to text: the document is encoded again, as ordinary text.
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    await t.settle()
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', text))
    expect(t.ui.generation).toBe(3)
  })

  it('ignores a configure that changes nothing', async () => {
    const t = harness()
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    t.send({ type: 'reset', version: 1, text: 'abc' })
    await t.settle()
    const n = t.ui.messages.length
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    expect(t.ui.messages.length).toBe(n)
  })

  it('reset mid-work replaces everything: only the new text is counted', async () => {
    const t = harness({ helpers: 2 })
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    t.send({ type: 'reset', version: 1, text: seededText(1, 700_000) })
    await new Promise((r) => setTimeout(r, 0))
    const next = seededText(2, 300_000)
    t.send({ type: 'reset', version: 2, text: next })
    await t.settle()
    expect(t.ui.errors()).toEqual([])
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', next))
    expect(t.ui.messages.findLast((m) => m.type === 'status')).toMatchObject({ version: 2, pendingChunks: 0 })
    // And to empty.
    t.send({ type: 'reset', version: 3, text: '' })
    await t.settle()
    expect(t.ui.chunks).toEqual([])
  })

  it('a helper error is reported and its chunks are encoded anyway', async () => {
    const t = harness({ helpers: 1, auto: false })
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    const text = seededText(4, 600_000)
    t.send({ type: 'reset', version: 1, text })
    await t.until(() => (t.live()[0]?.held.length ?? 0) > 0)
    t.live()[0].failAll('ranks missing')
    await t.settle()
    expect(t.ui.errors()).toEqual(['ranks missing'])
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', text))
  })

  it('a crashed helper is replaced, reported, and its work redone', async () => {
    const t = harness({ helpers: 1, auto: false })
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    const text = seededText(6, 600_000)
    t.send({ type: 'reset', version: 1, text })
    await t.until(() => (t.live()[0]?.held.length ?? 0) > 0)
    const [first] = t.live()
    first.crash('out of memory')
    expect(first.terminated).toBe(true)
    expect(t.live()).toHaveLength(1)
    await t.settle()
    expect(t.ui.errors()).toEqual(['A tokenizer helper stopped: out of memory'])
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', text))
  })

  it('after repeated helper errors the coordinator works alone, and still finishes', async () => {
    const t = harness({ helpers: 1, auto: false })
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    const text = seededText(9, 900_000)
    t.send({ type: 'reset', version: 1, text })
    await t.until(() => {
      for (const h of t.live()) h.failAll('broken')
      return !t.coordinator.busy
    })
    expect(t.ui.errors().length).toBeGreaterThanOrEqual(1)
    expect(t.ui.errors().length).toBeLessThanOrEqual(2)
    expect(t.coordinator.pool.givenUp || t.ui.errors().length === 1).toBe(true)
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', text))
  })

  it('reports a tokenizer that cannot be loaded (the default one: nothing to fall back to)', async () => {
    const t = harness({ loadTokenizer: () => Promise.reject(new Error('no ranks for this encoding')) })
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    t.send({ type: 'reset', version: 1, text: 'hello' })
    t.send({ type: 'count', job: 1, encoding: 'o200k_base', mode: 'text', texts: ['x'] })
    await t.settle()
    await new Promise((r) => setTimeout(r, 0))
    expect(t.ui.errors()).toEqual(['no ranks for this encoding', 'no ranks for this encoding'])
    expect(t.ui.messages.filter((m) => m.type === 'loadFailed')).toEqual([{ type: 'loadFailed', encoding: 'o200k_base', fallback: 'o200k_base', message: 'no ranks for this encoding' }])
  })

  it('a tokenizer that fails to load says why and the previous one takes over again', async () => {
    const t = harness({ loadTokenizer: (id) => (id === 'llama3' ? Promise.reject(new Error('file missing')) : loadOpenAiTokenizer(id as EncodingName)) })
    const text = 'hello world\nsecond line'
    t.send({ type: 'configure', encoding: 'cl100k_base', mode: 'text' })
    t.send({ type: 'reset', version: 1, text })
    await t.settle()
    t.send({ type: 'configure', encoding: 'llama3', mode: 'text' })
    await t.settle()
    await new Promise((r) => setTimeout(r, 0))
    await t.settle()
    expect(t.ui.messages.filter((m) => m.type === 'loadFailed')).toEqual([{ type: 'loadFailed', encoding: 'llama3', fallback: 'cl100k_base', message: 'file missing' }])
    const last = t.ui.messages.filter((m) => m.type === 'status').at(-1)
    expect(last).toMatchObject({ encoding: 'cl100k_base', pendingChunks: 0 })
  })

  it('answers count and tokenBytes requests', async () => {
    const t = harness()
    t.send({ type: 'count', job: 4, encoding: 'cl100k_base', mode: 'special', texts: ['hi <|endoftext|>', ''] })
    t.send({ type: 'tokenBytes', job: 5, encoding: 'cl100k_base', ids: [15339, 10_000_000] })
    await t.until(() => t.ui.messages.length >= 2)
    expect(t.ui.messages.find((m) => m.type === 'count')).toEqual({ type: 'count', job: 4, counts: [oracleWithSpecial('cl100k_base', 'hi <|endoftext|>').length, 0] })
    const enc = await loadEncoding('cl100k_base')
    expect(t.ui.messages.find((m) => m.type === 'tokenBytes')).toEqual({ type: 'tokenBytes', job: 5, bytes: [enc.tokenBytes(15339), null] })
  })
})
