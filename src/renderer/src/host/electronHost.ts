import { isOpenTextFileResult, STATE_LIMITS, type LoadedStateResult, type PreloadApi } from '../../../shared/ipc'
import { readDroppedFile } from './browserHost'
import type { Host } from './host'

const UNEXPECTED = { kind: 'error', message: 'The app returned an unexpected answer.' } as const

/** Host inside Electron: native dialogs and menu through the preload API, state in the userData folder. */
export function createElectronHost(api: PreloadApi): Host {
  return {
    nativeMenu: true,
    maxDraftChars: STATE_LIMITS.draft,
    async loadState(): Promise<LoadedStateResult> {
      try {
        return await api.loadState()
      } catch (err) {
        return { values: {}, problems: [`The saved state could not be loaded: ${err instanceof Error ? err.message : String(err)}`] }
      }
    },
    saveState: (key, value) => api.saveState(key, value).catch(() => false),
    async openTextFile() {
      const result: unknown = await api.openTextFile()
      return isOpenTextFileResult(result) ? result : UNEXPECTED
    },
    async openDroppedFile(file) {
      // Files from the desktop open by path (watched, remembered); others (from a web page) by their bytes.
      const path = api.pathForFile(file)
      if (!path) return readDroppedFile(file)
      const result: unknown = await api.openPath(path)
      return isOpenTextFileResult(result) ? result : UNEXPECTED
    },
    saveFile: (request) => api.saveFile(request).catch((err: unknown) => ({ kind: 'error', message: `Could not save: ${err instanceof Error ? err.message : String(err)}` })),
    forgetFile: () => void api.forgetFile(),
    setDocumentState: (state) => void api.setDocumentState(state),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    onFileOpened: (listener) => api.onFileOpened(listener),
    onBeforeClose: (listener) => api.onBeforeClose(listener),
    readyToClose: () => void api.readyToClose(),
  }
}
