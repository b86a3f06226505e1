// The main entry with Electron mocked: checks what it asks Electron to do at start-up.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC } from '@shared/contract/ipc'

const electron = vi.hoisted(() => {
  const windows: { options: Record<string, unknown>; contents: Record<string, unknown> }[] = []
  const contentsHandlers = new Map<string, unknown>()
  class FakeBrowserWindow {
    webContents = {
      id: 1,
      on: (event: string, handler: unknown) => contentsHandlers.set(event, handler),
      once: vi.fn(),
      send: vi.fn(),
      isCrashed: () => false,
      setWindowOpenHandler: (handler: unknown) => contentsHandlers.set('window-open', handler),
    }
    on = vi.fn()
    maximize = vi.fn()
    constructor(public options: Record<string, unknown>) {
      windows.push({ options, contents: this.webContents })
    }
    once() {}
    loadURL = vi.fn(async () => undefined)
    isDestroyed() {
      return false
    }
    static getAllWindows = () => windows
    static fromWebContents = () => null
  }
  return {
    windows,
    contentsHandlers,
    module: {
      app: {
        isPackaged: true,
        whenReady: () => Promise.resolve(),
        isReady: () => true,
        on: vi.fn(),
        getName: () => 'tokenizer-explorer',
        getVersion: () => '0.1.0',
        getPath: () => `${process.env.TMPDIR ?? '/tmp'}/tokenizer-explorer-index-test-${process.pid}`,
        requestSingleInstanceLock: vi.fn(() => true),
        addRecentDocument: vi.fn(),
        clearRecentDocuments: vi.fn(),
        quit: vi.fn(),
      },
      Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
      nativeTheme: { themeSource: 'system' },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      BrowserWindow: FakeBrowserWindow,
      dialog: { showOpenDialog: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
      ipcMain: { handle: vi.fn() },
      net: { fetch: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
        },
      },
      shell: { openExternal: vi.fn() },
    },
  }
})

vi.mock('electron', () => ({ ...electron.module, default: electron.module }))

beforeAll(async () => {
  await import('./index')
  // Start-up reads the saved state from disk before it opens the window.
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1))
})

describe('main process start-up', () => {
  it('opens one window with the secure preferences and the app:// page', () => {
    expect(electron.windows).toHaveLength(1)
    const prefs = electron.windows[0].options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    })
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/)
  })
  it('registers the app:// scheme as standard and secure, and serves it', () => {
    const { protocol } = electron.module
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })])
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })
  it('denies permissions, navigation and new windows', () => {
    const s = electron.module.session.defaultSession
    expect(s.setPermissionRequestHandler).toHaveBeenCalled()
    expect(s.setPermissionCheckHandler).toHaveBeenCalled()
    expect(electron.contentsHandlers.has('will-navigate')).toBe(true)
    const open = electron.contentsHandlers.get('window-open') as (d: { url: string }) => unknown
    expect(open({ url: 'https://example.com/?q=secret' })).toEqual({ action: 'deny' })
  })
  it('asks before a link leaves the app: Cancel opens nothing, "Open in browser" opens it', async () => {
    const open = electron.contentsHandlers.get('window-open') as (d: { url: string }) => unknown
    const { dialog, shell } = electron.module
    dialog.showMessageBox.mockClear()
    shell.openExternal.mockClear()
    open({ url: 'https://example.com/?q=secret' })
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledTimes(1))
    expect(dialog.showMessageBox.mock.calls[0]).toEqual([expect.objectContaining({ detail: 'https://example.com/?q=secret', defaultId: 0, cancelId: 0 })])
    await new Promise((r) => setTimeout(r, 0))
    expect(shell.openExternal).not.toHaveBeenCalled()
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 })
    open({ url: 'https://example.com/docs' })
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/docs'))
  })
  it('registers every IPC handler of the contract, takes the single-instance lock and sets the menu', () => {
    expect(electron.module.ipcMain.handle.mock.calls.map((c) => c[0]).sort()).toEqual(Object.values(IPC).sort())
    expect(electron.module.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(electron.module.app.on).toHaveBeenCalledWith('second-instance', expect.any(Function))
    const menu = electron.module.Menu.buildFromTemplate.mock.calls[0][0] as { label?: string }[]
    expect(menu.map((m) => m.label)).toContain('&File')
    expect(electron.module.Menu.setApplicationMenu).toHaveBeenCalled()
  })
  it('serves nothing outside the renderer folder', async () => {
    const handler = electron.module.protocol.handle.mock.calls[0][1] as (req: { url: string }) => Promise<Response> | Response
    const res = await handler({ url: 'app://tokenizer-explorer/..%2f..%2fpackage.json' })
    expect(res.status).toBe(404)
    expect(electron.module.net.fetch).not.toHaveBeenCalled()
  })
})
