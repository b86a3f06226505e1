import { BrowserWindow, dialog, shell, type WebContents } from 'electron'
import { join } from 'node:path'
import { APP_NAME } from '@shared/contract/title'
import { APP_ORIGIN, hardenWebContents, type ExternalOpener } from './security'
import type { WindowBounds } from './windowBounds'

/** Longest part of a URL shown in the confirmation (the rest is elided, but the host is always shown). */
const MAX_SHOWN_URL = 600

/**
 * Opens links for `contents` in the system browser: the app's own links at once, any other
 * after a native dialog that names the host and shows the URL (default: Cancel). While
 * one question is open, further requests are dropped, so a page cannot stack dialogs.
 */
export function externalOpener(contents: WebContents): ExternalOpener {
  let asking = false
  return {
    open: (url) => void shell.openExternal(url),
    confirm: (url) => {
      if (asking) return
      asking = true
      const parent = BrowserWindow.fromWebContents(contents)
      const options: Electron.MessageBoxOptions = {
        type: 'question',
        buttons: ['Cancel', 'Open in browser'],
        defaultId: 0,
        cancelId: 0,
        title: 'Open link',
        message: `Open a link to ${new URL(url).host} in your browser?`,
        detail: url.length > MAX_SHOWN_URL ? `${url.slice(0, MAX_SHOWN_URL)}… (${url.length.toLocaleString('en')} characters)` : url,
      }
      void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options))
        .then(({ response }) => {
          if (response === 1) void shell.openExternal(url)
        })
        .finally(() => (asking = false))
    },
  }
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
  hardenWebContents(win.webContents, externalOpener(win.webContents), devServerUrl)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}
