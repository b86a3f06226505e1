// A tokenizer registered from user bytes (the 'register' request File > Open Tokenizer… uses)
// is chosen like a catalog id; its ids equal the Rust oracle's; a malformed file is reported
// and the previous tokenizer stays.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sourcePath } from '@shared/testing/bundledSources'
import { oracleForTokenizer } from '@shared/testing/tokenizerOracle'
import { hfAsset } from '@shared/tokenizer/catalog'
import { REGEX_SPLIT_CUTS } from '@shared/tokenizer/chunkRules'
import { harness } from './coordinatorHarness'

describe('custom tokenizers', () => {
  it('a registered tokenizer.json tokenizes the text exactly, cut by the rule derived from its file', async () => {
    const t = harness({ helpers: 1 })
    const text = 'Custom tokenizer from the user’s files.\nSecond line, 日本語 🦙\n'.repeat(20)
    t.send({ type: 'reset', version: 1, text })
    t.send({ type: 'register', tokenizer: { id: 'file:test-llama', name: 'My Llama', json: new Uint8Array(readFileSync(sourcePath(hfAsset('llama3', 'tokenizer')))) } })
    t.send({ type: 'configure', encoding: 'file:test-llama', mode: 'text' })
    await t.until(() => t.ui.messages.some((m) => m.type === 'status' && m.encoding === 'file:test-llama' && m.pendingChunks === 0))
    await t.settle()
    const oracle = oracleForTokenizer('llama3')
    expect(t.ui.ids()).toEqual(await oracle.encode(text, 'text'))
    oracle.free()
    expect(t.coordinator.model.rule?.isSafeWordCut).toBe(REGEX_SPLIT_CUTS.isSafeWordCut)
  }, 60_000)

  it('a malformed file is reported and the previous tokenizer stays', async () => {
    const t = harness({ helpers: 1 })
    t.send({ type: 'configure', encoding: 'cl100k_base', mode: 'text' })
    t.send({ type: 'reset', version: 1, text: 'hello' })
    await t.settle()
    t.send({ type: 'register', tokenizer: { id: 'file:broken', name: 'Broken', json: new TextEncoder().encode('{"model": ') } })
    t.send({ type: 'configure', encoding: 'file:broken', mode: 'text' })
    await t.until(() => t.ui.messages.some((m) => m.type === 'loadFailed'))
    const failed = t.ui.messages.find((m) => m.type === 'loadFailed')
    expect(failed).toMatchObject({ encoding: 'file:broken', fallback: 'cl100k_base' })
    await t.settle()
    expect(t.ui.messages.filter((m) => m.type === 'status').at(-1)).toMatchObject({ encoding: 'cl100k_base', pendingChunks: 0 })
  })
})
