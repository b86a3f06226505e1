// An image's pixel size read from the first bytes of its file (the header), without decoding
// it: PNG, JPEG (baseline, progressive, with EXIF or other segments before the frame), GIF,
// WebP (VP8, VP8L, VP8X) and BMP. A 200-megapixel image costs a few hundred byte reads.

/** The image formats whose pixel size can be read. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp'

/** An image's pixel size, or why it could not be read. `truncated`: more bytes of the file may help. */
export type ImageSize =
  | { ok: true; format: ImageFormat; width: number; height: number }
  | { ok: false; reason: string; truncated?: boolean }

/** How many bytes from the start of a file to read first (a JPEG whose frame header lies further asks for the rest). */
export const IMAGE_HEAD_BYTES = 256 * 1024

const be16 = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1]
const le16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8)
const be32 = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3])
const le32s = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n))

const cut = (format: string): ImageSize => ({ ok: false, reason: `This ${format} file ends before its size is given: it is truncated or broken.`, truncated: true })
const sized = (format: ImageFormat, width: number, height: number): ImageSize =>
  width > 0 && height > 0 ? { ok: true, format, width, height } : { ok: false, reason: `This ${format.toUpperCase()} file gives a size of ${width} x ${height} pixels: it is broken.` }

/** True when the bytes look like SVG (XML text with an <svg> element near the start). */
function looksLikeSvg(b: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart()
  return (head.startsWith('<') && /<svg[\s>]/i.test(head)) || /^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*|<!DOCTYPE svg[^>]*>\s*)*<svg/i.test(head)
}

function png(b: Uint8Array): ImageSize {
  if (b.length < 24) return cut('PNG')
  if (ascii(b, 12, 4) !== 'IHDR') return { ok: false, reason: 'This PNG file has no IHDR header where it must be: it is broken.' }
  return sized('png', be32(b, 16), be32(b, 20))
}

function gif(b: Uint8Array): ImageSize {
  if (b.length < 10) return cut('GIF')
  return sized('gif', le16(b, 6), le16(b, 8))
}

function bmp(b: Uint8Array): ImageSize {
  if (b.length < 26) return cut('BMP')
  const header = le32s(b, 14)
  if (header === 12) return sized('bmp', le16(b, 18), le16(b, 20))
  if (header < 40) return { ok: false, reason: `This BMP file has an unknown header (${header} bytes): it is broken.` }
  // A negative height means the rows run top-down.
  return sized('bmp', Math.abs(le32s(b, 18)), Math.abs(le32s(b, 22)))
}

function webp(b: Uint8Array): ImageSize {
  if (b.length < 30) return cut('WebP')
  const chunk = ascii(b, 12, 4)
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return { ok: false, reason: 'This WebP file’s VP8 frame has no start code: it is broken.' }
    return sized('webp', le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff)
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return { ok: false, reason: 'This WebP file’s lossless frame has no signature: it is broken.' }
    const bits = (b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24)) >>> 0
    return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1)
  }
  if (chunk === 'VP8X') {
    const w = b[24] | (b[25] << 8) | (b[26] << 16)
    const h = b[27] | (b[28] << 8) | (b[29] << 16)
    return sized('webp', w + 1, h + 1)
  }
  return { ok: false, reason: `This WebP file starts with an unknown chunk (${JSON.stringify(chunk)}): it is broken or of a newer kind.` }
}

// Start-of-frame markers: C0-CF except C4 (DHT), C8 (JPG) and CC (DAC).
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc

function jpeg(b: Uint8Array): ImageSize {
  let i = 2
  for (;;) {
    // Skip to the next marker (fill bytes 0xFF may repeat).
    if (i >= b.length) return cut('JPEG')
    if (b[i] !== 0xff) return { ok: false, reason: `This JPEG file has no segment marker at byte ${i}: it is broken.` }
    while (i < b.length && b[i] === 0xff) i++
    if (i >= b.length) return cut('JPEG')
    const marker = b[i++]
    // Markers that stand alone, with no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue
    if (marker === 0xd9 || marker === 0xda) return { ok: false, reason: 'This JPEG file has no frame header before its image data: it is broken.' }
    if (i + 2 > b.length) return cut('JPEG')
    const length = be16(b, i)
    if (length < 2) return { ok: false, reason: `This JPEG file has a segment of length ${length} at byte ${i}: it is broken.` }
    if (isSof(marker)) {
      if (i + 7 > b.length) return cut('JPEG')
      const height = be16(b, i + 3)
      const width = be16(b, i + 5)
      if (height === 0) return { ok: false, reason: 'This JPEG file gives its height later in the data (a DNL marker), which is not read here.' }
      return sized('jpeg', width, height)
    }
    i += length
  }
}

/**
 * The pixel size of an image from the start of its file (IMAGE_HEAD_BYTES are enough for
 * everything but a JPEG with very large segments before its frame header: then the answer
 * is `truncated` and the whole file may be read). SVG is refused: it has no pixel size.
 */
export function readImageSize(bytes: Uint8Array): ImageSize {
  const b = bytes
  if (b.length === 0) return { ok: false, reason: 'The file is empty.' }
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return png(b)
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b)
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return gif(b)
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webp(b)
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return bmp(b)
  if (looksLikeSvg(b)) {
    return {
      ok: false,
      reason: 'SVG is a vector image with no pixel size, and the APIs take it only as pixels: export it as PNG at the size you will send, then add that.',
    }
  }
  if (b.length < 12) return { ok: false, reason: 'The file is too short to be an image.' }
  return { ok: false, reason: 'This file is not an image the APIs take (PNG, JPEG, GIF, WebP; BMP is read here too).' }
}
