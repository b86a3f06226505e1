import type { Event, Session, WebContents } from 'electron'
import { decideExternalLink, isSafeExternalUrl } from '@shared/contract/externalLinks'

export { isSafeExternalUrl }

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

/** How links the page asks to open reach the system browser: at once (the app's own links), or after the user says yes. */
export interface ExternalOpener {
  open(url: string): void
  confirm(url: string): void
}

/**
 * Locks a window's contents: no navigation away from the app, no new windows, no webviews.
 * A link the app renders (APP_LINKS) opens in the system browser; any other https link is
 * shown to the user in a native dialog first (a page could hide the text in a URL's query).
 */
export function hardenWebContents(contents: WebContents, external: ExternalOpener, devServerUrl?: string): void {
  const blockNavigation = (event: Event, url: string) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  }
  contents.on('will-navigate', blockNavigation)
  contents.on('will-redirect', blockNavigation)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideExternalLink(url)
    if (decision === 'open') external.open(url)
    else if (decision === 'confirm') external.confirm(url)
    return { action: 'deny' }
  })
}

/** The one permission the page gets: writing plain text to the clipboard (every Copy button uses navigator.clipboard.writeText). */
export const ALLOWED_PERMISSION = 'clipboard-sanitized-write'

/**
 * Denies every permission request and check (camera, notifications, clipboard-read, ...)
 * except ALLOWED_PERMISSION, and that only for the main frame of the app's own page.
 */
export function hardenSession(session: Session, devServerUrl?: string): void {
  const allowed = (permission: string, url: string | undefined, mainFrame: boolean) =>
    permission === ALLOWED_PERMISSION && mainFrame && url !== undefined && isAppUrl(url, devServerUrl)
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, details?.requestingUrl, details?.isMainFrame === true)),
  )
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowed(permission, details?.requestingUrl ?? requestingOrigin, details?.isMainFrame === true && !details.embeddingOrigin),
  )
  session.setDevicePermissionHandler?.(() => false)
}
