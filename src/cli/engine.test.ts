import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyFile, mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hfAsset } from '@shared/tokenizer/catalog'
import { sourcePath } from '@shared/testing/bundledSources'
import { REGEX_SPLIT_CUTS } from '@shared/tokenizer/chunkRules'
import { oracleForTokenizer } from '@shared/testing/tokenizerOracle'
import { CliError } from './errors'
import { folderReader, loadTokenizerFile, MAX_TOKENIZER_FILE_BYTES, tokenizerFiles, tokenizerSource } from './engine'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-engine-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The usage error a promise is rejected with. */
async function failure(p: Promise<unknown>): Promise<CliError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(CliError)
  expect((err as CliError).exitCode).toBe(2)
  return err as CliError
}

describe('tokenizerSource', () => {
  it('reads catalog ids as ids and paths as files', () => {
    expect(tokenizerSource('llama3', 'count')).toEqual({ kind: 'catalog', id: 'llama3' })
    expect(tokenizerSource('o200k_base', 'count')).toEqual({ kind: 'catalog', id: 'o200k_base' })
    expect(tokenizerSource('x/tokenizer.json', 'count')).toEqual({ kind: 'file', path: 'x/tokenizer.json' })
    expect(tokenizerSource('my.json', 'count')).toEqual({ kind: 'file', path: 'my.json' })
    expect(() => tokenizerSource('nope', 'count')).toThrow(/Unknown tokenizer "nope"/)
  })
})

describe('loadTokenizerFile', () => {
  it('loads a folder holding tokenizer.json and tokenizer_config.json: ids equal the Rust oracle', async () => {
    const folder = join(dir, 'llama')
    await mkdir(folder)
    await copyFile(sourcePath(hfAsset('llama3', 'tokenizer')), join(folder, 'tokenizer.json'))
    await copyFile(sourcePath(hfAsset('llama3', 'tokenizer_config')), join(folder, 'tokenizer_config.json'))
    expect(await tokenizerFiles(folder, 'count')).toEqual({ json: join(folder, 'tokenizer.json'), config: join(folder, 'tokenizer_config.json') })
    const tok = await loadTokenizerFile(folder, 'count')
    expect(tok.id).toBe(folder)
    expect(tok.displayName).toBe('llama')
    // Its cut rule is derived from the file: the same as the bundled Llama 3's.
    expect(tok.chunkCuts).toBe(REGEX_SPLIT_CUTS)
    const text = 'Hello, world! 日本語 and code: for (let i = 0; i < 10; i++) {}\n\n  emoji 👩🏽‍💻'
    const oracle = oracleForTokenizer('llama3')
    expect(tok.encodeOrdinary(text)).toEqual(await oracle.encode(text, 'text'))
    expect(await tokenizerFiles(join(folder, 'tokenizer.json'), 'count')).toEqual({ json: join(folder, 'tokenizer.json'), config: join(folder, 'tokenizer_config.json') })
  }, 60_000)

  it('says plainly what is wrong with a missing, empty, malformed, non-tokenizer, unsupported or huge file', async () => {
    expect((await failure(loadTokenizerFile(join(dir, 'absent.json'), 'count'))).message).toBe(`Cannot read the tokenizer ${join(dir, 'absent.json')}: no such file or folder.`)
    const emptyDir = join(dir, 'empty-folder')
    await mkdir(emptyDir)
    expect((await failure(loadTokenizerFile(emptyDir, 'count'))).message).toBe(`The folder ${emptyDir} has no tokenizer.json.`)
    const empty = join(dir, 'empty.json')
    await writeFile(empty, '')
    expect((await failure(loadTokenizerFile(empty, 'count'))).message).toBe(`${empty} is empty: it is not a tokenizer file.`)
    const cut = join(dir, 'cut.json')
    await writeFile(cut, '{"model": {"type": "BPE", "vocab": {"a": 0')
    expect((await failure(loadTokenizerFile(cut, 'count'))).message).toMatch(/cut\.json is not valid JSON \(malformed or cut short\): /)
    const binary = join(dir, 'binary.json')
    await writeFile(binary, Uint8Array.of(0xff, 0xfe, 0x00, 0x80))
    expect((await failure(loadTokenizerFile(binary, 'count'))).message).toMatch(/it is not UTF-8 text/)
    const other = join(dir, 'package.json')
    await writeFile(other, '{"name": "x"}')
    expect((await failure(loadTokenizerFile(other, 'count'))).message).toBe(`Cannot use ${other} as a tokenizer: This is not a tokenizer.json: it has no "model" section.`)
    const unsupported = join(dir, 'unsupported.json')
    await writeFile(unsupported, JSON.stringify({ model: { type: 'Mystery' }, added_tokens: [] }))
    expect((await failure(loadTokenizerFile(unsupported, 'count'))).message).toMatch(/^Cannot use .*unsupported\.json as a tokenizer: ./)
    const huge = join(dir, 'huge.json')
    await writeFile(huge, '')
    await truncate(huge, MAX_TOKENIZER_FILE_BYTES + 1)
    expect((await failure(loadTokenizerFile(huge, 'count'))).message).toBe(`${huge} is 200 MB; tokenizer files over 200 MB are not read.`)
    const badConfig = join(dir, 'bad-config')
    await mkdir(badConfig)
    await copyFile(sourcePath(hfAsset('llama3', 'tokenizer')), join(badConfig, 'tokenizer.json'))
    await writeFile(join(badConfig, 'tokenizer_config.json'), '{')
    expect((await failure(loadTokenizerFile(badConfig, 'count'))).message).toMatch(/tokenizer_config\.json is not valid JSON/)
  })

  it('reports a missing bundled file with what to do', async () => {
    expect((await failure(folderReader(dir)('llama3.tokenizer.json.gz'))).message).toMatch(/llama3\.tokenizer\.json\.gz is missing from .*: rebuild the command \(npm run build:cli\)/)
  })
})
