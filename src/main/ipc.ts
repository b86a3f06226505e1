import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import {
  expectNoArgs,
  IPC,
  parseDocumentStateArgs,
  parseOpenPathArgs,
  parseSaveFileArgs,
  parseSaveStateArgs,
  type AppInfo,
  type DocumentState,
  type LoadedStateResult,
  type OpenTextFileResult,
  type OpenTokenizerResult,
  type SaveFileRequest,
  type SaveFileResult,
  type StateKey,
} from '@shared/contract/ipc'
import { isAppUrl } from './security'

/** What the IPC handlers need from the app (injected, so they can be tested without Electron). */
export interface IpcDeps {
  /** The windows this app created; messages from any other sender are refused. */
  windows(): readonly BrowserWindow[]
  devServerUrl?: string
  chooseAndOpen(win: BrowserWindow): Promise<OpenTextFileResult>
  /** Opens a path the page asks for: only one the user gave main, or a dropped file proven by its digest. */
  openPathForPage(win: BrowserWindow, path: string, sha256: string | null): Promise<OpenTextFileResult>
  saveFile(win: BrowserWindow, request: SaveFileRequest): Promise<SaveFileResult>
  forgetFile(win: BrowserWindow): void
  loadState(): Promise<LoadedStateResult>
  saveState(key: StateKey, value: string): Promise<boolean>
  setDocumentState(win: BrowserWindow, state: DocumentState): void
  readyToClose(win: BrowserWindow): void
  appInfo(): AppInfo
  /** File > Open Tokenizer…: a dialog, then the chosen tokenizer's bytes (added to the recent tokenizers). */
  chooseAndOpenTokenizer(win: BrowserWindow): Promise<OpenTokenizerResult>
  /** A tokenizer path the page asks for: one the user gave main, or a drop proven by the tokenizer.json's digest. */
  openTokenizerPathForPage(win: BrowserWindow, path: string, sha256: string | null): Promise<OpenTokenizerResult>
  /** The tokenizer file opened last, read again for the page's start (main keeps the path; 'cancelled' when none). */
  restoreTokenizer(): Promise<OpenTokenizerResult>
}

/** The window an invoke came from, when it is the main frame of one of our windows showing our page; else null. */
export function isTrustedSender(event: IpcMainInvokeEvent, deps: Pick<IpcDeps, 'windows' | 'devServerUrl'>): BrowserWindow | null {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return null
  if (!isAppUrl(frame.url, deps.devServerUrl)) return null
  return deps.windows().find((w) => !w.isDestroyed() && w.webContents.id === event.sender.id) ?? null
}

/** Registers every IPC handler; each checks its sender, then parses its arguments, before acting. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, deps: IpcDeps): void {
  const handle = <A>(channel: string, parse: (args: unknown[]) => A, run: (win: BrowserWindow, args: A) => unknown) => {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      const win = isTrustedSender(event, deps)
      if (!win) throw new Error('Refused: unknown sender')
      return run(win, parse(args))
    })
  }
  const none = (args: unknown[]) => expectNoArgs(args)
  handle(IPC.openTextFile, none, (win) => deps.chooseAndOpen(win))
  handle(IPC.openPath, parseOpenPathArgs, (win, { path, sha256 }) => deps.openPathForPage(win, path, sha256))
  handle(IPC.saveFile, parseSaveFileArgs, (win, request) => deps.saveFile(win, request))
  handle(IPC.forgetFile, none, (win) => deps.forgetFile(win))
  handle(IPC.loadState, none, () => deps.loadState())
  handle(IPC.saveState, parseSaveStateArgs, (_win, { key, value }) => deps.saveState(key, value))
  handle(IPC.documentState, parseDocumentStateArgs, (win, state) => deps.setDocumentState(win, state))
  handle(IPC.readyToClose, none, (win) => deps.readyToClose(win))
  handle(IPC.appInfo, none, () => deps.appInfo())
  handle(IPC.openTokenizer, none, (win) => deps.chooseAndOpenTokenizer(win))
  handle(IPC.openTokenizerPath, parseOpenPathArgs, (win, { path, sha256 }) => deps.openTokenizerPathForPage(win, path, sha256))
  handle(IPC.restoreTokenizer, none, () => deps.restoreTokenizer())
}
