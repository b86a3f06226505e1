import { describe, expect, it } from 'vitest'
import { CATALOG } from './catalog'
import { ENCODING_NAMES } from './openai/encodings'
import { DEFAULT_TOKENIZER, isTokenizerId, isUserTokenizerId, isIdOfOpenedTokenizer, nextOpenedTokenizerId, tokenizerChoices, tokenizerGroups, tokenizerName, tokenizerShortName, userTokenizerId } from './tokenizerId'

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

describe('tokenizers opened from a file', () => {
  it('get ids of their own, marked as files and numbered from the second file on; catalog ids are never such ids', () => {
    expect(userTokenizerId('Llama-3-8B', 1)).toBe('file: Llama-3-8B')
    expect(userTokenizerId('Llama-3-8B', 3)).toBe('file: Llama-3-8B (3)')
    expect(isUserTokenizerId('file: Llama-3-8B (3)')).toBe(true)
    for (const e of CATALOG) expect(isUserTokenizerId(e.id)).toBe(false)
    for (const bad of ['file: ', 'file:x', 'File: x', `file: ${'x'.repeat(400)}`, 42, null]) expect(isUserTokenizerId(bad)).toBe(false)
    // A very long name from a file is cut so that its id stays valid, suffix and all.
    const long = userTokenizerId('n'.repeat(1000), 12)
    expect(isUserTokenizerId(long)).toBe(true)
    expect(long.endsWith('n (12)')).toBe(true)
    expect(tokenizerName('file: Llama-3-8B')).toBe('Llama-3-8B')
    expect(tokenizerName('llama3')).toBe('Llama 3')
    expect(tokenizerShortName('file: Llama-3-8B')).toBe('Llama-3-8B (file)')
    expect(tokenizerShortName('unknown-id')).toBe('unknown-id')
  })

  it('a saved id is matched with the name of the file read again, whatever its number', () => {
    expect(isIdOfOpenedTokenizer('file: Llama-3-8B', 'Llama-3-8B')).toBe(true)
    expect(isIdOfOpenedTokenizer('file: Llama-3-8B (12)', 'Llama-3-8B')).toBe(true)
    expect(isIdOfOpenedTokenizer('file: Llama-3-8B (1)', 'Llama-3-8B')).toBe(false)
    expect(isIdOfOpenedTokenizer('file: Qwen3-8B', 'Llama-3-8B')).toBe(false)
    expect(isIdOfOpenedTokenizer('file: Llama-3-8B (2)', 'Llama-3-8B (2)')).toBe(true)
    expect(isIdOfOpenedTokenizer('llama3', 'Llama 3')).toBe(false)
    expect(isIdOfOpenedTokenizer(userTokenizerId('n'.repeat(1000), 7), 'n'.repeat(1000))).toBe(true)
    expect(isIdOfOpenedTokenizer(userTokenizerId('m'.repeat(1000), 7), 'n'.repeat(1000))).toBe(false)
    expect(isIdOfOpenedTokenizer('file: Llama-3-8B (02)', 'Llama-3-8B')).toBe(false)
  })

  it('the panels offer the catalog in order, then the opened tokenizer labelled with its file name', () => {
    const none = tokenizerChoices(null)
    expect(none.map((c) => c.id)).toEqual(CATALOG.map((e) => e.id))
    expect(none.every((c) => !c.fromFile)).toBe(true)
    expect(none.find((c) => c.id === 'llama3')?.label).toBe('Llama 3')
    expect(none.find((c) => c.id === 'cl100k_base')?.label).toBe('cl100k_base')
    const withFile = tokenizerChoices({ id: 'file: my-model', name: 'my-model' })
    expect(withFile.slice(0, -1)).toEqual(none)
    expect(withFile.at(-1)).toEqual({ id: 'file: my-model', label: 'my-model (file)', fromFile: true })
    // Something that is not a file's id is not added as one.
    expect(tokenizerChoices({ id: 'llama3', name: 'Llama 3' })).toEqual(none)
  })
})

describe('nextOpenedTokenizerId (issue 26)', () => {
  it('numbers a name only when a tokenizer of that name was opened before', () => {
    const opened = new Map<string, number>()
    expect(nextOpenedTokenizerId('Llama-3-8B', opened)).toBe('file: Llama-3-8B')
    expect(nextOpenedTokenizerId('Qwen3-8B', opened)).toBe('file: Qwen3-8B')
    expect(nextOpenedTokenizerId('Llama-3-8B', opened)).toBe('file: Llama-3-8B (2)')
    expect(nextOpenedTokenizerId('Llama-3-8B', opened)).toBe('file: Llama-3-8B (3)')
  })
})
