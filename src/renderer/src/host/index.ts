import { PRELOAD_GLOBAL, type PreloadApi } from '@shared/contract/ipc'
import { createBrowserHost } from './browserHost'
import { createElectronHost } from './electronHost'
import type { Host } from './host'

/** The Host for this window: Electron's when the preload API is present, else the browser's. */
export function detectHost(): Host {
  const api = (window as unknown as Record<string, unknown>)[PRELOAD_GLOBAL] as PreloadApi | undefined
  return api ? createElectronHost(api) : createBrowserHost()
}
