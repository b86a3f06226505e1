import { describe, expect, it } from 'vitest'
import { gzipSync } from 'fflate'
import { CATALOG, catalogEntry, licenceTable, loadTokenizer, readJsonAsset, renameAddedTokens } from './catalog'
import { ENCODING_NAMES } from './openai/encodings'

describe('catalog', () => {
  it('lists the OpenAI encodings by name, then the bundled families, ids unique', () => {
    const ids = CATALOG.map((e) => e.id)
    expect(ids.slice(0, ENCODING_NAMES.length)).toEqual([...ENCODING_NAMES])
    expect(ids).toEqual(expect.arrayContaining(['llama3', 'qwen3', 'deepseek-v3', 'gemma3', 'mistral-nemo', 'claude-legacy']))
    expect(new Set(ids).size).toBe(ids.length)
    expect(catalogEntry('claude-legacy')?.approximate).toMatch(/Claude 3/)
    for (const row of licenceTable()) {
      expect(row.licence.length).toBeGreaterThan(2)
      expect(row.source.length).toBeGreaterThan(5)
    }
  })

  it('reads gzip and plain assets alike', async () => {
    const plain = new TextEncoder().encode('{"a":1}')
    expect(await readJsonAsset(async () => gzipSync(plain), 'x.json.gz')).toEqual({ a: 1 })
    expect(await readJsonAsset(async () => plain, 'x.json.gz')).toEqual({ a: 1 })
  })

  it('rejects an unknown id and forgets a failed load, so it can be retried', async () => {
    await expect(loadTokenizer('nope', async () => new Uint8Array())).rejects.toThrow(/Unknown tokenizer "nope"/)
    await expect(loadTokenizer('llama3', async () => new TextEncoder().encode('{"trunc'))).rejects.toThrow()
    await expect(loadTokenizer('llama3', async () => new TextEncoder().encode('{"model":{"type":"WordPiece"}}'))).rejects.toThrow(/Unsupported model WordPiece/)
  })
})

describe('renameAddedTokens', () => {
  it('takes contents and special flags of the ids the config names, keeps the others and every other field', () => {
    const json = { model: { type: 'BPE' }, added_tokens: [{ id: 5, content: '<|reserved_4|>', special: true, lstrip: false }, { id: 6, content: '<x>', special: true }] }
    const config = { added_tokens_decoder: { '5': { content: '<|eom_id|>', special: true }, '9': { content: '<|far|>' } } }
    expect(renameAddedTokens(json, config)).toEqual({ model: { type: 'BPE' }, added_tokens: [{ id: 5, content: '<|eom_id|>', special: true, lstrip: false }, { id: 6, content: '<x>', special: true }] })
    expect(renameAddedTokens(json, {})).toEqual(json)
  })

  it('llama3.1 shares Llama 3’s tokenizer file and ships only its own config', () => {
    expect(catalogEntry('llama3.1')?.files).toEqual(['llama3.tokenizer.json.gz', 'llama3.1.tokenizer_config.json.gz', 'llama3.tokenizer.compact.gz'])
    // The page's copy: Llama 3's compact form, renamed by its own config.
    expect(catalogEntry('llama3.1')).toMatchObject({ pageFile: 'llama3.tokenizer.compact.gz', pageExtra: 'llama3.1.tokenizer_config.json.gz' })
  })
})
