import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { freeOracles, oracleOrdinary, oracleWithSpecial } from '@shared/testing/oracle'
import { harness } from './coordinatorHarness'
import { seededText } from './seededText'

afterAll(() => freeOracles())

describe('TokenizerCoordinator: final tokens equal the oracle', () => {
  it('for random texts and random edits arriving while helpers work', async () => {
    const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(3000), insertSeed: fc.nat(), insertChars: fc.nat(12_000), wait: fc.nat(3) })
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.nat(),
          chars: fc.oneof(fc.nat(2000), fc.integer({ min: 200_000, max: 500_000 })),
          encoding: fc.constantFrom('cl100k_base' as const, 'o200k_base' as const),
          mode: fc.constantFrom('text' as const, 'special' as const),
          helpers: fc.integer({ min: 1, max: 3 }),
          edits: fc.array(editArb, { maxLength: 6 }),
        }),
        async ({ seed, chars, encoding, mode, helpers, edits }) => {
          const t = harness({ helpers })
          t.send({ type: 'configure', encoding, mode })
          let text = seededText(seed, chars)
          t.send({ type: 'reset', version: 1, text })
          let version = 1
          for (const e of edits) {
            for (let i = 0; i < e.wait; i++) await new Promise((r) => setTimeout(r, 0))
            const from = Math.floor(e.at * text.length)
            const to = Math.min(text.length, from + e.remove)
            const insert = seededText(e.insertSeed, e.insertChars)
            text = text.slice(0, from) + insert + text.slice(to)
            t.send({ type: 'edit', version: ++version, edits: [[from, to, insert]] })
          }
          await t.settle()
          expect(t.ui.errors()).toEqual([])
          expect(t.coordinator.model.text).toBe(text)
          expect(t.ui.pendingChunks).toBe(0)
          expect(t.ui.ids()).toEqual(mode === 'text' ? oracleOrdinary(encoding, text) : oracleWithSpecial(encoding, text))
          expect(t.ui.messages.findLast((m) => m.type === 'status')).toMatchObject({ version, pendingChunks: 0 })
        },
      ),
      { numRuns: 12 },
    )
  }, 240_000)
})
