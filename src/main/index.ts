import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { resolveAppPath } from './appProtocol'
import { readTextFile } from './files'
import { registerIpc } from './ipc'
import { APP_ORIGIN, hardenSession, hardenWebContents } from './security'

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererRoot = join(__dirname, '../renderer')

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
])

function openExternal(url: string): void {
  void shell.openExternal(url)
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: 'Tokenizer Explorer',
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
  hardenWebContents(win.webContents, openExternal, devServerUrl)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal, devServerUrl))

void app.whenReady().then(() => {
  protocol.handle('app', (request) => {
    const file = resolveAppPath(request.url, rendererRoot)
    if (!file) return new Response('Not found', { status: 404 })
    return net.fetch(pathToFileURL(file).toString())
  })
  hardenSession(session.defaultSession)
  registerIpc(ipcMain, {
    windows: () => BrowserWindow.getAllWindows(),
    devServerUrl,
    appInfo: () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform }),
    async chooseAndReadTextFile(owner) {
      const choice = await dialog.showOpenDialog(owner, {
        title: 'Open text file',
        properties: ['openFile'],
        filters: [
          { name: 'Text', extensions: ['txt', 'md', 'json', 'jsonl', 'csv', 'tsv', 'xml', 'html', 'js', 'ts', 'py', 'yaml', 'yml'] },
          { name: 'All files', extensions: ['*'] },
        ],
      })
      if (choice.canceled || choice.filePaths.length === 0) return { kind: 'cancelled' }
      return readTextFile(choice.filePaths[0])
    },
  })
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
