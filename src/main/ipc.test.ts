import { describe, expect, it, vi } from 'vitest'
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import { IPC } from '../shared/ipc'
import { registerIpc, type IpcDeps } from './ipc'

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown

function setup() {
  const handlers = new Map<string, Handler>()
  const win = { isDestroyed: () => false, webContents: { id: 7 } } as unknown as BrowserWindow
  const deps: IpcDeps = {
    windows: () => [win],
    chooseAndReadTextFile: vi.fn(async () => ({ kind: 'cancelled' as const })),
    appInfo: () => ({ name: 'Tokenizer Explorer', version: '0.1.0', platform: 'linux' }),
  }
  registerIpc({ handle: (channel: string, h: Handler) => handlers.set(channel, h) } as never, deps)
  const event = (senderId: number, url: string, parent: unknown = null) =>
    ({ sender: { id: senderId }, senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent
  return { handlers, deps, win, event }
}

describe('registerIpc', () => {
  it('registers every channel of the contract', () => {
    const { handlers } = setup()
    expect([...handlers.keys()].sort()).toEqual(Object.values(IPC).sort())
  })
  it('serves our own window', async () => {
    const { handlers, deps, win, event } = setup()
    await expect(handlers.get(IPC.openTextFile)!(event(7, 'app://tokenizer-explorer/index.html'))).resolves.toEqual({ kind: 'cancelled' })
    expect(deps.chooseAndReadTextFile).toHaveBeenCalledWith(win)
    expect(handlers.get(IPC.appInfo)!(event(7, 'app://tokenizer-explorer/index.html'))).toMatchObject({ name: 'Tokenizer Explorer' })
  })
  it.each([
    ['another webContents', 8, 'app://tokenizer-explorer/index.html', null],
    ['a foreign page in our window', 7, 'https://evil.example/', null],
    ['a subframe', 7, 'app://tokenizer-explorer/index.html', { url: 'app://tokenizer-explorer/' }],
  ])('refuses %s', async (_what, id, url, parent) => {
    const { handlers, deps, event } = setup()
    await expect(handlers.get(IPC.openTextFile)!(event(id, url, parent))).rejects.toThrow(/unknown sender/)
    expect(() => handlers.get(IPC.appInfo)!(event(id, url, parent))).toThrow(/unknown sender/)
    expect(deps.chooseAndReadTextFile).not.toHaveBeenCalled()
  })
  it('refuses unexpected arguments, however large or hostile', async () => {
    const { handlers, deps, event } = setup()
    const ok = event(7, 'app://tokenizer-explorer/index.html')
    for (const args of [['/etc/passwd'], [{ __proto__: { polluted: true } }], ['x'.repeat(1_000_000)], [undefined]]) {
      await expect(handlers.get(IPC.openTextFile)!(ok, ...args)).rejects.toThrow(/Expected no arguments/)
    }
    expect(deps.chooseAndReadTextFile).not.toHaveBeenCalled()
  })
})
