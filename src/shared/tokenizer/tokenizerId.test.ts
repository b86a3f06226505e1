import { describe, expect, it } from 'vitest'
import { CATALOG } from './catalog'
import { ENCODING_NAMES } from './openai/encodings'
import { DEFAULT_TOKENIZER, isTokenizerId, tokenizerGroups, tokenizerShortName } from './tokenizerId'

describe('tokenizer ids', () => {
  it('knows every catalog id, OpenAI encodings by name, and nothing else', () => {
    for (const name of ENCODING_NAMES) expect(isTokenizerId(name)).toBe(true)
    for (const e of CATALOG) expect(isTokenizerId(e.id)).toBe(true)
    for (const bad of ['', 'llama9', 'O200K_BASE', 42, null, undefined]) expect(isTokenizerId(bad)).toBe(false)
    expect(DEFAULT_TOKENIZER).toBe('o200k_base')
  })

  it('groups the picker by family in catalog order, every id once; OpenAI labels as before; Claude marked approximate', () => {
    const groups = tokenizerGroups()
    expect(groups.map((g) => g.family)).toEqual(['OpenAI encodings', 'Llama', 'Qwen', 'DeepSeek', 'Gemma', 'Mistral', 'Claude (approximate)'])
    expect(groups.flatMap((g) => g.options.map((o) => o.id))).toEqual(CATALOG.map((e) => e.id))
    expect(groups[0].options.find((o) => o.id === 'cl100k_base')?.label).toBe('cl100k_base — GPT-4, GPT-3.5, embeddings')
    expect(groups.at(-1)!.options[0].label).toMatch(/approximate for Claude 3 and later/)
    expect(tokenizerShortName('llama3')).toBe('Llama 3')
    expect(tokenizerShortName('o200k_base')).toBe('o200k_base')
  })
})
