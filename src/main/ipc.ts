import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { expectNoArgs, IPC, type AppInfo, type OpenTextFileResult } from '../shared/ipc'
import { isAppUrl } from './security'

/** What the IPC handlers need from the app (injected, so they can be tested without Electron). */
export interface IpcDeps {
  /** The windows this app created; messages from any other sender are refused. */
  windows(): readonly BrowserWindow[]
  chooseAndReadTextFile(owner: BrowserWindow): Promise<OpenTextFileResult>
  appInfo(): AppInfo
  devServerUrl?: string
}

/** True when an invoke came from the main frame of one of our windows showing our page. */
export function isTrustedSender(event: IpcMainInvokeEvent, deps: IpcDeps): BrowserWindow | null {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return null
  if (!isAppUrl(frame.url, deps.devServerUrl)) return null
  return deps.windows().find((w) => !w.isDestroyed() && w.webContents.id === event.sender.id) ?? null
}

/** Registers every IPC handler; each checks its sender and arguments before acting. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, deps: IpcDeps): void {
  ipcMain.handle(IPC.openTextFile, async (event, ...args: unknown[]) => {
    const win = isTrustedSender(event, deps)
    if (!win) throw new Error('Refused: unknown sender')
    expectNoArgs(args)
    return deps.chooseAndReadTextFile(win)
  })
  ipcMain.handle(IPC.appInfo, (event, ...args: unknown[]) => {
    if (!isTrustedSender(event, deps)) throw new Error('Refused: unknown sender')
    expectNoArgs(args)
    return deps.appInfo()
  })
}
