import { describe, expect, it } from 'vitest'
import type { ModelInfo } from '@shared/models/models'
import { CliError } from './errors'
import { estimateNote, resolveTokenizer, similarModels } from './tokenizer'

const MODELS: ModelInfo[] = [
  { name: 'gpt-4', encoding: 'cl100k_base', contextWindow: 8192, maxOutput: 8192, chat: true },
  { name: 'gpt-4o', encoding: 'o200k_base', contextWindow: 128000, maxOutput: 16384, chat: true },
  { name: 'gpt-4o-mini', encoding: 'o200k_base', contextWindow: 128000, maxOutput: 16384, chat: true },
  { name: 'davinci', encoding: 'r50k_base', contextWindow: 2048, maxOutput: 2048, chat: false },
  { name: 'llama-3.1-8b-instruct', encoding: 'llama3', contextWindow: 131072, maxOutput: null, chat: false },
]

const none = { encoding: null, tokenizer: null, model: null }
const catalog = (id: string) => ({ kind: 'catalog', id })

describe('resolveTokenizer', () => {
  it("uses the app default, an encoding or tokenizer id, or the model's tokenizer (names matched case-insensitively)", () => {
    expect(resolveTokenizer(none, MODELS, 'count')).toEqual({ source: catalog('o200k_base'), model: null })
    expect(resolveTokenizer({ ...none, encoding: 'p50k_base' }, MODELS, 'count')).toEqual({ source: catalog('p50k_base'), model: null })
    expect(resolveTokenizer({ ...none, tokenizer: 'gemma3' }, MODELS, 'count')).toEqual({ source: catalog('gemma3'), model: null })
    expect(resolveTokenizer({ ...none, encoding: 'qwen3' }, MODELS, 'count')).toEqual({ source: catalog('qwen3'), model: null })
    expect(resolveTokenizer({ ...none, model: 'GPT-4' }, MODELS, 'count')).toEqual({ source: catalog('cl100k_base'), model: MODELS[0] })
    expect(resolveTokenizer({ ...none, model: 'llama-3.1-8b-instruct' }, MODELS, 'count').source).toEqual(catalog('llama3'))
    expect(resolveTokenizer({ ...none, encoding: 'cl100k_base', model: 'gpt-4' }, MODELS, 'count').source).toEqual(catalog('cl100k_base'))
    expect(resolveTokenizer({ ...none, tokenizer: 'llama3', encoding: 'llama3' }, MODELS, 'count').source).toEqual(catalog('llama3'))
  })

  it('takes a tokenizer.json path, alone or with a model (the file counts, the model gives the window)', () => {
    expect(resolveTokenizer({ ...none, tokenizer: 'models/tokenizer.json' }, MODELS, 'count')).toEqual({ source: { kind: 'file', path: 'models/tokenizer.json' }, model: null })
    expect(resolveTokenizer({ ...none, tokenizer: './llama/', model: 'llama-3.1-8b-instruct' }, MODELS, 'count')).toEqual({ source: { kind: 'file', path: './llama/' }, model: MODELS[4] })
  })

  it('rejects an unknown model with near names, an unknown tokenizer, and a model whose tokenizer differs', () => {
    expect(() => resolveTokenizer({ ...none, model: 'gpt-4x' }, MODELS, 'count')).toThrow(CliError)
    expect(() => resolveTokenizer({ ...none, model: 'gpt-4x' }, MODELS, 'count')).toThrow(/Unknown model "gpt-4x"\. Did you mean gpt-4, gpt-4o, gpt-4o-mini\?/)
    expect(() => resolveTokenizer({ ...none, encoding: 'r50k_base', model: 'gpt-4o' }, MODELS, 'count')).toThrow('gpt-4o uses o200k_base, not r50k_base: give --model or --tokenizer, not both.')
    expect(() => resolveTokenizer({ ...none, tokenizer: 'qwen3', model: 'llama-3.1-8b-instruct' }, MODELS, 'count')).toThrow('llama-3.1-8b-instruct uses llama3, not qwen3')
    expect(() => resolveTokenizer({ ...none, tokenizer: 'llama9' }, MODELS, 'count')).toThrow(/^Unknown tokenizer "llama9"\. Tokenizers: r50k_base, .*llama3, llama3.1, qwen3, deepseek-v3, gemma3, mistral-nemo, claude-legacy; or give a path/)
    expect(() => resolveTokenizer({ ...none, tokenizer: 'llama3', encoding: 'qwen3' }, MODELS, 'count')).toThrow('--encoding qwen3 and --tokenizer llama3 disagree')
  })

  it('suggests models that contain the name first', () => {
    expect(similarModels('mini', MODELS)).toEqual(['gpt-4o-mini'])
    expect(similarModels('zzz', MODELS)).toEqual([])
  })
})

describe('estimateNote', () => {
  it("says why for a model marked approximate or the claude-legacy tokenizer, nothing for exact ones", () => {
    const claude: ModelInfo = { name: 'claude-x', encoding: 'claude-legacy', contextWindow: 200000, maxOutput: 64000, chat: false, approximate: 'Model reason.' }
    expect(estimateNote({ source: { kind: 'catalog', id: 'claude-legacy' }, model: claude })).toBe('note: counts are estimates. Model reason.')
    expect(estimateNote({ source: { kind: 'catalog', id: 'claude-legacy' }, model: null })).toMatch(/^note: counts are estimates\. Anthropic’s tokenizer for Claude 2 and earlier/)
    expect(estimateNote({ source: { kind: 'catalog', id: 'llama3' }, model: MODELS[4] })).toBeNull()
    expect(estimateNote({ source: { kind: 'file', path: 'x/tokenizer.json' }, model: null })).toBeNull()
  })
})
