/**
 * A token's bytes as a short label for the merge replay: whole UTF-8 characters as text
 * (space, tab and line breaks made visible), and every byte that is not part of a whole
 * character as hex in angle brackets (`<E2>`), so a partial character never shows as U+FFFD.
 */
export function byteLabel(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i)
    if (n === 0) {
      out += `<${bytes[i].toString(16).toUpperCase().padStart(2, '0')}>`
      i++
      continue
    }
    const ch = new TextDecoder().decode(bytes.subarray(i, i + n))
    out += VISIBLE[ch] ?? ch
    i += n
  }
  return out
}

/** True when the bytes are whole UTF-8 characters (no byte needs hex). */
export function isWholeUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i)
    if (n === 0) return false
    i += n
  }
  return true
}

const VISIBLE: Record<string, string> = { ' ': '␣', '\t': '→', '\n': '↵', '\r': '␍' }

/** Length of the well-formed UTF-8 sequence starting at bytes[i], or 0 when none starts there. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]
  if (b < 0x80) return 1
  let n: number
  let min: number
  if (b >= 0xc2 && b <= 0xdf) [n, min] = [2, 0x80]
  else if (b >= 0xe0 && b <= 0xef) [n, min] = [3, 0x800]
  else if (b >= 0xf0 && b <= 0xf4) [n, min] = [4, 0x10000]
  else return 0
  if (i + n > bytes.length) return 0
  let cp = b & (0xff >> (n + 1))
  for (let k = 1; k < n; k++) {
    const c = bytes[i + k]
    if ((c & 0xc0) !== 0x80) return 0
    cp = (cp << 6) | (c & 0x3f)
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0
  return n
}
