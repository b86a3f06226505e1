// Over 300 lines: one case per duty of the controller (17), all sharing the Electron mock set up here.
// The controller (the glue between Electron and the tested modules) with Electron mocked:
// start-up, opening, saving, the title, the close-time save and the menu's state.
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC_EVENTS } from '@shared/contract/ipc'

const fake = vi.hoisted(() => {
  /** While set, every atomic write waits for it (a slow disk, or a very large draft). */
  const state = { userData: '', focused: null as unknown, writeGate: null as Promise<void> | null }
  class FakeWindow {
    static all: FakeWindow[] = []
    handlers = new Map<string, (...a: unknown[]) => void>()
    title = ''
    destroyed = false
    closed = 0
    webContents = { id: 1, send: vi.fn(), once: vi.fn(), on: vi.fn(), setWindowOpenHandler: vi.fn(), isCrashed: () => false }
    constructor(public options: Record<string, unknown>) {
      FakeWindow.all.push(this)
    }
    on(event: string, fn: (...a: unknown[]) => void) {
      this.handlers.set(event, fn)
    }
    once(event: string, fn: (...a: unknown[]) => void) {
      this.handlers.set(event, fn)
    }
    loadURL = vi.fn(async () => undefined)
    maximize = vi.fn()
    isDestroyed = () => this.destroyed
    isMinimized = () => false
    restore = vi.fn()
    focus = vi.fn()
    setTitle = (t: string) => (this.title = t)
    setDocumentEdited = vi.fn()
    setRepresentedFilename = vi.fn()
    getNormalBounds = () => ({ x: 1, y: 2, width: 900, height: 700 })
    isMaximized = () => false
    close = () => {
      this.closed++
      const ev = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true } }
      this.handlers.get('close')?.(ev)
      if (!ev.defaultPrevented) this.handlers.get('closed')?.()
    }
    static getFocusedWindow = () => state.focused
    static getAllWindows = () => FakeWindow.all
  }
  const menus: unknown[] = []
  return {
    state,
    FakeWindow,
    menus,
    module: {
      app: {
        getPath: () => state.userData,
        getVersion: () => '0.1.0',
        addRecentDocument: vi.fn(),
        quit: vi.fn(),
        clearRecentDocuments: vi.fn(),
      },
      BrowserWindow: FakeWindow,
      dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
      Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => (menus.push(t), t)) },
      nativeTheme: { themeSource: 'system' },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      shell: { openExternal: vi.fn() },
    },
  }
})
vi.mock('electron', () => ({ ...fake.module, default: fake.module }))
vi.mock('./atomicWrite', async (importOriginal) => {
  const real = await importOriginal<typeof import('./atomicWrite')>()
  return {
    ...real,
    writeFileAtomic: async (...args: Parameters<typeof real.writeFileAtomic>) => {
      if (fake.state.writeGate) await fake.state.writeGate
      return real.writeFileAtomic(...args)
    },
  }
})

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tokenizer-explorer-controller-'))
  fake.state.userData = join(dir, 'user')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

type Win = InstanceType<typeof fake.FakeWindow>
type MenuItem = { label?: string; checked?: boolean; submenu?: MenuItem[]; click?: () => void }
const lastMenu = () => fake.menus.at(-1) as MenuItem[]
const item = (menu: MenuItem[], ...path: string[]) => {
  let list = menu
  let found: MenuItem | undefined
  for (const p of path) {
    found = list.find((i) => (i.label ?? '').replace(/&/g, '').startsWith(p))
    list = found?.submenu ?? []
  }
  return found!
}

describe('AppController', async () => {
  const { AppController } = await import('./controller')
  let controller: InstanceType<typeof AppController>
  let win: Win

  it('starts: loads the state, sets the menu, opens one window at the saved bounds', async () => {
    controller = new AppController(undefined)
    await controller.saveState('window', JSON.stringify({ x: 10, y: 20, width: 1000, height: 700, maximized: false }))
    await controller.start(null)
    expect(fake.FakeWindow.all).toHaveLength(1)
    win = fake.FakeWindow.all[0]
    expect(win.options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 })
    expect(item(lastMenu(), 'File', 'Open Recent', 'No Recent Files')).toBeTruthy()
  })

  it('opens a file by path, adds it to Open Recent and watches it', async () => {
    const file = join(dir, 'notes.txt')
    await writeFile(file, 'hello')
    expect(await controller.openPath(win as never, file)).toMatchObject({ kind: 'opened', file: { name: 'notes.txt', text: 'hello' } })
    expect(item(lastMenu(), 'File', 'Open Recent', '1 notes.txt')).toBeTruthy()
    await writeFile(file, 'hello again')
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledWith(IPC_EVENTS.fileOpened, expect.objectContaining({ reason: 'changed' })), { timeout: 3000 })
    controller.forgetFile(win as never)
  })

  it('the page opens only paths the user gave main: a made-up path is refused unread, a drop opens with the digest of its bytes', async () => {
    const secret = join(dir, 'secret.txt')
    await writeFile(secret, 'ssh key material')
    // A compromised page naming any file it likes (absolute, relative, network) gets a refusal and none of the text.
    for (const path of [secret, 'secret.txt', '../secret.txt', '//attacker.example/share/x.txt']) {
      const r = await controller.openPathForPage(win as never, path, null)
      expect(r, path).toMatchObject({ kind: 'error' })
      expect(JSON.stringify(r)).not.toContain('ssh key material')
    }
    // A wrong digest (the page does not hold the file's bytes) is refused too.
    const wrong = await controller.openPathForPage(win as never, secret, createHash('sha256').update('guess').digest('hex'))
    expect(wrong).toMatchObject({ kind: 'error', message: expect.stringContaining('not that of the file dropped') })
    expect(JSON.stringify(wrong)).not.toContain('ssh key material')
    // A real drop: the page holds the bytes, so their digest is proof; the file then opens, is watched and remembered.
    const dropped = join(dir, 'dropped.txt')
    await writeFile(dropped, 'dropped text')
    const digest = createHash('sha256').update('dropped text').digest('hex')
    expect(await controller.openPathForPage(win as never, dropped, digest)).toMatchObject({ kind: 'opened', file: { text: 'dropped text' } })
    expect(await controller.openPathForPage(win as never, dropped, null)).toMatchObject({ kind: 'opened' })
    // Paths from the dialog (and the recent list) may be asked for again without proof.
    const chosen = join(dir, 'chosen-before.txt')
    await writeFile(chosen, 'chosen')
    fake.module.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] })
    await controller.chooseAndOpen(win as never)
    expect(await controller.openPathForPage(win as never, chosen, null)).toMatchObject({ kind: 'opened' })
    controller.forgetFile(win as never)
  })

  it('File > Open shows the dialog and sends the file to the page; a cancel sends nothing', async () => {
    const file = join(dir, 'chosen.md')
    await writeFile(file, '# chosen')
    fake.module.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] })
    fake.state.focused = win
    item(lastMenu(), 'File', 'Open…').click!()
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledWith(IPC_EVENTS.fileOpened, { reason: 'opened', result: expect.objectContaining({ kind: 'opened' }) }))
    win.webContents.send.mockClear()
    fake.module.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    item(lastMenu(), 'File', 'Open…').click!()
    await new Promise((r) => setTimeout(r, 50))
    expect(win.webContents.send).not.toHaveBeenCalled()
  })

  it('menu items that belong to the page are sent to it as commands', () => {
    item(lastMenu(), 'View', 'Encoding', 'cl100k_base').click!()
    expect(win.webContents.send).toHaveBeenCalledWith(IPC_EVENTS.menuCommand, { type: 'encoding', encoding: 'cl100k_base' })
  })

  it('Open Tokenizer: the dialog reads the file and its config, the recent tokenizers list it and come back after a restart', async () => {
    const folder = join(dir, 'Llama-3-8B')
    await mkdir(folder)
    await writeFile(join(folder, 'tokenizer.json'), '{"model": {}}')
    await writeFile(join(folder, 'tokenizer_config.json'), '{}')
    fake.module.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [join(folder, 'tokenizer.json')] })
    expect(await controller.chooseAndOpenTokenizer(win as never)).toMatchObject({ kind: 'opened', files: { sourceName: 'Llama-3-8B', config: new Uint8Array(Buffer.from('{}')) } })
    expect(item(lastMenu(), 'File', 'Open Recent Tokenizer', '1 Llama-3-8B/tokenizer.json')).toBeTruthy()
    fake.module.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await controller.chooseAndOpenTokenizer(win as never)).toEqual({ kind: 'cancelled' })
    // A restart finds the list again; its item reads the tokenizer and sends it to the page.
    await new Promise((r) => setTimeout(r, 50)) // the list is written in the background
    fake.FakeWindow.all.length = 0
    const next = new AppController(undefined)
    await next.start(null)
    const nextWin = fake.FakeWindow.all[0]
    fake.state.focused = nextWin
    // The page's start-up restore gets the file opened last, named by main alone.
    expect(await next.restoreTokenizer()).toMatchObject({ kind: 'opened', files: { sourceName: 'Llama-3-8B', config: new Uint8Array(Buffer.from('{}')) } })
    item(lastMenu(), 'File', 'Open Recent Tokenizer', '1 Llama-3-8B').click!()
    await vi.waitFor(() => expect(nextWin.webContents.send).toHaveBeenCalledWith(IPC_EVENTS.tokenizerOpened, expect.objectContaining({ kind: 'opened' })))
    // One that is gone says so and leaves the list.
    await rm(folder, { recursive: true })
    item(lastMenu(), 'File', 'Open Recent Tokenizer', '1 Llama-3-8B').click!()
    await vi.waitFor(() => expect(nextWin.webContents.send).toHaveBeenCalledWith(IPC_EVENTS.tokenizerOpened, expect.objectContaining({ kind: 'error' })))
    expect(item(lastMenu(), 'File', 'Open Recent Tokenizer', 'No Recent Tokenizers')).toBeTruthy()
    fake.state.focused = win
  })

  it('the page opens a tokenizer path only with proof: a made-up path is refused unread, a drop opens with its tokenizer.json digest', async () => {
    const folder = join(dir, 'qwen3')
    await mkdir(folder)
    const json = '{"model": {"type": "BPE"}}'
    await writeFile(join(folder, 'tokenizer.json'), json)
    expect(await controller.openTokenizerPathForPage(win as never, folder, null)).toMatchObject({ kind: 'error', message: expect.stringMatching(/only tokenizers you choose or drop/) })
    expect(await controller.openTokenizerPathForPage(win as never, '//host/share/tokenizer.json', null)).toMatchObject({ kind: 'error', message: expect.stringMatching(/another computer/) })
    const wrong = await controller.openTokenizerPathForPage(win as never, folder, createHash('sha256').update('guess').digest('hex'))
    expect(wrong).toMatchObject({ kind: 'error', message: expect.stringContaining('not that of the file dropped') })
    const digest = createHash('sha256').update(json).digest('hex')
    expect(await controller.openTokenizerPathForPage(win as never, folder, digest)).toMatchObject({ kind: 'opened', files: { sourceName: 'qwen3', config: null } })
    expect(item(lastMenu(), 'File', 'Open Recent Tokenizer', '1 qwen3')).toBeTruthy()
  })

  it('saving settings updates the menu check marks and the native theme', async () => {
    expect(await controller.saveState('settings', JSON.stringify({ encoding: 'p50k_base', theme: 'dark', showIds: true }))).toBe(true)
    expect(item(lastMenu(), 'View', 'Encoding', 'p50k_base ').checked).toBe(true)
    expect(item(lastMenu(), 'View', 'Show Token IDs').checked).toBe(true)
    expect(fake.module.nativeTheme.themeSource).toBe('dark')
  })

  it('saves where the user chooses, atomically; a cancel saves nothing', async () => {
    const target = join(dir, 'out.csv')
    fake.module.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    expect(await controller.saveFile(win as never, { suggestedName: 'tokens.csv', data: 'a,b\n', kind: 'csv' })).toEqual({ kind: 'saved', name: 'out.csv' })
    expect(await readFile(target, 'utf8')).toBe('a,b\n')
    fake.module.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true })
    expect(await controller.saveFile(win as never, { suggestedName: 'x.txt', data: 'x', kind: 'text' })).toEqual({ kind: 'cancelled' })
  })

  it('Save As moves the watcher: the new file\'s changes reach the page, the old file\'s no longer do', async () => {
    const before = join(dir, 'before.txt')
    const after = join(dir, 'after.txt')
    await writeFile(before, 'v1')
    await controller.openPath(win as never, before)
    fake.module.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: after })
    expect(await controller.saveFile(win as never, { suggestedName: 'before.txt', data: 'v1 edited', kind: 'text' })).toEqual({ kind: 'saved', name: 'after.txt' })
    win.webContents.send.mockClear()
    await new Promise((r) => setTimeout(r, 400)) // our own write is not reported as a change
    await writeFile(before, 'old file changed')
    await writeFile(after, 'new file changed')
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledWith(IPC_EVENTS.fileOpened, { reason: 'changed', result: expect.objectContaining({ file: expect.objectContaining({ name: 'after.txt', text: 'new file changed' }) }) }), { timeout: 3000 })
    await new Promise((r) => setTimeout(r, 400))
    const texts = win.webContents.send.mock.calls.filter((c) => c[0] === IPC_EVENTS.fileOpened).map((c) => (c[1] as { result: { file: { text: string } } }).result.file.text)
    expect(texts).toEqual(['new file changed'])
    // It is also what the next launch follows, and the page may open it again by path.
    expect(await controller.openPathForPage(win as never, after, null)).toMatchObject({ kind: 'opened' })
    controller.forgetFile(win as never)
  })

  it('a second launch with a file sends it as "launched" (the page asks before replacing unsaved text)', async () => {
    const file = join(dir, 'second.txt')
    await writeFile(file, 'from a second launch')
    win.webContents.send.mockClear()
    controller.secondInstance(file)
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledWith(IPC_EVENTS.fileOpened, { reason: 'launched', result: expect.objectContaining({ kind: 'opened' }) }))
    controller.forgetFile(win as never)
  })

  it('a save that fails says why', async () => {
    fake.module.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'no-such-folder', '\0bad') })
    expect(await controller.saveFile(win as never, { suggestedName: 'x.txt', data: 'x', kind: 'text' })).toMatchObject({ kind: 'error', message: expect.stringMatching(/^Could not save/) })
  })

  it('sets the title from the document state', () => {
    controller.setDocumentState(win as never, { name: 'notes.txt', edited: true })
    expect(win.title).toBe('• notes.txt — Tokenizer Explorer')
  })

  it('hands damaged-file messages to the page once, with the saved values', async () => {
    await writeFile(join(fake.state.userData, 'state', 'chat.json'), '{broken')
    const fresh = new AppController(undefined)
    await fresh.start(null)
    const first = await fresh.loadState()
    expect(first.problems.join(' ')).toMatch(/chat prompt was damaged/)
    expect(first.values.settings).toContain('p50k_base')
    expect((await fresh.loadState()).problems).toEqual([])
  })

  it('a chat that loads with damaged parts: copied aside once, the readable parts kept and saved back, the loss named', async () => {
    const stateDir = join(fake.state.userData, 'state')
    const damaged = JSON.stringify({ format: 1, value: JSON.stringify({ model: 42, reserve: '1', messages: [{ role: 'user', name: '', content: 'keep me' }] }) })
    await writeFile(join(stateDir, 'chat.json'), damaged)
    const fresh = new AppController(undefined)
    await fresh.start(null)
    const { problems, values } = await fresh.loadState()
    expect(problems).toContainEqual(expect.stringMatching(/^Parts of your saved chat prompt were damaged and could not be kept: the model/))
    const note = problems.find((p) => p.startsWith('The file as it was is kept as '))!
    const copy = note.slice('The file as it was is kept as '.length, -1)
    expect(await readFile(copy, 'utf8')).toBe(damaged)
    expect(JSON.parse(values.chat!)).toEqual({ model: 'gpt-4o', reserve: '1', messages: [{ role: 'user', name: '', content: 'keep me' }] })
    // The next launch finds a sound file: no message, no second copy.
    const again = new AppController(undefined)
    await again.start(null)
    expect((await again.loadState()).problems).toEqual([])
  })

  it('at the next launch, follows the file the draft came from again (restored, not re-opened)', async () => {
    const file = join(dir, 'session.txt')
    await writeFile(file, 'from the session')
    await controller.openPath(win as never, file)
    await new Promise((r) => setTimeout(r, 50)) // the session file is written in the background
    fake.FakeWindow.all.length = 0
    const next = new AppController(undefined)
    await next.start(null)
    const nextWin = fake.FakeWindow.all[0]
    const [event, onLoad] = nextWin.webContents.once.mock.calls[0] as unknown as [string, () => void]
    expect(event).toBe('did-finish-load')
    onLoad()
    await vi.waitFor(() =>
      expect(nextWin.webContents.send).toHaveBeenCalledWith(IPC_EVENTS.fileOpened, { reason: 'restored', result: expect.objectContaining({ kind: 'opened', file: expect.objectContaining({ name: 'session.txt' }) }) }),
    )
    next.forgetFile(nextWin as never)
  })

  it('a page that does not answer in time is closed, but not before the draft it sent is on disk', async () => {
    const other = new AppController(undefined)
    await other.start(null)
    const w = fake.FakeWindow.all.at(-1)!
    let release: () => void = () => undefined
    fake.state.writeGate = new Promise<void>((r) => (release = r))
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      w.close()
      const saved = other.saveState('draft', 'a large draft, slow to write')
      vi.advanceTimersByTime(5000)
      await new Promise((r) => setImmediate(r))
      expect(other.windows()).toContain(w) // still writing: the window waits
      release()
      expect(await saved).toBe(true)
      await vi.waitFor(() => expect(other.windows()).not.toContain(w))
      expect((await other.loadState()).values.draft).toBe('a large draft, slow to write')
    } finally {
      vi.useRealTimers()
      fake.state.writeGate = null
    }
  })

  it('a page that never answers is closed after the timeout', async () => {
    const other = new AppController(undefined)
    await other.start(null)
    const w = fake.FakeWindow.all.at(-1)!
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      w.close()
      expect(other.windows()).toContain(w)
      vi.advanceTimersByTime(2100)
      await vi.waitFor(() => expect(other.windows()).not.toContain(w))
    } finally {
      vi.useRealTimers()
    }
  })

  it('closing asks the page to save first, then closes when it is ready', () => {
    win.close()
    expect(win.webContents.send).toHaveBeenCalledWith(IPC_EVENTS.beforeClose)
    expect(controller.windows()).toContain(win)
    controller.quitting = true
    controller.readyToClose(win as never)
    expect(controller.windows()).not.toContain(win)
    // A Quit that waited for the save goes on.
    expect(fake.module.app.quit).toHaveBeenCalled()
  })
})
