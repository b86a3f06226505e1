import type { Event, Session, WebContents } from 'electron'

/** The renderer's origin: pages load from our own `app://` protocol, never from the network. */
export const APP_ORIGIN = 'app://tokenizer-explorer'

/** True for a URL inside the app (our protocol and origin, or the dev server in development). */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (`${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return true
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}

/** True for a URL that may be handed to the system browser: https only, with a host. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' && parsed.hostname.length > 0 && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}

/**
 * Locks a window's contents: no navigation away from the app, no new windows (https links
 * go to the system browser), no webviews.
 */
export function hardenWebContents(
  contents: WebContents,
  openExternal: (url: string) => void,
  devServerUrl?: string,
): void {
  const blockNavigation = (event: Event, url: string) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  }
  contents.on('will-navigate', blockNavigation)
  contents.on('will-redirect', blockNavigation)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
}

/** Denies every permission request and check (camera, notifications, clipboard-read, ...). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler?.(() => false)
}
