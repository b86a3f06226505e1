// The Electron host's drop handling, with a fake preload API: what it sends main and what it falls back to.
import { createHash } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import type { OpenTextFileResult, PreloadApi } from '@shared/contract/ipc'
import { createElectronHost } from './electronHost'

function fakeApi(path: string, answer: OpenTextFileResult) {
  return {
    pathForFile: vi.fn(() => path),
    openPath: vi.fn(async () => answer),
    forgetFile: vi.fn(async () => undefined),
  } as unknown as PreloadApi & { openPath: ReturnType<typeof vi.fn>; forgetFile: ReturnType<typeof vi.fn> }
}

describe('electron host: dropped files', () => {
  it('asks main to open a desktop file by its path, with the SHA-256 of the dropped bytes as proof', async () => {
    const api = fakeApi('/home/ada/notes.txt', { kind: 'opened', file: { name: 'notes.txt', text: 'hello 🦙', warning: null } })
    const result = await createElectronHost(api).openDroppedFile(new File(['hello 🦙'], 'notes.txt'))
    expect(result).toMatchObject({ kind: 'opened' })
    expect(api.openPath).toHaveBeenCalledWith('/home/ada/notes.txt', createHash('sha256').update('hello 🦙').digest('hex'))
    expect(api.forgetFile).not.toHaveBeenCalled()
  })

  it('a file main refuses (a network path) opens by its bytes with a note, and the previous file is no longer followed', async () => {
    const api = fakeApi('\\\\host\\share\\notes.txt', { kind: 'error', message: 'Could not open notes.txt: it is on another computer.' })
    const result = await createElectronHost(api).openDroppedFile(new File(['from the share'], 'notes.txt'))
    expect(result).toMatchObject({ kind: 'opened', file: { text: 'from the share', warning: expect.stringMatching(/another computer\. Its dropped content is shown instead/) } })
    expect(api.forgetFile).toHaveBeenCalled()
  })

  it('a file without a path (dragged from a web page) opens by its bytes and stops following the previous file', async () => {
    const api = fakeApi('', { kind: 'cancelled' })
    const result = await createElectronHost(api).openDroppedFile(new File(['web text'], 'page.txt'))
    expect(result).toMatchObject({ kind: 'opened', file: { text: 'web text', warning: null } })
    expect(api.openPath).not.toHaveBeenCalled()
    // Otherwise a change to the file opened before would replace the dropped text.
    expect(api.forgetFile).toHaveBeenCalled()
  })
})

describe('electron host: tokenizers', () => {
  const json = '{"model": {"type": "BPE"}}'
  const tokenizerApi = (path: string, answer: unknown) =>
    ({
      pathForFile: vi.fn(() => path),
      openTokenizerPath: vi.fn(async () => answer),
      openTokenizer: vi.fn(async () => answer),
      restoreTokenizer: vi.fn(async () => answer),
    }) as unknown as PreloadApi & { openTokenizerPath: ReturnType<typeof vi.fn> }

  it('a dropped tokenizer.json opens by its path with the SHA-256 of its bytes (so it joins the recent tokenizers)', async () => {
    const fromMain = { kind: 'opened', files: { sourceName: 'Llama-3-8B', tokenizer: new Uint8Array(Buffer.from(json)), config: new Uint8Array([123, 125]) } }
    const api = tokenizerApi('/models/Llama-3-8B/tokenizer.json', fromMain)
    const result = await createElectronHost(api).openDroppedTokenizer({ file: new File([json], 'tokenizer.json'), entry: null })
    expect(result).toEqual(fromMain)
    expect(api.openTokenizerPath).toHaveBeenCalledWith('/models/Llama-3-8B/tokenizer.json', createHash('sha256').update(json).digest('hex'))
  })

  it('one main refuses, or without a path, opens by the bytes the page read', async () => {
    const refused = tokenizerApi('//host/share/tokenizer.json', { kind: 'error', message: 'network path' })
    const expected = { kind: 'opened', files: { sourceName: 'tokenizer.json', fileName: 'tokenizer.json', tokenizer: new Uint8Array(Buffer.from(json)), config: null } }
    expect(await createElectronHost(refused).openDroppedTokenizer({ file: new File([json], 'tokenizer.json'), entry: null })).toEqual(expected)
    const noPath = tokenizerApi('', null)
    expect(await createElectronHost(noPath).openDroppedTokenizer({ file: new File([json], 'tokenizer.json'), entry: null })).toEqual(expected)
    expect(noPath.openTokenizerPath).not.toHaveBeenCalled()
  })

  it('an answer from main that is not a tokenizer result is refused', async () => {
    expect(await createElectronHost(tokenizerApi('', { kind: 'opened', files: { tokenizer: 'text' } })).openTokenizerFile()).toEqual({ kind: 'error', message: 'The app returned an unexpected answer.' })
    expect(await createElectronHost(tokenizerApi('', { kind: 'opened', files: { tokenizer: 'text' } })).restoreTokenizer()).toEqual({ kind: 'error', message: 'The app returned an unexpected answer.' })
  })

  it('the start-up restore passes main’s answer on; a failed call (an older main without the channel) is an error, not a throw', async () => {
    const fromMain = { kind: 'opened', files: { sourceName: 'Llama-3-8B', tokenizer: new Uint8Array(Buffer.from(json)), config: null } }
    expect(await createElectronHost(tokenizerApi('', fromMain)).restoreTokenizer()).toEqual(fromMain)
    expect(await createElectronHost(tokenizerApi('', { kind: 'cancelled' })).restoreTokenizer()).toEqual({ kind: 'cancelled' })
    const failing = { restoreTokenizer: () => Promise.reject(new Error("No handler registered for 'tokenizer:restore'")) } as unknown as PreloadApi
    expect(await createElectronHost(failing).restoreTokenizer()).toEqual({ kind: 'error', message: "The tokenizer file could not be read again: No handler registered for 'tokenizer:restore'" })
    expect(await createElectronHost({} as PreloadApi).restoreTokenizer()).toMatchObject({ kind: 'error', message: expect.stringMatching(/^The tokenizer file could not be read again: /) })
  })
})
