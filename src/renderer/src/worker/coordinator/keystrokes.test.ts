import { describe, expect, it } from 'vitest'
import { oracleOrdinary, freeOracles } from '@shared/testing/oracle'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import { loadAppTokenizer } from '../../tokens/bundledTokenizers'
import { afterAll } from 'vitest'
import { harness } from './coordinatorHarness'

afterAll(() => freeOracles())

describe('TokenizerCoordinator: keystrokes', () => {
  it('re-encodes only the words around each keystroke once the chunk has been seen, and stays exact', async () => {
    let chars = 0
    const loadTokenizer = async (id: string): Promise<Tokenizer> => {
      const tok = await loadAppTokenizer(id)
      const spy: Tokenizer = Object.create(tok)
      spy.tokenize = (text, mode) => {
        chars += text.length
        return tok.tokenize(text, mode)
      }
      return spy
    }
    const t = harness({ helpers: 1, loadTokenizer })
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    let text = Array.from({ length: 400 }, (_, i) => `Line ${i} of a prompt, with words and numbers ${i * 13}.`).join('\n')
    t.send({ type: 'reset', version: 1, text })
    await t.settle()
    let version = 1
    const type = async (at: number, key: string) => {
      text = text.slice(0, at) + key + text.slice(at)
      t.send({ type: 'edit', version: ++version, edits: [[at, at, key]] })
      await t.settle()
    }
    // The first key in a chunk encodes it whole (its tokens were not kept: bulk work skips the cache).
    await type(1000, 'x')
    const chunk = t.coordinator.model.chunks[t.coordinator.model.chunkIndexAt(1000)]
    chars = 0
    for (let k = 0; k < 20; k++) await type(1001 + k, k % 5 === 4 ? ' ' : 'y')
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', text))
    // Whole-chunk encoding would read 20 chunks' worth.
    expect(chars).toBeLessThan((20 * (chunk.end - chunk.start)) / 10)
  }, 60_000)
})
