import { createHash } from 'node:crypto'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readTextFile, readTokenizerFiles } from './files'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tokenizer-explorer-files-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function file(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return path
}

describe('readTextFile', () => {
  it('opens UTF-8 text, with or without a BOM', async () => {
    expect(await readTextFile(await file('a.txt', 'héllo 🦙'))).toEqual({ kind: 'opened', file: { name: 'a.txt', text: 'héllo 🦙', warning: null } })
    const bom = await readTextFile(await file('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])))
    expect(bom).toMatchObject({ kind: 'opened', file: { text: 'hi' } })
  })
  it('opens UTF-16 LE with a BOM', async () => {
    const r = await readTextFile(await file('u16.txt', new Uint8Array([0xff, 0xfe, 0x68, 0, 0x69, 0])))
    expect(r).toMatchObject({ kind: 'opened', file: { text: 'hi', warning: null } })
  })
  it('opens invalid UTF-8 with a warning that counts the bad bytes', async () => {
    const r = await readTextFile(await file('bad.txt', new Uint8Array([0x61, 0xff, 0xfe, 0x62])))
    expect(r.kind).toBe('opened')
    if (r.kind === 'opened') {
      expect(r.file.text).toBe('a\ufffd\ufffdb')
      expect(r.file.warning).toMatch(/2 invalid bytes were replaced/)
    }
  })
  it('refuses binary files, folders, missing and oversized files with a message', async () => {
    expect(await readTextFile(await file('x.bin', new Uint8Array([1, 0, 2])))).toMatchObject({ kind: 'error', message: expect.stringMatching(/binary/) })
    expect(await readTextFile(dir)).toMatchObject({ kind: 'error', message: expect.stringMatching(/folder/) })
    expect(await readTextFile(join(dir, 'nope.txt'))).toMatchObject({ kind: 'error', message: expect.stringMatching(/does not exist/) })
    expect(await readTextFile(await file('big.txt', 'x'.repeat(2000)), 1000)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/largest file .* opens is 1000 B/),
    })
  })
  it.skipIf(process.getuid?.() === 0)('refuses unreadable files (skipped as root: root reads every file)', async () => {
    const path = await file('locked.txt', 'secret')
    await chmod(path, 0o000)
    expect(await readTextFile(path)).toMatchObject({ kind: 'error', message: expect.stringMatching(/permission denied/) })
  })
})

describe('readTokenizerFiles', () => {
  const json = '{"model": {"type": "BPE"}}'
  const bytes = (s: string) => new Uint8Array(Buffer.from(s))

  it('reads a chosen tokenizer.json and the tokenizer_config.json beside it, named by their folder', async () => {
    await mkdir(join(dir, 'Llama-3-8B'))
    await writeFile(join(dir, 'Llama-3-8B', 'tokenizer.json'), json)
    await writeFile(join(dir, 'Llama-3-8B', 'tokenizer_config.json'), '{"chat_template": "x"}')
    const r = await readTokenizerFiles(join(dir, 'Llama-3-8B', 'tokenizer.json'))
    expect(r).toEqual({ kind: 'opened', files: { sourceName: 'Llama-3-8B', fileName: 'tokenizer.json', tokenizer: bytes(json), config: bytes('{"chat_template": "x"}') } })
    // The folder itself opens the same files.
    expect(await readTokenizerFiles(join(dir, 'Llama-3-8B'))).toEqual(r)
  })

  it('a tokenizer.json alone has no config; a folder without one is refused', async () => {
    await mkdir(join(dir, 'alone'))
    await writeFile(join(dir, 'alone', 'my-tokenizer.json'), json)
    expect(await readTokenizerFiles(join(dir, 'alone', 'my-tokenizer.json'))).toMatchObject({ kind: 'opened', files: { sourceName: 'alone', config: null } })
    expect(await readTokenizerFiles(join(dir, 'alone'))).toEqual({ kind: 'error', message: 'Could not open alone/tokenizer.json: the folder has no tokenizer.json.' })
    expect(await readTokenizerFiles(join(dir, 'nope.json'))).toMatchObject({ kind: 'error', message: expect.stringMatching(/does not exist/) })
  })

  it('refuses a file over the limit before reading it', async () => {
    const path = await file('huge-tokenizer.json', 'x'.repeat(2000))
    expect(await readTokenizerFiles(path, undefined, 1000)).toEqual({
      kind: 'error',
      message: 'Could not open huge-tokenizer.json: it is 2.0 KB, and the largest tokenizer.json Tokenizer Explorer opens is 1000 B.',
    })
  })

  it('with a digest, opens only the file whose bytes have it', async () => {
    const path = await file('dropped-tokenizer.json', json)
    const digest = createHash('sha256').update(json).digest('hex')
    expect(await readTokenizerFiles(path, digest)).toMatchObject({ kind: 'opened' })
    expect(await readTokenizerFiles(path, '0'.repeat(64))).toMatchObject({ kind: 'error', message: expect.stringMatching(/not that of the file dropped/) })
  })
})
