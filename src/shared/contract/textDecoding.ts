import { formatBytes, formatCount } from '../text/format'
import type { OpenTextFileResult } from './ipc'

/** Largest file the app opens (bytes). Larger files are refused with a message. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024

/** What the user reads when a file is over the size cap. */
export function tooLargeMessage(size: number, maxBytes = MAX_FILE_BYTES): string {
  return `This file is ${formatBytes(size)}; the largest file Tokenizer Explorer opens is ${formatBytes(maxBytes)}.`
}

/** A file's bytes turned into text, or the reason it cannot be. */
export type DecodedFile =
  | {
      ok: true
      text: string
      /** Which decoding was used. */
      encoding: 'utf-8' | 'utf-16le' | 'utf-16be'
      /** Bytes that were not valid in that encoding (each became U+FFFD). */
      invalidBytes: number
    }
  | { ok: false; reason: 'too-large' | 'binary'; message: string }

/** Counts bytes that are not part of a well-formed UTF-8 sequence. */
export function countInvalidUtf8(bytes: Uint8Array): number {
  let invalid = 0
  let i = 0
  const n = bytes.length
  while (i < n) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min = 0
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = 0x10000
    } else {
      invalid++
      i++
      continue
    }
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07)
    let j = 1
    for (; j <= need && i + j < n; j++) {
      const c = bytes[i + j]
      if ((c & 0xc0) !== 0x80) break
      cp = (cp << 6) | (c & 0x3f)
    }
    if (j <= need || (need > 1 && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)))) {
      invalid++
      i++
      continue
    }
    i += need + 1
  }
  return invalid
}

/**
 * Decodes a text file: UTF-8 (a BOM is dropped), or UTF-16 LE/BE when it starts with that
 * BOM. Refuses files over MAX_FILE_BYTES and binary files (a NUL byte in the first 64 KB
 * of a file without a UTF-16 BOM). Invalid UTF-8 still opens, with the bad bytes counted.
 */
export function decodeFileBytes(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): DecodedFile {
  if (bytes.length > maxBytes) return { ok: false, reason: 'too-large', message: tooLargeMessage(bytes.length, maxBytes) }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return decodeUtf16(bytes.subarray(2), 'utf-16le')
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return decodeUtf16(bytes.subarray(2), 'utf-16be')
  }
  const head = bytes.subarray(0, 64 * 1024)
  if (head.includes(0)) {
    return {
      ok: false,
      reason: 'binary',
      message: 'This looks like a binary file (it contains NUL bytes), not text. Open a text file instead.',
    }
  }
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    // Most files are valid: one strict pass decodes them (counting bad bytes took as long again).
    return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(body), encoding: 'utf-8', invalidBytes: 0 }
  } catch {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body)
    return { ok: true, text, encoding: 'utf-8', invalidBytes: countInvalidUtf8(body) }
  }
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedFile {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body)
  let invalid = body.length % 2
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) invalid += 2
  // Count only replacement characters the decoder introduced, not ones present in the file.
  const le = encoding === 'utf-16le'
  for (let i = 0; i + 1 < body.length; i += 2) {
    const unit = le ? body[i] | (body[i + 1] << 8) : (body[i] << 8) | body[i + 1]
    if (unit === 0xfffd) invalid -= 2
  }
  return { ok: true, text, encoding, invalidBytes: Math.max(0, invalid) }
}

/** Turns a file's name and bytes into what the UI shows: the text with any warning, or a refusal. */
export function openTextFileFromBytes(name: string, bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): OpenTextFileResult {
  const decoded = decodeFileBytes(bytes, maxBytes)
  if (!decoded.ok) return { kind: 'error', message: `Could not open ${name}. ${decoded.message}` }
  const warning =
    decoded.invalidBytes > 0
      ? `${name} is not valid ${decoded.encoding.toUpperCase()}: ${formatCount(decoded.invalidBytes)} invalid byte${decoded.invalidBytes === 1 ? ' was' : 's were'} replaced with U+FFFD (�).`
      : null
  return { kind: 'opened', file: { name, text: decoded.text, warning } }
}
