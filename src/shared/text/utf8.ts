/**
 * UTF-8 arithmetic over JavaScript (UTF-16) strings, matching TextEncoder:
 * a lone surrogate counts as U+FFFD, three bytes.
 */

/** Number of bytes TextEncoder would produce for `text`. */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
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
