import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { IPC } from '@shared/contract/ipc'
import { registerIpc, type IpcDeps } from './ipc'

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown

const APP_URL = 'app://tokenizer-explorer/index.html'

function setup() {
  const handlers = new Map<string, Handler>()
  const win = { isDestroyed: () => false, webContents: { id: 7 } } as unknown as BrowserWindow
  const deps = {
    windows: () => [win],
    chooseAndOpen: vi.fn(async () => ({ kind: 'cancelled' as const })),
    openPathForPage: vi.fn(async () => ({ kind: 'cancelled' as const })),
    saveFile: vi.fn(async () => ({ kind: 'cancelled' as const })),
    forgetFile: vi.fn(),
    loadState: vi.fn(async () => ({ values: {}, problems: [] })),
    saveState: vi.fn(async () => true),
    setDocumentState: vi.fn(),
    readyToClose: vi.fn(),
    appInfo: () => ({ name: 'Tokenizer Explorer', version: '0.1.0', platform: 'linux' }),
    chooseAndOpenTokenizer: vi.fn(async () => ({ kind: 'cancelled' as const })),
    openTokenizerPathForPage: vi.fn(async () => ({ kind: 'cancelled' as const })),
    restoreTokenizer: vi.fn(async () => ({ kind: 'cancelled' as const })),
  } satisfies IpcDeps
  registerIpc({ handle: (channel: string, h: Handler) => handlers.set(channel, h) } as never, deps)
  const event = (senderId: number, url: string, parent: unknown = null) =>
    ({ sender: { id: senderId }, senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent
  const call = (channel: string, ...args: unknown[]) => Promise.resolve().then(() => handlers.get(channel)!(event(7, APP_URL), ...args))
  return { handlers, deps, win, event, call }
}

/** A valid call per channel. */
const VALID: Record<string, unknown[]> = {
  [IPC.openTextFile]: [],
  [IPC.openPath]: ['/home/ada/notes.txt', null],
  [IPC.saveFile]: [{ suggestedName: 'tokens.csv', data: 'a,b\n', kind: 'csv' }],
  [IPC.forgetFile]: [],
  [IPC.loadState]: [],
  [IPC.saveState]: ['settings', '{}'],
  [IPC.documentState]: [{ name: 'notes.txt', edited: true }],
  [IPC.readyToClose]: [],
  [IPC.appInfo]: [],
  [IPC.openTokenizer]: [],
  [IPC.openTokenizerPath]: ['/models/llama', 'a'.repeat(64)],
  [IPC.restoreTokenizer]: [],
}

describe('registerIpc', () => {
  it('registers every channel of the contract', () => {
    const { handlers } = setup()
    expect([...handlers.keys()].sort()).toEqual(Object.values(IPC).sort())
    expect(Object.keys(VALID).sort()).toEqual(Object.values(IPC).sort())
  })

  it('serves our own window, passing it and the parsed arguments on', async () => {
    const { deps, win, call } = setup()
    for (const [channel, args] of Object.entries(VALID)) await call(channel, ...args)
    expect(deps.chooseAndOpen).toHaveBeenCalledWith(win)
    expect(deps.openPathForPage).toHaveBeenCalledWith(win, '/home/ada/notes.txt', null)
    expect(deps.saveFile).toHaveBeenCalledWith(win, { suggestedName: 'tokens.csv', data: 'a,b\n', kind: 'csv' })
    expect(deps.saveState).toHaveBeenCalledWith('settings', '{}')
    expect(deps.setDocumentState).toHaveBeenCalledWith(win, { name: 'notes.txt', edited: true })
    expect(deps.forgetFile).toHaveBeenCalledWith(win)
    expect(deps.readyToClose).toHaveBeenCalledWith(win)
    expect(deps.chooseAndOpenTokenizer).toHaveBeenCalledWith(win)
    expect(deps.openTokenizerPathForPage).toHaveBeenCalledWith(win, '/models/llama', 'a'.repeat(64))
    expect(deps.restoreTokenizer).toHaveBeenCalledWith()
  })

  it.each([
    ['another webContents', 8, APP_URL, null],
    ['a foreign page in our window', 7, 'https://evil.example/', null],
    ['a file: page', 7, 'file:///etc/passwd', null],
    ['a subframe', 7, APP_URL, { url: APP_URL }],
  ])('refuses %s on every channel', async (_what, id, url, parent) => {
    const { handlers, deps, event } = setup()
    for (const [channel, args] of Object.entries(VALID)) {
      await expect(Promise.resolve().then(() => handlers.get(channel)!(event(id, url, parent), ...args))).rejects.toThrow(/unknown sender/)
    }
    for (const fn of Object.values(deps)) if (vi.isMockFunction(fn)) expect(fn).not.toHaveBeenCalled()
  })

  it.each([
    [IPC.openTextFile, [['/etc/passwd'], [{ __proto__: { polluted: true } }], ['x'.repeat(1_000_000)], [undefined]]],
    [IPC.appInfo, [[1]]],
    [IPC.openTokenizer, [['/etc/passwd']]],
    // The page never names the path to restore: main keeps it.
    [IPC.restoreTokenizer, [['/etc/passwd'], ['/models/llama', null]]],
    [IPC.openTokenizerPath, [[], [42, null], ['', null], ['a\0b', null], ['x'.repeat(5000), null], ['/a'], ['/a', 'f'.repeat(63)]]],
    [IPC.openPath, [[], [42, null], ['', null], ['a\0b', null], ['x'.repeat(5000), null], ['/a'], ['/a', '/b'], ['/a', 'A'.repeat(64)], ['/a', 'f'.repeat(63)], [{ toString: (): string => '/etc/passwd' }, null]]],
    [IPC.saveFile, [[], [null], [[]], [{ suggestedName: '../../.bashrc', data: 'x', kind: 'text' }], [{ suggestedName: 'a.txt', data: 'x', kind: 'exe' }], [{ suggestedName: 'a.txt', data: 42, kind: 'text' }], [{ suggestedName: 'x'.repeat(300), data: '', kind: 'text' }]]],
    [IPC.saveState, [[], ['settings'], ['passwords', 'x'], ['__proto__', '{}'], ['settings', 42], ['settings', 'x'.repeat(70 * 1024)], ['window', 'x'.repeat(5000)]]],
    [IPC.documentState, [[], [null], [{ name: 'a', edited: 'yes' }], [{ name: 7, edited: true }], [{ name: 'x'.repeat(300), edited: true }]]],
  ] as const)('%s refuses wrong, missing, huge and hostile arguments', async (channel, bad) => {
    const { deps, call } = setup()
    for (const args of bad) await expect(call(channel, ...args)).rejects.toThrow()
    for (const fn of Object.values(deps)) if (vi.isMockFunction(fn)) expect(fn).not.toHaveBeenCalled()
  })

  it('accepts bytes for saving and a null name for an untitled text', async () => {
    const { deps, call } = setup()
    await call(IPC.saveFile, { suggestedName: 'chunks.zip', data: new Uint8Array([80, 75, 3, 4]), kind: 'zip' })
    await call(IPC.documentState, { name: null, edited: false })
    expect(deps.saveFile).toHaveBeenCalled()
    expect(deps.setDocumentState).toHaveBeenCalledWith(expect.anything(), { name: null, edited: false })
  })
})
