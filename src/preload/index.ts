// The only bridge between the page and Electron: named functions, never ipcRenderer itself.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { IPC, IPC_EVENTS, isMenuCommand, isOpenTokenizerResult, PRELOAD_GLOBAL, type FileOpenedEvent, type PreloadApi } from '@shared/contract/ipc'

const api: PreloadApi = {
  openTextFile: () => ipcRenderer.invoke(IPC.openTextFile),
  pathForFile: (file) => (file instanceof File ? webUtils.getPathForFile(file) : ''),
  openPath: (path, sha256) => ipcRenderer.invoke(IPC.openPath, path, sha256),
  saveFile: (request) => ipcRenderer.invoke(IPC.saveFile, request),
  forgetFile: () => ipcRenderer.invoke(IPC.forgetFile),
  loadState: () => ipcRenderer.invoke(IPC.loadState),
  saveState: (key, value) => ipcRenderer.invoke(IPC.saveState, key, value),
  setDocumentState: (state) => ipcRenderer.invoke(IPC.documentState, state),
  readyToClose: () => ipcRenderer.invoke(IPC.readyToClose),
  appInfo: () => ipcRenderer.invoke(IPC.appInfo),
  onMenuCommand: (listener) => {
    ipcRenderer.on(IPC_EVENTS.menuCommand, (_event, command: unknown) => {
      if (isMenuCommand(command)) listener(command)
    })
  },
  onFileOpened: (listener) => {
    ipcRenderer.on(IPC_EVENTS.fileOpened, (_event, message: FileOpenedEvent) => listener(message))
  },
  onBeforeClose: (listener) => {
    ipcRenderer.on(IPC_EVENTS.beforeClose, () => listener())
  },
  openTokenizer: () => ipcRenderer.invoke(IPC.openTokenizer),
  openTokenizerPath: (path, sha256) => ipcRenderer.invoke(IPC.openTokenizerPath, path, sha256),
  restoreTokenizer: () => ipcRenderer.invoke(IPC.restoreTokenizer),
  onTokenizerOpened: (listener) => {
    ipcRenderer.on(IPC_EVENTS.tokenizerOpened, (_event, result: unknown) => {
      if (isOpenTokenizerResult(result)) listener(result)
    })
  },
}

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, api)
