// Over 300 lines: the one class where Electron's windows, dialogs, menu and close events meet; the logic it calls (files, tokenizer files, menu, settings, recent list, session) lives in modules of its own.
import { app, BrowserWindow, dialog, Menu, nativeTheme, screen } from 'electron'
import { basename, isAbsolute, join } from 'node:path'
import { IPC_EVENTS, type DocumentState, type FileOpenedEvent, type MenuCommand, type OpenTextFileResult, type OpenTokenizerResult, type SaveFileRequest, type SaveFileResult, type SaveKind } from '@shared/contract/ipc'
import { parseSettings, type Settings } from '@shared/contract/settings'
import { stateRepairs } from '@shared/contract/stateRepair'
import { APP_NAME, windowTitle } from '@shared/contract/title'
import { aboutDetail } from './about'
import { writeFileAtomic } from './atomicWrite'
import type { IpcDeps } from './ipc'
import { buildMenuTemplate } from './menu'
import { OpenFileTracker } from './openFile'
import { OpenablePaths, pathRefusal } from './pathPolicy'
import { addRecent, parseRecent } from './recentFiles'
import { StateStore } from './stateStore'
import { createMainWindow } from './window'
import { restoreBounds } from './windowBounds'
import { TokenizerOpener } from './tokenizerOpener'

/** The file path saved for the next launch, or null for none or a malformed value. */
function sessionFile(json: string | null): string | null {
  try {
    const v = json ? (JSON.parse(json) as { path?: unknown }) : null
    return v && typeof v.path === 'string' && isAbsolute(v.path) ? v.path : null
  } catch {
    return null
  }
}

const OPEN_FILTERS = [
  { name: 'Text', extensions: ['txt', 'md', 'json', 'jsonl', 'csv', 'tsv', 'xml', 'html', 'js', 'ts', 'py', 'yaml', 'yml', 'prompt'] },
  { name: 'All files', extensions: ['*'] },
]

const SAVE_FILTERS: Record<SaveKind, Electron.FileFilter[]> = {
  text: [{ name: 'Text', extensions: ['txt', 'md'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
  jsonl: [{ name: 'JSON Lines', extensions: ['jsonl'] }],
  zip: [{ name: 'Zip archive', extensions: ['zip'] }],
}

/**
 * How long a closing window waits for its page to answer. A page that does not answer in
 * time (hung) is closed anyway, but never while a save it sent is still being written:
 * the close then waits for the disk, however large the draft.
 */
const CLOSE_TIMEOUT_MS = 2000

/** Per-window state: the open file, and whether the page has saved before closing. */
interface WindowEntry {
  win: BrowserWindow
  file: OpenFileTracker
  closing: 'no' | 'asked' | 'done'
}

/**
 * The main process's glue: one window, its open file, the saved state, the menu, recent
 * files and the About box. Everything it decides is in tested modules (menu, state store,
 * open-file tracker, recent list, IPC validation); this class wires them to Electron.
 */
export class AppController implements IpcDeps {
  readonly devServerUrl: string | undefined
  private readonly store: StateStore
  /** State only main writes (the page cannot add paths to the recent list). */
  private readonly ownStore: StateStore<'recent' | 'session' | 'recent-tokenizers' | 'tokenizer-session'>
  private entries: WindowEntry[] = []
  private recent: string[] = []
  /** The paths the user gave main (the page may ask to open only these, or prove a drop). */
  private readonly openable = new OpenablePaths()
  /** Tokenizer files and model folders: the dialog, the page's requests, the recent list. */
  private readonly tokenizers: TokenizerOpener
  private settings: Settings = parseSettings(null)
  private boundsTimer: NodeJS.Timeout | undefined
  /** Set when the user quits: once the window has saved and closed, the app quits too (also on macOS). */
  quitting = false
  /** Damaged-file messages from start-up, handed to the page with the state. */
  private startupProblems: string[] = []

  constructor(devServerUrl: string | undefined) {
    this.devServerUrl = devServerUrl
    const dir = join(app.getPath('userData'), 'state')
    this.store = new StateStore(dir)
    this.ownStore = new StateStore(dir, { recent: 256 * 1024, session: 8 * 1024, 'recent-tokenizers': 256 * 1024, 'tokenizer-session': 8 * 1024 })
    this.tokenizers = new TokenizerOpener({
      openable: this.openable,
      save: (json) => this.ownStore.save('recent-tokenizers', json),
      saveSession: (json) => this.ownStore.save('tokenizer-session', json),
      changed: () => this.rebuildMenu(),
    })
  }

  /** Loads the saved state, builds the menu and opens the window (with `file` from the command line, if any). */
  async start(file: string | null): Promise<void> {
    const saved = await this.store.loadAll()
    this.settings = parseSettings(saved.values.settings)
    const own = await this.ownStore.loadAll()
    this.recent = parseRecent(own.values.recent)
    this.tokenizers.load(own.values['recent-tokenizers'], own.values['tokenizer-session'])
    for (const path of this.recent) this.openable.allow(path)
    this.startupProblems = [...saved.problems, ...own.problems, ...(await this.keepPartlyDamaged(saved.values))]
    nativeTheme.themeSource = this.settings.theme
    this.rebuildMenu()
    const win = this.openWindow(restoreBounds(saved.values.window, screen.getAllDisplays().map((d) => d.workArea)))
    const lastFile = sessionFile(own.values.session)
    if (file) this.openable.allow(file)
    if (lastFile) this.openable.allow(lastFile)
    if (file) win.webContents.once('did-finish-load', () => void this.openInto(win, file, 'launched'))
    else if (lastFile) win.webContents.once('did-finish-load', () => void this.restoreFile(win, lastFile))
  }

  /**
   * Settings or a chat that load but have damaged parts: the file as it was is copied
   * aside, the readable parts are saved back (so the copy is made once, not at every
   * launch), and the messages say what was lost and where the copy is.
   */
  private async keepPartlyDamaged(values: Partial<Record<'settings' | 'chat', string | null>>): Promise<string[]> {
    const notes: string[] = []
    for (const { key, problems, repaired } of stateRepairs(values)) {
      const copy = await this.store.keepCopy(key)
      notes.push(...problems, copy ? `The file as it was is kept as ${copy}.` : 'A copy of the file as it was could not be made.')
      await this.store.save(key, repaired).catch(() => undefined)
    }
    return notes
  }

  /** Follows the file the saved draft came from again (if it still opens): the page keeps the draft and takes the name. */
  private async restoreFile(win: BrowserWindow, path: string): Promise<void> {
    const result = await this.openPath(win, path)
    if (result.kind === 'opened') this.send(win, { result, reason: 'restored' })
    else this.saveSession(null)
  }

  /** Remembers which file the window shows, for the next launch. */
  private saveSession(path: string | null): void {
    void this.ownStore.save('session', JSON.stringify({ path })).catch(() => undefined)
  }

  /** A second launch (single instance): focus the window and open the file it named. */
  secondInstance(file: string | null): void {
    const win = this.entries[0]?.win ?? this.openWindow(null)
    if (win.isMinimized()) win.restore()
    win.focus()
    if (file) {
      this.openable.allow(file)
      void this.openInto(win, file, 'launched')
    }
  }

  /** The windows of this app (for the IPC sender check). */
  windows(): readonly BrowserWindow[] {
    return this.entries.map((e) => e.win)
  }

  private openWindow(bounds: ReturnType<typeof restoreBounds>): BrowserWindow {
    const win = createMainWindow(bounds, this.devServerUrl)
    const entry: WindowEntry = {
      win,
      closing: 'no',
      file: new OpenFileTracker(
        (event) => this.send(win, event),
        (path) => {
          this.addRecent(path)
          this.saveSession(path)
        },
      ),
    }
    this.entries.push(entry)
    const saveBounds = () => {
      clearTimeout(this.boundsTimer)
      this.boundsTimer = setTimeout(() => {
        if (win.isDestroyed()) return
        const b = win.getNormalBounds()
        void this.store.save('window', JSON.stringify({ ...b, maximized: win.isMaximized() }))
      }, 500)
    }
    win.on('resize', saveBounds)
    win.on('move', saveBounds)
    win.on('close', (event) => {
      // Let the page save its draft first (it answers with readyToClose), but never hang.
      if (entry.closing === 'done' || win.webContents.isCrashed()) return
      event.preventDefault()
      if (entry.closing === 'asked') return
      entry.closing = 'asked'
      win.webContents.send(IPC_EVENTS.beforeClose)
      setTimeout(() => void this.store.idle().then(() => this.readyToClose(win)), CLOSE_TIMEOUT_MS)
    })
    win.on('closed', () => {
      entry.file.dispose()
      this.entries = this.entries.filter((e) => e !== entry)
    })
    return win
  }

  private entryOf(win: BrowserWindow): WindowEntry | undefined {
    return this.entries.find((e) => e.win === win)
  }

  private send(win: BrowserWindow, event: FileOpenedEvent): void {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENTS.fileOpened, event)
  }

  private command(command: MenuCommand): void {
    const win = BrowserWindow.getFocusedWindow() ?? this.entries[0]?.win
    if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENTS.menuCommand, command)
  }

  /** Opens `path` in `win` and tells its page (which asks before replacing unsaved text with a launched file). */
  private async openInto(win: BrowserWindow, path: string, reason: FileOpenedEvent['reason'] = 'opened'): Promise<void> {
    const result = await this.openPath(win, path)
    this.send(win, { result, reason })
  }

  private rebuildMenu(): void {
    const template = buildMenuTemplate(
      { settings: this.settings, recent: this.recent, recentTokenizers: this.tokenizers.recent, platform: process.platform },
      {
        command: (c) => (c.type === 'open' ? void this.menuOpen() : this.command(c)),
        openRecent: (path) => {
          const win = BrowserWindow.getFocusedWindow() ?? this.entries[0]?.win
          if (win) void this.openRecent(win, path).then((result) => this.send(win, { result, reason: 'opened' }))
        },
        clearRecent: () => {
          this.recent = []
          app.clearRecentDocuments()
          this.saveRecent()
        },
        openRecentTokenizer: (path) => {
          const win = BrowserWindow.getFocusedWindow() ?? this.entries[0]?.win
          if (win) void this.tokenizers.openRecent(path).then((result) => !win.isDestroyed() && win.webContents.send(IPC_EVENTS.tokenizerOpened, result))
        },
        clearRecentTokenizers: () => this.tokenizers.clear(),
        about: () => void this.about(),
      },
    )
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }

  private async menuOpen(): Promise<void> {
    const win = BrowserWindow.getFocusedWindow() ?? this.entries[0]?.win
    if (!win) return
    const result = await this.chooseAndOpen(win)
    if (result.kind !== 'cancelled') this.send(win, { result, reason: 'opened' })
  }

  private addRecent(path: string): void {
    this.openable.allow(path)
    this.recent = addRecent(this.recent, path)
    app.addRecentDocument(path)
    this.saveRecent()
  }

  private saveRecent(): void {
    void this.ownStore.save('recent', JSON.stringify(this.recent)).catch(() => undefined)
    this.rebuildMenu()
  }

  private async about(): Promise<void> {
    const win = BrowserWindow.getFocusedWindow() ?? this.entries[0]?.win
    const options = {
      type: 'info' as const,
      title: `About ${APP_NAME}`,
      message: APP_NAME,
      detail: aboutDetail(app.getVersion(), process.versions, __APP_LICENCES__),
      buttons: ['OK'],
    }
    await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
  }

  // IpcDeps: each called only after the sender and arguments were checked (ipc.ts).

  async chooseAndOpen(win: BrowserWindow): Promise<OpenTextFileResult> {
    const choice = await dialog.showOpenDialog(win, { title: 'Open text file', properties: ['openFile'], filters: OPEN_FILTERS })
    if (choice.canceled || choice.filePaths.length === 0) return { kind: 'cancelled' }
    this.openable.allow(choice.filePaths[0])
    return this.openPath(win, choice.filePaths[0])
  }

  /** Opens `path` in `win` (watched, added to the recent list). Only for paths main was given; the page's requests go through openPathForPage. */
  async openPath(win: BrowserWindow, path: string, expectSha256?: string): Promise<OpenTextFileResult> {
    const entry = this.entryOf(win)
    return entry ? entry.file.open(path, expectSha256) : { kind: 'error', message: 'The window is closing.' }
  }

  async openPathForPage(win: BrowserWindow, path: string, sha256: string | null): Promise<OpenTextFileResult> {
    const name = basename(path) || path
    const refusal = pathRefusal(path)
    if (refusal) return { kind: 'error', message: `Could not open ${name}: ${refusal}.` }
    if (this.openable.has(path)) return this.openPath(win, path)
    // A path main never saw: only a drop, proven by the digest of the bytes the page was handed.
    if (sha256 === null) return { kind: 'error', message: `Could not open ${name}: the app opens only files you choose, drop or name on the command line.` }
    return this.openPath(win, path, sha256)
  }

  /** Opens a file from the recent list (menu only); refuses paths that are not on it. */
  private async openRecent(win: BrowserWindow, path: string): Promise<OpenTextFileResult> {
    if (!this.recent.includes(path)) return { kind: 'error', message: `${basename(path)} is not in the recent files.` }
    const result = await this.openPath(win, path)
    if (result.kind === 'error') {
      // Gone or unreadable: drop it from the list so it does not fail again.
      this.recent = this.recent.filter((p) => p !== path)
      this.saveRecent()
    }
    return result
  }

  /** File > Open Tokenizer… and the toolbar's Open tokenizer. */
  chooseAndOpenTokenizer(win: BrowserWindow): Promise<OpenTokenizerResult> {
    return this.tokenizers.choose(win)
  }

  /** A tokenizer path the page asks for (a drop, or one main was given). */
  openTokenizerPathForPage(_win: BrowserWindow, path: string, sha256: string | null): Promise<OpenTokenizerResult> {
    return this.tokenizers.openForPage(path, sha256)
  }

  /** At start-up, the page's saved tokenizer is a file: the one opened last, read again (main keeps its path). */
  restoreTokenizer(): Promise<OpenTokenizerResult> {
    return this.tokenizers.restore()
  }

  async saveFile(win: BrowserWindow, request: SaveFileRequest): Promise<SaveFileResult> {
    const choice = await dialog.showSaveDialog(win, {
      title: request.kind === 'text' ? 'Save text as' : 'Export',
      defaultPath: request.suggestedName,
      filters: SAVE_FILTERS[request.kind],
    })
    if (choice.canceled || !choice.filePath) return { kind: 'cancelled' }
    try {
      await writeFileAtomic(choice.filePath, request.data)
      // The text now comes from this file: follow it (and no longer the one opened before).
      if (request.kind === 'text') {
        const entry = this.entryOf(win)
        const text = typeof request.data === 'string' ? request.data : new TextDecoder().decode(request.data)
        if (entry) entry.file.adopt(choice.filePath, text)
        else this.addRecent(choice.filePath)
      }
      return { kind: 'saved', name: basename(choice.filePath) }
    } catch (err) {
      return { kind: 'error', message: `Could not save ${basename(choice.filePath)}: ${(err as Error).message}` }
    }
  }

  forgetFile(win: BrowserWindow): void {
    this.entryOf(win)?.file.forget()
    this.saveSession(null)
  }

  async loadState() {
    // Loaded once at start-up (damaged files already set aside); read again for the page.
    const { values, problems: fresh } = await this.store.readAll()
    const problems = [...this.startupProblems, ...fresh]
    this.startupProblems = []
    return { values, problems }
  }

  async saveState(key: Parameters<IpcDeps['saveState']>[0], value: string): Promise<boolean> {
    try {
      await this.store.save(key, value)
      if (key === 'settings') {
        const next = parseSettings(value)
        if (next.theme !== this.settings.theme) nativeTheme.themeSource = next.theme
        this.settings = next
        this.rebuildMenu()
      }
      return true
    } catch {
      return false
    }
  }

  setDocumentState(win: BrowserWindow, state: DocumentState): void {
    win.setTitle(windowTitle(state))
    if (process.platform === 'darwin') {
      win.setDocumentEdited(state.edited)
      const path = this.entryOf(win)?.file.current
      win.setRepresentedFilename(path ?? '')
    }
  }

  readyToClose(win: BrowserWindow): void {
    const entry = this.entryOf(win)
    if (!entry || entry.closing === 'done') return
    entry.closing = 'done'
    if (!win.isDestroyed()) win.close()
    // The close was held for the save, which cancelled a Quit in progress: quit now.
    if (this.quitting && this.entries.length === 0) app.quit()
  }

  appInfo() {
    return { name: APP_NAME, version: app.getVersion(), platform: process.platform }
  }
}
