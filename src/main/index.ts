// The main process: single instance, the app:// protocol, session hardening, then the
// controller (window, menu, files, saved state). Kept thin; the logic lives in tested modules.
import { app, ipcMain, net, protocol, session } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { resolveAppPath } from './appProtocol'
import { fileFromArgv } from './commandLine'
import { AppController } from './controller'
import { registerIpc } from './ipc'
import { hardenSession, hardenWebContents } from './security'
import { externalOpener } from './window'

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererRoot = join(__dirname, '../renderer')

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
])

// Tests (and people who want separate profiles) can point the app at another data folder.
if (process.env.TOKENIZER_EXPLORER_USER_DATA) app.setPath('userData', process.env.TOKENIZER_EXPLORER_USER_DATA)

// One app at a time: a second launch hands its file to the running window and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const controller = new AppController(devServerUrl)
  const defaultApp = process.defaultApp === true
  app.on('second-instance', (_event, argv, cwd) => controller.secondInstance(fileFromArgv(argv, cwd, defaultApp)))
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, externalOpener(contents), devServerUrl))
  // macOS: files dropped on the Dock icon or opened from Finder.
  let pendingOpen: string | null = null
  app.on('open-file', (event, path) => {
    event.preventDefault()
    if (app.isReady()) controller.secondInstance(path)
    else pendingOpen = path
  })

  void app.whenReady().then(async () => {
    protocol.handle('app', (request) => {
      const file = resolveAppPath(request.url, rendererRoot)
      if (!file) return new Response('Not found', { status: 404 })
      return net.fetch(pathToFileURL(file).toString())
    })
    hardenSession(session.defaultSession, devServerUrl)
    registerIpc(ipcMain, controller)
    await controller.start(pendingOpen ?? fileFromArgv(process.argv, process.cwd(), defaultApp))
    app.on('activate', () => {
      if (controller.windows().length === 0) controller.secondInstance(null)
    })
  })

  app.on('before-quit', () => {
    controller.quitting = true
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
