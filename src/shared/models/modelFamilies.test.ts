import { describe, expect, it } from 'vitest'
import { groupModels, modelFamily } from './modelFamilies'
import { loadModelList } from './models'

describe('modelFamily', () => {
  it.each([
    ['gpt-5', 'GPT-5'],
    ['gpt-5.4-mini-2026-03-17', 'GPT-5'],
    ['gpt-5.1-codex', 'GPT-5'],
    ['gpt-4.1-nano', 'GPT-4.1'],
    ['gpt-4.5-preview', 'GPT-4.5'],
    ['gpt-4o-mini-2024-07-18', 'GPT-4o'],
    ['chatgpt-4o-latest', 'GPT-4o'],
    ['gpt-4o-mini-realtime-preview', 'Audio, realtime and transcription'],
    ['gpt-realtime-mini', 'Audio, realtime and transcription'],
    ['o3-mini', 'o-series (reasoning)'],
    ['o1', 'o-series (reasoning)'],
    ['gpt-oss-120b', 'gpt-oss (open weights)'],
    ['gpt-4', 'GPT-4'],
    ['gpt-4-turbo-2024-04-09', 'GPT-4'],
    ['gpt-4-32k', 'GPT-4'],
    ['gpt-3.5-turbo', 'GPT-3.5'],
    ['code-davinci-002', 'Codex'],
    ['codex-mini-latest', 'Codex'],
    ['text-embedding-3-small', 'GPT-3 and older (completions, search, embeddings)'],
    ['davinci', 'GPT-3 and older (completions, search, embeddings)'],
    ['gpt2', 'GPT-3 and older (completions, search, embeddings)'],
    ['computer-use-preview', 'Other'],
    ['claude-sonnet-4-5', 'Claude (approximate counts)'],
    ['llama-3.1-8b-instruct', 'Llama'],
    ['qwen3-8b', 'Qwen'],
    ['deepseek-reasoner', 'DeepSeek'],
    ['gemma-3-1b-it', 'Gemma'],
    ['open-mistral-nemo', 'Mistral'],
  ])('%s is in %s', (name, family) => {
    expect(modelFamily(name)).toBe(family)
  })
})

describe('groupModels', () => {
  it("puts every one of gpt-tokenizer's models in exactly one group, newest families first, the model order kept", async () => {
    const models = await loadModelList()
    const groups = groupModels(models)
    expect(groups.flatMap((g) => g.models).map((m) => m.name).sort()).toEqual(models.map((m) => m.name).sort())
    expect(groups[0].family).toBe('GPT-5')
    for (const g of groups) {
      expect(g.models.length).toBeGreaterThan(0)
      const order = g.models.map((m) => models.indexOf(m))
      expect(order).toEqual([...order].sort((a, b) => a - b))
    }
    // The groups are small enough to scan: no family holds most of the list.
    expect(Math.max(...groups.map((g) => g.models.length))).toBeLessThan(models.length / 2)
    // And "Other" is only the few that fit nowhere.
    expect(groups.find((g) => g.family === 'Other')?.models.length ?? 0).toBeLessThan(10)
  })
})
