import { BrowserWindow, shell } from 'electron'
import { join } from 'node:path'
import { APP_NAME } from '../shared/title'
import { APP_ORIGIN, hardenWebContents } from './security'
import type { WindowBounds } from './windowBounds'

function openExternal(url: string): void {
  void shell.openExternal(url)
}

/** Opens the app's window (hardened, sandboxed, our page only) at the saved bounds when there are any. */
export function createMainWindow(bounds: WindowBounds | null, devServerUrl: string | undefined): BrowserWindow {
  const win = new BrowserWindow({
    ...(bounds ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height } : { width: 1280, height: 820 }),
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: APP_NAME,
    // Written out here, not built by a helper, so auditors (and electronegativity) see them.
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  if (bounds?.maximized) win.maximize()
  hardenWebContents(win.webContents, openExternal, devServerUrl)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}

/** Opens links the page asks for, through the same https-only check. */
export { openExternal }
