// Pixel sizes read from headers, checked against the `image-size` package (an independent
// reader) on files made here: real PNG and JPEG encodings and hand-built GIF, WebP and BMP headers.
import { deflateSync } from 'node:zlib'
import { imageSize } from 'image-size'
import jpeg from 'jpeg-js'
import { describe, expect, it } from 'vitest'
import { readImageSize } from './imageSize'

const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
const u16le = (n: number) => [n & 255, (n >>> 8) & 255]
const u32le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255]
const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)))

/** A real (decodable) grey PNG; the CRCs are zero (readers of the size do not check them). */
function png(width: number, height: number, withPixels = true): Uint8Array {
  const ihdr = [...u32be(width), ...u32be(height), 8, 0, 0, 0, 0]
  const head = bytes([0x89], 'PNG\r\n\x1a\n', u32be(13), 'IHDR', ihdr, [0, 0, 0, 0])
  if (!withPixels) return head
  const raw = deflateSync(Buffer.alloc((width + 1) * height))
  return Uint8Array.from([...head, ...bytes(u32be(raw.length), 'IDAT'), ...raw, 0, 0, 0, 0, ...bytes(u32be(0), 'IEND', [0, 0, 0, 0])])
}

function jpg(width: number, height: number): Uint8Array {
  return new Uint8Array(jpeg.encode({ width, height, data: Buffer.alloc(width * height * 4, 128) }, 80).data)
}

/** `j` with an APP1 (EXIF) segment of `size` bytes inserted after SOI, and its SOF0 marked progressive (SOF2). */
function withExifAndProgressive(j: Uint8Array, size: number): Uint8Array {
  // A segment holds at most 65,533 bytes: large metadata comes as several (EXIF, then XMP, ...).
  const segments: number[] = []
  for (let left = size; left > 0; left -= 30_000) {
    const payload = [...bytes('Exif\0\0'), ...new Array(Math.min(left, 30_000) - 6).fill(0x41)]
    segments.push(0xff, 0xe1, ((payload.length + 2) >> 8) & 255, (payload.length + 2) & 255, ...payload)
  }
  const out = Uint8Array.from([0xff, 0xd8, ...segments, ...j.subarray(2)])
  for (let i = 2; i < out.length - 1; i++) if (out[i] === 0xff && out[i + 1] === 0xc0) {
    out[i + 1] = 0xc2
    break
  }
  return out
}

const gif = (w: number, h: number) => bytes('GIF89a', u16le(w), u16le(h), [0xf7, 0, 0])
const bmp = (w: number, h: number) => bytes('BM', u32le(0), u32le(0), u32le(54), u32le(40), u32le(w), u32le(h), u16le(1), u16le(24), new Array(24).fill(0))
const webpLossy = (w: number, h: number) => bytes('RIFF', u32le(30), 'WEBP', 'VP8 ', u32le(18), [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a], u16le(w), u16le(h), new Array(10).fill(0))
function webpLossless(w: number, h: number): Uint8Array {
  const bits = ((w - 1) | ((h - 1) << 14)) >>> 0
  return bytes('RIFF', u32le(30), 'WEBP', 'VP8L', u32le(10), [0x2f], u32le(bits), new Array(10).fill(0))
}
const webpExtended = (w: number, h: number) =>
  bytes('RIFF', u32le(30), 'WEBP', 'VP8X', u32le(10), [0, 0, 0, 0], [(w - 1) & 255, ((w - 1) >> 8) & 255, ((w - 1) >> 16) & 255], [(h - 1) & 255, ((h - 1) >> 8) & 255, ((h - 1) >> 16) & 255])

describe('readImageSize', () => {
  const cases: [string, Uint8Array, number, number][] = [
    ['png', png(37, 11), 37, 11],
    ['jpeg', jpg(33, 17), 33, 17],
    ['jpeg', withExifAndProgressive(jpg(40, 9), 70_000), 40, 9],
    ['gif', gif(300, 2), 300, 2],
    ['bmp', bmp(640, 480), 640, 480],
    ['webp', webpLossy(1024, 768), 1024, 768],
    ['webp', webpLossless(16383, 5), 16383, 5],
    ['webp', webpExtended(16_000_000, 3), 16_000_000, 3],
  ]
  for (const [format, file, width, height] of cases) {
    it(`${format} ${width} x ${height}: the same as image-size reads`, () => {
      expect(readImageSize(file)).toEqual({ ok: true, format, width, height })
      const oracle = imageSize(file)
      expect([oracle.width, oracle.height]).toEqual([width, height])
    })
  }

  it('a 200-megapixel PNG: only its header is read (the size is in the first 24 bytes)', () => {
    const head = png(20_000, 10_000, false)
    const t = performance.now()
    expect(readImageSize(head)).toEqual({ ok: true, format: 'png', width: 20_000, height: 10_000 })
    expect(performance.now() - t).toBeLessThan(50)
  })

  it('a JPEG whose frame header lies past the bytes read asks for more', () => {
    const full = withExifAndProgressive(jpg(8, 8), 70_000)
    const r = readImageSize(full.subarray(0, 40_000))
    expect(r).toMatchObject({ ok: false, truncated: true })
    expect(readImageSize(full)).toMatchObject({ ok: true, width: 8, height: 8 })
  })

  it('truncated, broken, empty, SVG and non-image files get a clear reason', () => {
    expect(readImageSize(png(5, 5).subarray(0, 20))).toMatchObject({ ok: false, truncated: true, reason: expect.stringMatching(/PNG file ends before its size/) })
    expect(readImageSize(png(0, 5))).toMatchObject({ ok: false, reason: expect.stringMatching(/0 x 5 pixels: it is broken/) })
    expect(readImageSize(new Uint8Array())).toEqual({ ok: false, reason: 'The file is empty.' })
    const svg = new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    expect(readImageSize(svg)).toMatchObject({ ok: false, reason: expect.stringMatching(/^SVG is a vector image with no pixel size/) })
    expect(readImageSize(new TextEncoder().encode('<svg viewBox="0 0 1 1"></svg>'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^SVG/) })
    expect(readImageSize(new TextEncoder().encode('Just some text, not a picture.'))).toMatchObject({ ok: false, reason: expect.stringMatching(/not an image/) })
    const badJpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0, 0, 0x12, 0x34])
    expect(readImageSize(badJpeg)).toMatchObject({ ok: false, reason: expect.stringMatching(/no segment marker at byte 8/) })
    expect(readImageSize(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toMatchObject({ ok: false, reason: expect.stringMatching(/no frame header/) })
  })
})
