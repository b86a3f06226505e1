import { describe, expect, it } from 'vitest'
import { catalogEntry } from '../tokenizer/catalog'
import { CARD_MODELS } from './modelCards'
import { loadModelList } from './models'
import { tablePrice } from './prices'

const byName = new Map(CARD_MODELS.map((m) => [m.name, m]))

describe('CARD_MODELS', () => {
  it('names catalog tokenizers only, each model once, each with an https source and a positive window', () => {
    expect(byName.size).toBe(CARD_MODELS.length)
    for (const m of CARD_MODELS) {
      expect(catalogEntry(m.encoding), m.name).toBeDefined()
      expect(catalogEntry(m.encoding)!.engine, m.name).not.toBe('openai')
      expect(m.source, m.name).toMatch(/^https:\/\/\S+$/)
      expect(m.contextWindow, m.name).toBeGreaterThan(0)
      if (m.maxOutput !== null) expect(m.maxOutput, m.name).toBeLessThan(m.contextWindow)
    }
  })

  it('covers every bundled family with the windows of its model cards', () => {
    const window = (name: string) => byName.get(name)?.contextWindow
    expect(window('llama-3-8b-instruct')).toBe(8_192)
    for (const name of ['llama-3.1-8b-instruct', 'llama-3.2-3b-instruct', 'llama-3.3-70b-instruct']) expect(window(name)).toBe(131_072)
    expect(byName.get('qwen3-8b')).toMatchObject({ contextWindow: 32_768, note: expect.stringContaining('131,072 with YaRN') })
    expect(window('deepseek-v3')).toBe(128_000)
    expect(byName.get('deepseek-reasoner')).toMatchObject({ maxOutput: 64_000, note: expect.stringContaining('API') })
    expect(window('gemma-3-1b-it')).toBe(32_768)
    for (const name of ['gemma-3-4b-it', 'gemma-3-12b-it', 'gemma-3-27b-it']) expect(window(name)).toBe(131_072)
    expect(window('mistral-nemo-instruct-2407')).toBe(128_000)
    const families = new Set(CARD_MODELS.map((m) => m.encoding))
    expect([...families].sort()).toEqual(['claude-legacy', 'deepseek-v3', 'gemma3', 'llama3', 'llama3.1', 'mistral-nemo', 'qwen3'])
  })

  it('marks every Claude model (and only those) as approximate, with a window of 200K and a reply limit', () => {
    for (const m of CARD_MODELS) {
      expect(m.approximate !== undefined, m.name).toBe(m.encoding === 'claude-legacy')
      if (m.encoding === 'claude-legacy') {
        expect(m.contextWindow).toBe(200_000)
        expect(m.maxOutput).toBeGreaterThan(0)
      }
    }
    expect(byName.get('claude-opus-4-1')?.maxOutput).toBe(32_000)
    expect(byName.get('claude-3-haiku')?.maxOutput).toBe(4_096)
  })

  it('uses the price table’s names, so --price finds Claude, Mistral and DeepSeek prices', () => {
    for (const name of ['claude-opus-4-5', 'claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-1', 'claude-sonnet-4', 'claude-3-5-haiku', 'open-mistral-nemo', 'deepseek-chat', 'deepseek-reasoner']) {
      expect(byName.has(name), name).toBe(true)
      expect(tablePrice(name), name).not.toBeNull()
    }
  })
})

describe('loadModelList', () => {
  it("lists gpt-tokenizer's models, then the model cards, every one with a source", async () => {
    const list = await loadModelList()
    expect(list.find((m) => m.name === 'gpt-4o')).toMatchObject({ encoding: 'o200k_base', source: expect.stringContaining('gpt-tokenizer') })
    expect(list.find((m) => m.name === 'gemma-3-27b-it')).toMatchObject({ encoding: 'gemma3', contextWindow: 131_072, maxOutput: 8_192, chat: false })
    expect(list.every((m) => typeof m.source === 'string')).toBe(true)
    expect(new Set(list.map((m) => m.name)).size).toBe(list.length)
  })
})
