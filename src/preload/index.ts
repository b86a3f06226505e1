// The only bridge between the page and Electron: named functions, never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron'
import { IPC, PRELOAD_GLOBAL, type PreloadApi } from '../shared/ipc'

const api: PreloadApi = {
  openTextFile: () => ipcRenderer.invoke(IPC.openTextFile),
  appInfo: () => ipcRenderer.invoke(IPC.appInfo),
}

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, api)
