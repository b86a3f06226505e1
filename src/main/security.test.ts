import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { Session, WebContents } from 'electron'
import { hardenSession, hardenWebContents, isAppUrl, isSafeExternalUrl } from './security'

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
    hardenWebContents(contents, vi.fn())
    expect(navigate(emitter, 'will-navigate', 'https://evil.example/')).toBe(true)
    expect(navigate(emitter, 'will-redirect', 'file:///etc/passwd')).toBe(true)
    expect(navigate(emitter, 'will-navigate', 'app://tokenizer-explorer/index.html')).toBe(false)
  })
  it('denies every new window and opens only https links externally', () => {
    const { contents, open } = fakeContents()
    const openExternal = vi.fn()
    hardenWebContents(contents, openExternal)
    expect(open('https://example.com/docs')).toEqual({ action: 'deny' })
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledTimes(1)
    expect(openExternal).toHaveBeenCalledWith('https://example.com/docs')
  })
  it('refuses webviews', () => {
    const { contents, emitter } = fakeContents()
    hardenWebContents(contents, vi.fn())
    let prevented = false
    emitter.emit('will-attach-webview', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
  })
})

describe('hardenSession', () => {
  it('denies permission requests and checks', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null
    let check: (() => boolean) | null = null
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
    expect(check!()).toBe(false)
  })
})
