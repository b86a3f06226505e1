import { describe, expect, it } from 'vitest'
import { buildModelList, loadModelList } from './models'

describe('buildModelList', () => {
  it('keeps text models with a context window and maps their encoding', () => {
    const list = buildModelList(
      {
        'b-model': { context_window: 8192, max_output_tokens: 4096, modalities: { input: ['text'] } },
        'a-model': { context_window: 128000 },
        'image-only': { context_window: 1000, modalities: { input: ['image'] } },
        'no-window': { max_output_tokens: 10 },
      },
      { 'b-model': 'cl100k_base' },
      new Set(['b-model']),
    )
    expect(list).toEqual([
      { name: 'a-model', encoding: 'o200k_base', contextWindow: 128000, maxOutput: null, chat: false },
      { name: 'b-model', encoding: 'cl100k_base', contextWindow: 8192, maxOutput: 4096, chat: true, imageInput: false },
    ])
  })
})

describe('loadModelList', () => {
  it("reads gpt-tokenizer's models: gpt-4o is o200k with 128k, gpt-4 is cl100k", async () => {
    const list = await loadModelList()
    expect(list.length).toBeGreaterThan(50)
    expect(list.find((m) => m.name === 'gpt-4o')).toMatchObject({ encoding: 'o200k_base', contextWindow: 128000 })
    expect(list.find((m) => m.name === 'gpt-4')).toMatchObject({ encoding: 'cl100k_base', chat: true })
    expect(list.find((m) => m.name === 'text-davinci-003')?.chat).toBe(false)
    // Image input as the specs state it (the prompt budget counts images only where taken).
    expect(list.find((m) => m.name === 'gpt-4o')?.imageInput).toBe(true)
    expect(list.find((m) => m.name === 'gpt-3.5-turbo')?.imageInput).toBe(false)
  })
})
