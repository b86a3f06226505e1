// Reading an image file the user adds to a chat message: its pixel size from the header
// (the first 256 KB; a JPEG with bigger metadata reads on, up to a cap), never the whole
// picture decoded, and a thumbnail only for files small enough to show cheaply.
import { IMAGE_HEAD_BYTES, readImageSize } from '@shared/budget/imageSize'
import type { ChatImage } from '@shared/budget/chatImage'

/** Files larger than this are refused (the APIs take far less). */
export const MAX_IMAGE_FILE_BYTES = 512 * 1024 * 1024
/** A JPEG whose frame header is not in the first bytes is read on up to this many bytes. */
const MAX_HEADER_SCAN_BYTES = 16 * 1024 * 1024
/** Thumbnails are drawn for files up to this size and pixel count only (the page decodes them). */
const MAX_THUMB_BYTES = 8 * 1024 * 1024
const MAX_THUMB_PIXELS = 40_000_000

/** An image read from a file, with a data: URL thumbnail (null when too large to show), or why it cannot be used. */
export type ImageFileReading = { ok: true; image: ChatImage; thumb: string | null } | { ok: false; reason: string }

let nextId = 0

/** Reads `file`'s pixel size (see readImageSize) and, for small files, a thumbnail. */
export async function readImageFile(file: File): Promise<ImageFileReading> {
  const named = (reason: string) => ({ ok: false as const, reason: `${file.name}: ${reason}` })
  if (file.size > MAX_IMAGE_FILE_BYTES) return named(`the file is ${Math.round(file.size / 1024 / 1024)} MB; images over ${MAX_IMAGE_FILE_BYTES / 1024 / 1024} MB are not read.`)
  let size
  try {
    size = readImageSize(new Uint8Array(await file.slice(0, IMAGE_HEAD_BYTES).arrayBuffer()))
    if (!size.ok && size.truncated && file.size > IMAGE_HEAD_BYTES) size = readImageSize(new Uint8Array(await file.slice(0, MAX_HEADER_SCAN_BYTES).arrayBuffer()))
  } catch (e) {
    return named(`the file could not be read (${(e as Error).message}).`)
  }
  if (!size.ok) return named(size.reason)
  const image: ChatImage = { id: `img-${Date.now().toString(36)}-${nextId++}`, name: file.name, width: size.width, height: size.height, bytes: file.size, detail: 'auto' }
  const thumb = file.size <= MAX_THUMB_BYTES && size.width * size.height <= MAX_THUMB_PIXELS ? await dataUrl(file).catch(() => null) : null
  return { ok: true, image, thumb }
}

function dataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

