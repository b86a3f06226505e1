// An API request body (OpenAI chat completions or Anthropic messages) read into what the
// budget counts: each message's text and images (pixel sizes read from base64 data; an
// image by URL has no known size) and the tool definitions.
import { IMAGE_DETAILS, type ImageDetail } from './imageCost'
import { IMAGE_HEAD_BYTES, readImageSize } from './imageSize'
import { readJson } from './jsonProblem'
import { readTools, type ToolDef } from './toolDefs'

/** An image of a request: its size from its data, or why it has none. */
export interface RequestImage {
  /** Where it comes from: base64 data, or a URL the API fetches. */
  source: 'data' | 'url'
  width: number | null
  height: number | null
  detail: ImageDetail
  /** Why the size is unknown (a URL, or data that is not a readable image). */
  problem: string | null
}

/** A message of a request: role, optional name, its text parts joined, and its images. */
export interface RequestMessage {
  role: string
  name: string
  text: string
  images: RequestImage[]
}

/** A request body read, or its problems. */
export type RequestReading =
  | { ok: true; format: 'openai' | 'anthropic'; model: string | null; messages: RequestMessage[]; tools: ToolDef[] }
  | { ok: false; problems: string[] }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Decodes the start of base64 `data` (enough for a header), or null when it is not base64. */
function base64Head(data: string, bytes: number): Uint8Array | null {
  const chars = data.replace(/\s+/g, '').slice(0, Math.ceil(bytes / 3) * 4)
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(chars)) return null
  const bin = atob(chars.length % 4 ? chars.slice(0, chars.length - (chars.length % 4)) : chars)
  return Uint8Array.from(bin, (c) => c.charCodeAt(0))
}

/** An image's size from base64 data (the header only; a JPEG with large metadata reads on). */
export function imageFromBase64(data: string, detail: ImageDetail = 'auto'): RequestImage {
  let head = base64Head(data, IMAGE_HEAD_BYTES)
  if (!head) return { source: 'data', width: null, height: null, detail, problem: 'the image data is not base64' }
  let size = readImageSize(head)
  if (!size.ok && size.truncated && data.length > (IMAGE_HEAD_BYTES / 3) * 4) {
    head = base64Head(data, 16 * 1024 * 1024)
    if (head) size = readImageSize(head)
  }
  return size.ok ? { source: 'data', width: size.width, height: size.height, detail, problem: null } : { source: 'data', width: null, height: null, detail, problem: size.reason }
}

function urlImage(url: string, detail: ImageDetail): RequestImage {
  const data = /^data:image\/[\w.+-]+;base64,/i.exec(url)
  if (data) return imageFromBase64(url.slice(data[0].length), detail)
  return { source: 'url', width: null, height: null, detail, problem: `an image by URL (${url.length > 60 ? `${url.slice(0, 57)}...` : url}): its size is not known without fetching it, so it is not counted` }
}

/** Reads a request body's JSON (see RequestReading); problems name the message and part. */
export function readRequestBody(text: string): RequestReading {
  const json = readJson(text)
  if (!json.ok) return { ok: false, problems: [json.message] }
  const body = json.value
  if (!isObject(body) || !Array.isArray(body.messages)) return { ok: false, problems: ['This is not a chat request body: it needs a "messages" list (OpenAI chat completions or Anthropic messages).'] }
  const problems: string[] = []
  const messages: RequestMessage[] = []
  let anthropic = body.system !== undefined || (Array.isArray(body.tools) && body.tools.some((t) => isObject(t) && 'input_schema' in t))
  if (typeof body.system === 'string') messages.push({ role: 'system', name: '', text: body.system, images: [] })
  else if (Array.isArray(body.system)) messages.push({ role: 'system', name: '', text: body.system.map((b) => (isObject(b) && typeof b.text === 'string' ? b.text : '')).join('\n'), images: [] })
  body.messages.forEach((raw, i) => {
    if (!isObject(raw) || typeof raw.role !== 'string') return problems.push(`Message ${i + 1}: it needs a "role".`)
    const m: RequestMessage = { role: raw.role, name: typeof raw.name === 'string' ? raw.name : '', text: '', images: [] }
    const texts: string[] = []
    if (typeof raw.content === 'string') texts.push(raw.content)
    else if (Array.isArray(raw.content)) {
      raw.content.forEach((part, k) => {
        if (!isObject(part)) return problems.push(`Message ${i + 1}, part ${k + 1}: expected an object.`)
        if ((part.type === 'text' || part.type === 'input_text') && typeof part.text === 'string') texts.push(part.text)
        else if (part.type === 'image_url' && isObject(part.image_url) && typeof part.image_url.url === 'string') {
          const detail = (IMAGE_DETAILS as readonly unknown[]).includes(part.image_url.detail) ? (part.image_url.detail as ImageDetail) : 'auto'
          m.images.push(urlImage(part.image_url.url, detail))
        } else if (part.type === 'image' && isObject(part.source)) {
          anthropic = true
          const src = part.source
          if (src.type === 'base64' && typeof src.data === 'string') m.images.push(imageFromBase64(src.data))
          else if (src.type === 'url' && typeof src.url === 'string') m.images.push(urlImage(src.url, 'auto'))
          else problems.push(`Message ${i + 1}, part ${k + 1}: an image source of type ${JSON.stringify(src.type)} is not read.`)
        } else if (typeof part.text === 'string') texts.push(part.text)
        else if (typeof part.content === 'string') texts.push(part.content) // tool_result
        else if (part.input !== undefined) texts.push(JSON.stringify(part.input)) // tool_use
        else problems.push(`Message ${i + 1}, part ${k + 1}: a part of type ${JSON.stringify(part.type)} is not counted here.`)
      })
    } else if (raw.content !== null && raw.content !== undefined) problems.push(`Message ${i + 1}: "content" must be text or a list of parts.`)
    m.text = texts.join('\n')
    messages.push(m)
  })
  let tools: ToolDef[] = []
  if (body.tools !== undefined || body.functions !== undefined) {
    const read = readTools(JSON.stringify({ tools: body.tools ?? body.functions }))
    if (read.ok) tools = read.tools
    else problems.push(...read.problems.map((p) => `Tools: ${p.replace(/ \(line \d+\)/, '')}`))
  }
  if (problems.length) return { ok: false, problems }
  return { ok: true, format: anthropic ? 'anthropic' : 'openai', model: typeof body.model === 'string' ? body.model : null, messages, tools }
}
