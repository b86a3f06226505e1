import { describe, expect, it } from 'vitest'
import { gzipSync } from 'fflate'
import { CATALOG, catalogEntry, licenceTable, loadTokenizer, readJsonAsset } from './catalog'
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
