import { describe, expect, it } from 'vitest'
import type { ModelInfo } from '@shared/models/models'
import { CliError } from './errors'
import { resolveTokenizer, similarModels } from './tokenizer'

const MODELS: ModelInfo[] = [
  { name: 'gpt-4', encoding: 'cl100k_base', contextWindow: 8192, maxOutput: 8192, chat: true },
  { name: 'gpt-4o', encoding: 'o200k_base', contextWindow: 128000, maxOutput: 16384, chat: true },
  { name: 'gpt-4o-mini', encoding: 'o200k_base', contextWindow: 128000, maxOutput: 16384, chat: true },
  { name: 'davinci', encoding: 'r50k_base', contextWindow: 2048, maxOutput: 2048, chat: false },
]

describe('resolveTokenizer', () => {
  it('uses the app default, an encoding, or the model\'s encoding (names matched case-insensitively)', () => {
    expect(resolveTokenizer({ encoding: null, model: null }, MODELS, 'count')).toEqual({ encodingName: 'o200k_base', model: null })
    expect(resolveTokenizer({ encoding: 'p50k_base', model: null }, MODELS, 'count')).toEqual({ encodingName: 'p50k_base', model: null })
    expect(resolveTokenizer({ encoding: null, model: 'GPT-4' }, MODELS, 'count')).toEqual({ encodingName: 'cl100k_base', model: MODELS[0] })
    expect(resolveTokenizer({ encoding: 'cl100k_base', model: 'gpt-4' }, MODELS, 'count').encodingName).toBe('cl100k_base')
  })

  it('rejects an unknown model with near names, and a model whose encoding differs from --encoding', () => {
    expect(() => resolveTokenizer({ encoding: null, model: 'gpt-4x' }, MODELS, 'count')).toThrow(CliError)
    expect(() => resolveTokenizer({ encoding: null, model: 'gpt-4x' }, MODELS, 'count')).toThrow(/Unknown model "gpt-4x"\. Did you mean gpt-4, gpt-4o, gpt-4o-mini\?/)
    expect(() => resolveTokenizer({ encoding: 'r50k_base', model: 'gpt-4o' }, MODELS, 'count')).toThrow('gpt-4o uses o200k_base, not r50k_base: give --model or --encoding, not both.')
  })

  it('suggests models that contain the name first', () => {
    expect(similarModels('mini', MODELS)).toEqual(['gpt-4o-mini'])
    expect(similarModels('zzz', MODELS)).toEqual([])
  })
})
