// The preload script with Electron mocked: what the page receives through the bridge.
import { describe, expect, it, vi } from 'vitest'
import { IPC, IPC_EVENTS, PRELOAD_GLOBAL } from '@shared/contract/ipc'

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, (...args: unknown[]) => void>(),
  invoke: vi.fn(async (..._args: unknown[]) => undefined),
}))
vi.mock('electron', () => {
  const m = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => electron.exposed.set(name, api) },
    ipcRenderer: { invoke: electron.invoke, on: (channel: string, fn: (...args: unknown[]) => void) => electron.listeners.set(channel, fn) },
    webUtils: { getPathForFile: () => '/home/ada/dropped.txt' },
  }
  return { ...m, default: m }
})

describe('preload', async () => {
  await import('./index')
  const api = electron.exposed.get(PRELOAD_GLOBAL) as Record<string, unknown>

  it('exposes one object of named functions, and nothing of ipcRenderer', () => {
    expect([...electron.exposed.keys()]).toEqual([PRELOAD_GLOBAL])
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true)
    expect(Object.keys(api)).not.toContain('invoke')
    expect(Object.keys(api)).not.toContain('ipcRenderer')
  })

  it('each function calls its own channel with its own arguments', async () => {
    const call = (name: string, ...args: unknown[]) => (api[name] as (...a: unknown[]) => unknown)(...args)
    await call('saveState', 'draft', 'text')
    expect(electron.invoke).toHaveBeenLastCalledWith(IPC.saveState, 'draft', 'text')
    await call('openPath', '/tmp/a.txt', null)
    expect(electron.invoke).toHaveBeenLastCalledWith(IPC.openPath, '/tmp/a.txt', null)
    await call('openTextFile')
    expect(electron.invoke).toHaveBeenLastCalledWith(IPC.openTextFile)
    expect(call('pathForFile', 'not a file')).toBe('')
    await call('openTokenizer')
    expect(electron.invoke).toHaveBeenLastCalledWith(IPC.openTokenizer)
    await call('openTokenizerPath', '/models/llama', null)
    expect(electron.invoke).toHaveBeenLastCalledWith(IPC.openTokenizerPath, '/models/llama', null)
    await call('restoreTokenizer')
    expect(electron.invoke).toHaveBeenLastCalledWith(IPC.restoreTokenizer)
  })

  it('passes on only well-formed tokenizer results', () => {
    const seen: unknown[] = []
    ;(api.onTokenizerOpened as (l: (c: unknown) => void) => void)((c) => seen.push(c))
    const deliver = electron.listeners.get(IPC_EVENTS.tokenizerOpened)!
    const files = { sourceName: 'llama', tokenizer: new Uint8Array([123, 125]), config: null }
    deliver({}, { kind: 'opened', files })
    deliver({}, { kind: 'opened', files: { ...files, tokenizer: 'not bytes' } })
    deliver({}, { kind: 'error', message: 'Could not open tokenizer.json.' })
    deliver({}, { kind: 'surprise' })
    expect(seen).toEqual([{ kind: 'opened', files }, { kind: 'error', message: 'Could not open tokenizer.json.' }])
  })

  it('passes on only well-formed menu commands', () => {
    const seen: unknown[] = []
    ;(api.onMenuCommand as (l: (c: unknown) => void) => void)((c) => seen.push(c))
    const deliver = electron.listeners.get(IPC_EVENTS.menuCommand)!
    deliver({}, { type: 'encoding', encoding: 'cl100k_base' })
    deliver({}, { type: 'encoding', encoding: 'rm -rf' })
    deliver({}, { type: 'eval', code: 'alert(1)' })
    deliver({}, null)
    expect(seen).toEqual([{ type: 'encoding', encoding: 'cl100k_base' }])
  })
})
