/**
 * UTF-8 arithmetic over JavaScript (UTF-16) strings, matching TextEncoder:
 * a lone surrogate counts as U+FFFD, three bytes.
 */

/** UTF-8 byte length of the code point at `text[i]`; `units` is 2 for a surrogate pair. */
export function codePointUtf8At(text: string, i: number): { bytes: number; units: number } {
  const c = text.charCodeAt(i)
  if (c < 0x80) return { bytes: 1, units: 1 }
  if (c < 0x800) return { bytes: 2, units: 1 }
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1)
    if (d >= 0xdc00 && d <= 0xdfff) return { bytes: 4, units: 2 }
  }
  return { bytes: 3, units: 1 }
}

/** Number of bytes TextEncoder would produce for `text`. */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; ) {
    const cp = codePointUtf8At(text, i)
    bytes += cp.bytes
    i += cp.units
  }
  return bytes
}

/** Lower-case hex of each byte, space separated ("e2 80 99"). */
export function bytesToHex(bytes: ArrayLike<number>): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0) out += ' '
    out += bytes[i].toString(16).padStart(2, '0')
  }
  return out
}
