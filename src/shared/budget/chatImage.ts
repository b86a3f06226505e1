// An image in a chat message as the composer keeps it: its size and detail only (no pixels),
// so a saved draft keeps what the image costs without holding megabytes of data.
import { IMAGE_DETAILS, imageSupport, type ImageCostMethod, type ImageDetail } from './imageCost'

/** One image of a message: what is needed to count it. */
export interface ChatImage {
  /** Unique within the composer (pairs the image with its thumbnail while the page is open). */
  id: string
  /** The file name, for the user. */
  name: string
  width: number
  height: number
  /** File size in bytes. */
  bytes: number
  detail: ImageDetail
}

/** Most images one message may hold. */
export const MAX_IMAGES_PER_MESSAGE = 50

const isDim = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 1_000_000

/** Reads saved images back, keeping the well-formed ones; `lost` counts the others. */
export function readChatImages(raw: unknown): { images: ChatImage[]; lost: number } {
  if (raw === undefined) return { images: [], lost: 0 }
  if (!Array.isArray(raw)) return { images: [], lost: 1 }
  const images: ChatImage[] = []
  for (const v of raw.slice(0, MAX_IMAGES_PER_MESSAGE)) {
    const r = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {}
    if (typeof r.id === 'string' && typeof r.name === 'string' && isDim(r.width) && isDim(r.height)) {
      const detail = (IMAGE_DETAILS as readonly unknown[]).includes(r.detail) ? (r.detail as ImageDetail) : 'auto'
      images.push({ id: r.id, name: r.name, width: r.width, height: r.height, bytes: typeof r.bytes === 'number' ? r.bytes : 0, detail })
    }
  }
  return { images, lost: raw.length - images.length }
}

/** What the images of a chat cost for a model: per message (in order) per image, and the total; or why there is no number. */
export type ImagesCount =
  | { ok: true; method: ImageCostMethod | null; perMessage: number[][]; total: number }
  | { ok: false; reason: string; images: number }

/** Counts every image of the messages for `model` (see imageSupport). No images: a total of 0. */
export function countImages(messages: readonly { images?: readonly ChatImage[] }[], model: string, imageInput?: boolean): ImagesCount {
  const n = messages.reduce((s, m) => s + (m.images?.length ?? 0), 0)
  const support = imageSupport(model, imageInput)
  if (!support.ok) return n === 0 ? { ok: true, method: null, perMessage: messages.map(() => []), total: 0 } : { ok: false, reason: support.reason, images: n }
  const perMessage = messages.map((m) => (m.images ?? []).map((img) => support.method.cost(img.width, img.height, img.detail).tokens))
  return { ok: true, method: support.method, perMessage, total: perMessage.flat().reduce((s, t) => s + t, 0) }
}
