// Reading picked and dropped tokenizer files in the page: which file is the config, and refusals before reading.
import { describe, expect, it } from 'vitest'
import { MAX_TOKENIZER_BYTES } from '@shared/tokenizer/userTokenizer'
import { isTokenizerFileName, readPickedTokenizer } from './tokenizerFiles'

const bytes = (s: string) => new Uint8Array(Buffer.from(s))

describe('readPickedTokenizer', () => {
  it('one file is the tokenizer; with tokenizer_config.json picked too, that one is the config', async () => {
    expect(await readPickedTokenizer([new File(['{"model":{}}'], 'my.json')])).toEqual({ kind: 'opened', files: { sourceName: 'my.json', fileName: 'my.json', tokenizer: bytes('{"model":{}}'), config: null } })
    const both = await readPickedTokenizer([new File(['{}'], 'tokenizer_config.json'), new File(['{"model":{}}'], 'tokenizer.json')])
    expect(both).toEqual({ kind: 'opened', files: { sourceName: 'tokenizer.json', fileName: 'tokenizer.json', tokenizer: bytes('{"model":{}}'), config: bytes('{}') } })
  })

  it('a model config.json picked too names the tokenizer by its _name_or_path, and is never taken for the tokenizer (issue 26)', async () => {
    const r = await readPickedTokenizer([new File(['{"_name_or_path": "google/gemma-3-4b-it"}'], 'config.json'), new File(['{"model":{}}'], 'tokenizer.json')])
    expect(r).toEqual({ kind: 'opened', files: { sourceName: 'gemma-3-4b-it', fileName: 'tokenizer.json', tokenizer: bytes('{"model":{}}'), config: null } })
  })

  it('nothing picked is a cancel; a tokenizer_config.json alone is read as the tokenizer (and refused by the check, by name)', async () => {
    expect(await readPickedTokenizer([])).toEqual({ kind: 'cancelled' })
    expect(await readPickedTokenizer([new File(['{}'], 'tokenizer_config.json')])).toMatchObject({ kind: 'opened', files: { config: null } })
  })

  it('refuses a file over the limit without reading it', async () => {
    const huge = { name: 'tokenizer.json', size: MAX_TOKENIZER_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as File
    expect(await readPickedTokenizer([huge])).toEqual({ kind: 'error', message: expect.stringMatching(/^Could not open tokenizer\.json: it is 100\.0 MB, and the largest/) })
  })
})

describe('isTokenizerFileName', () => {
  it('is tokenizer.json in any case, and nothing else', () => {
    expect(['tokenizer.json', 'Tokenizer.JSON'].map(isTokenizerFileName)).toEqual([true, true])
    expect(['tokenizer_config.json', 'notes.json', 'tokenizer.json.txt'].map(isTokenizerFileName)).toEqual([false, false, false])
  })
})
