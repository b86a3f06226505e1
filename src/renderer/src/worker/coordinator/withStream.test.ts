import { afterAll, describe, expect, it } from 'vitest'
import { freeOracles, oracleOrdinary, oracleWithSpecial } from '@shared/testing/oracle'
import { TokenStream } from '../../tokens/tokenStream'
import { harness } from './coordinatorHarness'
import { seededText } from './seededText'

afterAll(() => freeOracles())

/** A coordinator whose messages go straight to a TokenStream (the UI's side, with real timers). */
function wired() {
  const errors: string[] = []
  const stream = new TokenStream(
    { showTokens: () => undefined, indexChanged: () => undefined, snapshot: () => undefined, work: () => undefined, error: (m) => errors.push(m) },
    { now: () => performance.now(), setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number, clearTimeout: (id) => clearTimeout(id) },
  )
  const t = harness({ helpers: 1, post: (msg) => stream.handle(msg) })
  return { ...t, stream, errors }
}

describe('TokenizerCoordinator with the TokenStream', () => {
  it('the stream shows the new encoding after a switch, and the mode after a mode switch', async () => {
    const t = wired()
    const text = seededText(31, 300_000)
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    t.send({ type: 'reset', version: 1, text })
    await t.settle()
    expect(Array.from(t.stream.current!.allIds())).toEqual(oracleOrdinary('o200k_base', text))
    for (const [encoding, mode] of [['r50k_base', 'text'], ['cl100k_base', 'text'], ['cl100k_base', 'special']] as const) {
      t.send({ type: 'configure', encoding, mode })
      await t.settle()
      await t.until(() => t.stream.current!.pending === 0)
      expect(t.errors).toEqual([])
      expect(Array.from(t.stream.current!.allIds())).toEqual(mode === 'text' ? oracleOrdinary(encoding, text) : oracleWithSpecial(encoding, text))
    }
    t.stream.dispose()
  })
})
