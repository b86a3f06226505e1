import { relative, resolve, sep } from 'node:path'
import { APP_ORIGIN } from './security'

/**
 * Maps an `app://tokenizer-explorer/...` URL to a file under `root`, or null for any other
 * origin, a path that escapes root (`..`, encoded or not) or a malformed URL.
 */
export function resolveAppPath(url: string, root: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  if (pathname === '/' || pathname === '') pathname = '/index.html'
  const file = resolve(root, '.' + pathname)
  const rel = relative(root, file)
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..') || resolve(root, rel) !== file) return null
  return file
}
