import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { Session, WebContents } from 'electron'
import { decideExternalLink } from '@shared/contract/externalLinks'
import { ALLOWED_PERMISSION, hardenSession, hardenWebContents, isAppUrl, isSafeExternalUrl } from './security'

/** A stand-in for WebContents: real events, and the window-open handler captured. */
function fakeContents() {
  const emitter = new EventEmitter()
  let openHandler: ((details: { url: string }) => { action: string }) | null = null
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
  })
  return { contents: contents as unknown as WebContents, emitter, open: (url: string) => openHandler!({ url }) }
}

function navigate(emitter: EventEmitter, event: string, url: string): boolean {
  let prevented = false
  emitter.emit(event, { preventDefault: () => (prevented = true) }, url)
  return prevented
}

describe('URL checks', () => {
  it('recognises only our own origin (and the dev server when given)', () => {
    expect(isAppUrl('app://tokenizer-explorer/index.html')).toBe(true)
    expect(isAppUrl('app://other/index.html')).toBe(false)
    expect(isAppUrl('https://example.com/')).toBe(false)
    expect(isAppUrl('file:///etc/passwd')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false)
  })
  it('hands only plain https URLs to the system browser', () => {
    expect(isSafeExternalUrl('https://platform.openai.com/tokenizer')).toBe(true)
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com', 'https:', ''])
      expect(isSafeExternalUrl(url)).toBe(false)
  })
})

describe('hardenWebContents', () => {
  it('blocks navigation and redirects away from the app', () => {
    const { contents, emitter } = fakeContents()
    hardenWebContents(contents, { open: vi.fn(), confirm: vi.fn() })
    expect(navigate(emitter, 'will-navigate', 'https://evil.example/')).toBe(true)
    expect(navigate(emitter, 'will-redirect', 'file:///etc/passwd')).toBe(true)
    expect(navigate(emitter, 'will-navigate', 'app://tokenizer-explorer/index.html')).toBe(false)
  })
  it('denies every new window; an https link the app does not render is only offered for confirmation, never opened directly', () => {
    const { contents, open } = fakeContents()
    const external = { open: vi.fn(), confirm: vi.fn() }
    hardenWebContents(contents, external)
    // A compromised page could put the user's text in a query string: it must not reach the browser unasked.
    const leak = 'https://evil.example/collect?text=' + encodeURIComponent('my secret prompt')
    expect(open(leak)).toEqual({ action: 'deny' })
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(external.open).not.toHaveBeenCalled()
    expect(external.confirm).toHaveBeenCalledTimes(1)
    expect(external.confirm).toHaveBeenCalledWith(leak)
  })
  it('refuses webviews', () => {
    const { contents, emitter } = fakeContents()
    hardenWebContents(contents, { open: vi.fn(), confirm: vi.fn() })
    let prevented = false
    emitter.emit('will-attach-webview', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
  })
})

describe('hardenSession', () => {
  it('denies permission requests and checks', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void, d?: unknown) => void) | null = null
    let check: ((c: unknown, p: string, o: string, d: unknown) => boolean) | null = null
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      setDevicePermissionHandler: vi.fn(),
    }
    hardenSession(session as unknown as Session)
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn()
      request!(null, permission, cb)
      expect(cb).toHaveBeenCalledWith(false)
    }
    expect(check!(null, 'clipboard-read', 'app://tokenizer-explorer', { isMainFrame: true, requestingUrl: 'app://tokenizer-explorer/index.html' })).toBe(false)
  })
  it('allows exactly the sanitized clipboard write, and only to the main frame of our own page (Copy buttons)', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void) | null = null
    let check: ((c: unknown, p: string, o: string, d: unknown) => boolean) | null = null
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
    }
    hardenSession(session as unknown as Session, 'http://localhost:5173')
    const ask = (permission: string, requestingUrl: string, isMainFrame = true) => {
      const cb = vi.fn()
      request!(null, permission, cb, { requestingUrl, isMainFrame })
      return cb.mock.calls[0][0] as boolean
    }
    const page = 'app://tokenizer-explorer/index.html'
    expect(ALLOWED_PERMISSION).toBe('clipboard-sanitized-write')
    expect(ask('clipboard-sanitized-write', page)).toBe(true)
    expect(ask('clipboard-sanitized-write', 'http://localhost:5173/')).toBe(true)
    expect(check!(null, 'clipboard-sanitized-write', 'app://tokenizer-explorer', { isMainFrame: true, requestingUrl: page })).toBe(true)
    // Not for other origins, not for sub frames, and no other clipboard permission.
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
    expect(ask('clipboard-sanitized-write', page, false)).toBe(false)
    expect(ask('clipboard-read', page)).toBe(false)
    expect(check!(null, 'clipboard-sanitized-write', 'https://evil.example', { isMainFrame: true })).toBe(false)
    expect(check!(null, 'clipboard-sanitized-write', 'app://tokenizer-explorer', { isMainFrame: true, embeddingOrigin: 'https://evil.example', requestingUrl: page })).toBe(false)
  })
})

describe('external links', () => {
  it('opens exact links of the allow-list, asks for other https links, refuses the rest', () => {
    const allowed = ['https://platform.openai.com/tokenizer']
    expect(decideExternalLink('https://platform.openai.com/tokenizer', allowed)).toBe('open')
    expect(decideExternalLink('https://platform.openai.com/tokenizer?x=1', allowed)).toBe('confirm')
    expect(decideExternalLink('https://evil.example/', allowed)).toBe('confirm')
    expect(decideExternalLink('http://platform.openai.com/tokenizer', allowed)).toBe('refuse')
    expect(decideExternalLink('smb://host/share', allowed)).toBe('refuse')
  })
})
