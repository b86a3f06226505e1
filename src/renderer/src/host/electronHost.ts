import { isOpenTextFileResult, type PreloadApi } from '../../../shared/ipc'
import type { Host } from './host'
import { loadFromStorage, saveToStorage } from './storage'

/** Host inside Electron: files through the preload API (native dialog), persistence in localStorage. */
export function createElectronHost(api: PreloadApi): Host {
  return {
    async openTextFile() {
      const result: unknown = await api.openTextFile()
      return isOpenTextFileResult(result) ? result : { kind: 'error', message: 'The app returned an unexpected answer.' }
    },
    load: loadFromStorage,
    save: saveToStorage,
  }
}
