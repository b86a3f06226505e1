import { beforeAll, describe, expect, it } from 'vitest'
import { modelFit } from './compare'
import { countTokens } from '../document/tokenize'
import { ENCODING_NAMES, type EncodingName } from '../tokenizer/openai/encodings'
import { loadEncoding, type LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import { oracleOrdinary } from '../testing/oracle'
import { SAMPLES } from '../testing/samples'
import { makeCorpus } from '../testing/corpus'

const encodings = new Map<EncodingName, LoadedEncoding>()
beforeAll(async () => {
  for (const name of ENCODING_NAMES) encodings.set(name, await loadEncoding(name))
})

describe('countTokens', () => {
  it.each(ENCODING_NAMES)('%s: equals tiktoken on a mixed 200 KB text and every sample', (name) => {
    const enc = encodings.get(name)!
    const text = makeCorpus(200_000) + Object.values(SAMPLES).join('\n')
    expect(countTokens(text, enc, 'text')).toBe(oracleOrdinary(name, text).length)
  })
  it('counts each special token once in special mode', () => {
    const enc = encodings.get('cl100k_base')!
    expect(countTokens('a<|endoftext|>b', enc, 'special')).toBe(3)
    expect(countTokens('a<|endoftext|>b', enc, 'text')).toBeGreaterThan(3)
  })
})

describe('modelFit', () => {
  const models = [
    { name: 'small', encoding: 'cl100k_base' as const, contextWindow: 8192, maxOutput: null, chat: true },
    { name: 'big', encoding: 'cl100k_base' as const, contextWindow: 128000, maxOutput: null, chat: true },
    { name: 'other', encoding: 'o200k_base' as const, contextWindow: 4096, maxOutput: null, chat: true },
  ]
  it('counts the models of that encoding the text fits and names the smallest window', () => {
    expect(modelFit(5000, 'cl100k_base', models)).toEqual({ fits: 2, of: 2, smallest: models[0] })
    expect(modelFit(10000, 'cl100k_base', models)).toEqual({ fits: 1, of: 2, smallest: models[1] })
    expect(modelFit(200000, 'cl100k_base', models)).toEqual({ fits: 0, of: 2, smallest: null })
    expect(modelFit(1, 'r50k_base', models)).toEqual({ fits: 0, of: 0, smallest: null })
  })
})
