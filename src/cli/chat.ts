// `tokenizer-explorer chat FILE.json`: counts an API request body (OpenAI chat completions or
// Anthropic messages) as the app's chat panel does: the messages in the model's chat format,
// each image by its provider's method, the tool definitions; and `check` on such a file.
import { readFile } from 'node:fs/promises'
import { countImages } from '@shared/budget/chatImage'
import { imageSupport } from '@shared/budget/imageCost'
import { readRequestBody, type RequestMessage } from '@shared/budget/requestBody'
import { CHAT_ROLES, ChatTextCache, countChat, type ChatCount, type ChatMessageDraft, type ChatRole } from '@shared/tools/chat'
import { chatTemplateAsset, countChatWithTemplate, countMessageTexts } from '@shared/tools/chatTemplateCount'
import { cookbookTools, jsonTools, withTools } from '@shared/tools/chatTools'
import { readJsonAsset, type ByteReader } from '@shared/tokenizer/catalog'
import type { ChatTemplateConfig } from '@shared/tokenizer/chatTemplate'
import { loadEncoding } from '@shared/tokenizer/openai/encodingLoader'
import { isEncodingName } from '@shared/tokenizer/openai/encodings'
import { formatCount } from '@shared/text/format'
import { loadModelList, type ModelInfo } from '@shared/models/models'
import { loadSource } from './engine'
import { CliError, EXIT_FAIL, usageError } from './errors'
import { similarModels } from './tokenizer'

/** Largest request body read (bytes). */
export const MAX_REQUEST_BYTES = 256 * 1024 * 1024

/** One counted part of a request. */
export interface RequestPart {
  /** "message 2 (user)", "image 1 of message 2", "tool get_weather", "reply prime". */
  part: string
  /** Its tokens, or null when it cannot be counted (an image by URL, a model without images). */
  tokens: number | null
  /** How it was counted, or why not. */
  note?: string
}

/** A request body's count: the model, each part, the total and what the total leaves out. */
export interface RequestCount {
  model: string
  tokenizer: string
  format: 'openai' | 'anthropic'
  parts: RequestPart[]
  total: number
  /** Parts not counted (their `tokens` is null): the total is then a lower bound. */
  uncounted: number
  estimate: boolean
  notes: string[]
}

const asRole = (role: string): ChatRole => ((CHAT_ROLES as readonly string[]).includes(role) ? (role as ChatRole) : 'user')

/** Reads the file's text (a usage error when it cannot be read). */
export async function readRequestFile(path: string, command: string): Promise<string> {
  try {
    const bytes = await readFile(path)
    if (bytes.length > MAX_REQUEST_BYTES) throw usageError(`${path} is over ${MAX_REQUEST_BYTES / 1024 / 1024} MB.`, command)
    return bytes.toString('utf8')
  } catch (err) {
    if (err instanceof CliError) throw err
    throw usageError(`cannot read ${path}: ${(err as Error).message}`, command)
  }
}

/** Counts a request body's text for `modelName` (else the body's `model`), loading the tokenizer through `read`. */
export async function countRequest(text: string, modelName: string | null, read: ByteReader, command = 'chat', models?: readonly ModelInfo[]): Promise<RequestCount> {
  const body = readRequestBody(text)
  if (!body.ok) throw new CliError(`the request body cannot be counted:\n  ${body.problems.join('\n  ')}`, EXIT_FAIL, command)
  const name = modelName ?? body.model
  if (!name) throw usageError('the body names no "model": give --model NAME.', command)
  const list = models ?? (await loadModelList())
  const model = list.find((m) => m.name === name) ?? list.find((m) => m.name.toLowerCase() === name.toLowerCase())
  if (!model) {
    const near = similarModels(name, list)
    throw usageError(`Unknown model "${name}".${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`, command)
  }
  const drafts: ChatMessageDraft[] = body.messages.map((m) => ({ role: asRole(m.role), name: m.name, content: m.text }))
  const cache = new ChatTextCache()
  let count: ChatCount
  if (isEncodingName(model.encoding)) {
    const enc = await loadEncoding(model.encoding)
    const encode = (t: string) => enc.encodeOrdinary(t)
    count = withTools(countChat(enc, model.name, model.chat, drafts, cache), model.chat ? cookbookTools(body.tools, model.encoding, encode) : jsonTools(body.tools, encode, model.name))
  } else {
    const tokenizer = await loadSource({ kind: 'catalog', id: model.encoding }, read, command)
    const asset = chatTemplateAsset(model.encoding)
    const asJson = () => jsonTools(body.tools, (t) => tokenizer.encodeOrdinary(t), model.name)
    if (asset === null) count = withTools(countMessageTexts(tokenizer, drafts, cache), asJson())
    else {
      count = countChatWithTemplate(tokenizer, (await readJsonAsset(read, asset)) as ChatTemplateConfig, drafts, cache, body.tools)
      if (count.template?.problem) count = withTools(count, asJson())
    }
  }
  return assemble(model, body.format, body.messages, body.tools.map((t) => t.function.name), count)
}

function assemble(model: ModelInfo, format: 'openai' | 'anthropic', messages: readonly RequestMessage[], toolNames: readonly string[], count: ChatCount): RequestCount {
  const parts: RequestPart[] = []
  const notes: string[] = []
  const support = imageSupport(model.name, model.imageInput)
  const sized = messages.map((m) => ({ images: m.images.flatMap((img) => (img.width && img.height ? [{ id: '', name: '', width: img.width, height: img.height, bytes: 0, detail: img.detail }] : [])) }))
  const images = countImages(sized, model.name, model.imageInput)
  let imageTotal = 0
  let uncounted = 0
  messages.forEach((m, i) => {
    const c = count.messages[i]
    parts.push({ part: `message ${i + 1} (${m.role})`, tokens: c.total, ...(count.template ? { note: 'its text alone; the template’s own tokens are in the total' } : {}) })
    m.images.forEach((img, j) => {
      const label = `image ${j + 1} of message ${i + 1}`
      if (img.width === null || img.height === null) {
        uncounted++
        return parts.push({ part: label, tokens: null, note: img.problem ?? 'size unknown' })
      }
      if (!support.ok || !images.ok) {
        uncounted++
        return parts.push({ part: label, tokens: null, note: `${img.width} x ${img.height} px; ${support.ok ? '' : support.reason}` })
      }
      const cost = support.method.cost(img.width, img.height, img.detail)
      imageTotal += cost.tokens
      parts.push({ part: label, tokens: cost.tokens, note: `${img.width} x ${img.height} px: ${cost.how}${support.method.estimate ? ' (estimate)' : ''}` })
    })
  })
  if (support.ok && imageTotal > 0) notes.push(`Images: ${support.method.name} (${support.method.source}, checked ${support.method.checked})${support.method.estimate ? ', an estimate' : ''}.`)
  if (count.tools) {
    count.tools.perTool.forEach((n, k) => parts.push({ part: `tool ${toolNames[k]}`, tokens: n }))
    parts.push({ part: 'tools in all', tokens: count.tools.total, note: count.tools.method })
    notes.push(count.tools.source ? `${count.tools.note} Source: ${count.tools.source}` : count.tools.note)
  }
  if (count.prime) parts.push({ part: 'reply prime', tokens: count.prime })
  if (count.template) notes.push(count.template.problem ?? `Messages and tools rendered by ${count.template.name}’s chat template.`)
  else if (!count.formatted) notes.push(`${model.name} has no chat format known here: the messages are counted as their texts only.`)
  if (uncounted) notes.push(`${uncounted} part${uncounted === 1 ? ' is' : 's are'} not counted: the total is a lower bound.`)
  if (model.approximate) notes.push(model.approximate)
  return {
    model: model.name,
    tokenizer: model.encoding,
    format,
    parts,
    total: count.total + imageTotal,
    uncounted,
    estimate: Boolean(model.approximate) || count.tools?.method === 'cookbook' || count.tools?.method === 'json' || (support.ok && support.method.estimate && imageTotal > 0),
    notes,
  }
}

/** The count as text: one line per part, the total, then the notes. */
export function requestText(path: string, c: RequestCount): string {
  const width = Math.max(...c.parts.map((p) => p.part.length), 5)
  const lines = c.parts.map((p) => `  ${p.part.padEnd(width)}  ${(p.tokens === null ? '–' : formatCount(p.tokens)).padStart(9)}${p.note ? `  ${p.note}` : ''}`)
  return [`${path}: ${c.format === 'anthropic' ? 'Anthropic messages' : 'OpenAI chat completions'} request for ${c.model} (${c.tokenizer})`, ...lines, `  ${'total'.padEnd(width)}  ${formatCount(c.total).padStart(9)} tokens${c.uncounted ? ' (at least)' : ''}${c.estimate ? ' (estimate)' : ''}`, ...c.notes.map((n) => `note: ${n}`)].join('\n') + '\n'
}
