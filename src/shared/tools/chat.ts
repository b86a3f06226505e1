import type { LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import type { Tokenizer } from '../tokenizer/tokenizer'
import { readChatImages, type ChatImage } from '../budget/chatImage'

/** The roles a chat message can have. */
export const CHAT_ROLES = ['system', 'developer', 'user', 'assistant', 'tool'] as const

/** One of CHAT_ROLES. */
export type ChatRole = (typeof CHAT_ROLES)[number]

/** A message as the composer holds it; an empty name means none. */
export interface ChatMessageDraft {
  role: ChatRole
  name: string
  content: string
  /** Images sent with the message (their sizes, not their pixels); none when absent. */
  images?: ChatImage[]
}

/** Longest message text the composer counts (characters); longer text is refused with a message. */
export const MAX_CHAT_CHARS = 5_000_000

/** How many tokens of the formatted stream are returned for display. */
export const MAX_STREAM_TOKENS = 3_000

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** What is wrong with a message name (the API allows 1-64 letters, digits, _ and -), or null. */
export function nameProblem(name: string): string | null {
  if (name === '' || NAME_PATTERN.test(name)) return null
  if (name.length > 64) return 'Names are at most 64 characters.'
  return 'Names may use only letters, digits, _ and -.'
}

/** The token counts of a chat, and the start of its formatted token stream. */
export interface ChatCount {
  /** False when the model has no known chat format: totals are the message texts only. */
  formatted: boolean
  /** The chat format counted (see chatFormatOf), or null when unformatted or counted through a chat template. */
  format: ChatFormat | null
  /**
   * Set when the chat was counted through the tokenizer's chat template (chatTemplateCount.ts):
   * the tokenizer's name, and why the template could not be rendered (then the counts are
   * the message texts only) or null.
   */
  template?: { name: string; problem: string | null }
  /** Per message: tokens of its text, and its tokens with the format's own (role, name, separators). */
  messages: { content: number; total: number }[]
  /** The tool definitions' tokens, included in `total` (absent: no tools). */
  tools?: ToolsTokens
  /** Tokens that prime the reply (e.g. <|im_start|>assistant<|im_sep|>). */
  prime: number
  total: number
  /** The first MAX_STREAM_TOKENS token ids of the formatted chat (-1 for a format token whose id is not published). */
  stream: number[]
  /** For each id in `stream`, the message it belongs to (-1: the reply prime; -2: not attributed, a chat template's rendering). */
  owners: number[]
  /** For each id in `stream`: the format token's name when the chat format adds it (<|im_start|>…), else null. */
  marks: (string | null)[]
}

/** How the tool definitions were counted, and their tokens (in the chat's total). */
export interface ToolsTokens {
  /** `cookbook`: OpenAI's published estimate; `template`: rendered by the chat template (exact for the tokenizer); `json`: the definitions' JSON text alone (estimate). */
  method: 'cookbook' | 'template' | 'json'
  total: number
  /** Each tool's own tokens (for a template: what leaving it out saves); empty when not broken down. */
  perTool: number[]
  /** A note for the user (how it was counted, and why it is an estimate). */
  note: string
  /** Where the method is published, when it is a provider's. */
  source?: string
}

/** What the composer keeps between launches. */
export interface ChatDraft {
  model: string
  reserve: string
  messages: ChatMessageDraft[]
  /** The tool definitions as typed (JSON); empty: none. */
  tools?: string
}

/** A composer to start with: a system prompt and an empty user message. */
export const NEW_CHAT: ChatDraft = {
  model: 'gpt-4o',
  reserve: '1,000',
  messages: [
    { role: 'system', name: '', content: 'You are a helpful assistant.' },
    { role: 'user', name: '', content: '' },
  ],
}

/** Reads a saved composer, keeping every part that can be read (see readChatDraft). */
export function parseChatDraft(raw: string | null): ChatDraft {
  return readChatDraft(raw).draft
}

/** A saved composer read back, with what could not be kept. */
export interface ChatDraftReport {
  draft: ChatDraft
  /** Messages for the user (empty when everything saved was kept). */
  problems: string[]
}

/**
 * Reads a saved composer field by field, so one damaged part does not cost the rest: a
 * model or reserve that is not text falls back to NEW_CHAT's; a message keeps its text
 * with an unknown role read as user and a name that is not text cleared; only a message
 * without readable text is left out. Every such loss is named in `problems`.
 */
export function readChatDraft(raw: string | null): ChatDraftReport {
  if (!raw) return { draft: NEW_CHAT, problems: [] }
  let v: unknown
  try {
    v = JSON.parse(raw)
  } catch {
    return { draft: NEW_CHAT, problems: ['Your saved chat prompt could not be read (the saved text is not valid JSON), so a new chat was started.'] }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return { draft: NEW_CHAT, problems: ['Your saved chat prompt was not in the expected form, so a new chat was started.'] }
  }
  const { model, reserve, messages, tools } = v as Record<string, unknown>
  const lost: string[] = []
  const draft: ChatDraft = { ...NEW_CHAT }
  // A field that is missing (saved by another version) is not a loss; one of the wrong type is.
  if (typeof model === 'string') draft.model = model
  else if (model !== undefined) lost.push(`the model (now ${NEW_CHAT.model})`)
  if (typeof reserve === 'string') draft.reserve = reserve
  else if (reserve !== undefined) lost.push(`the reply reserve (now ${NEW_CHAT.reserve})`)
  if (typeof tools === 'string') draft.tools = tools
  else if (tools !== undefined) lost.push('the tool definitions')
  if (Array.isArray(messages)) {
    const kept: ChatMessageDraft[] = []
    let dropped = 0
    messages.forEach((m: unknown, i) => {
      const r = typeof m === 'object' && m !== null ? (m as Record<string, unknown>) : null
      if (!r || typeof r.content !== 'string') {
        dropped++
        return
      }
      const role = (CHAT_ROLES as readonly unknown[]).includes(r.role) ? (r.role as ChatRole) : 'user'
      if (role !== r.role) lost.push(`the role of message ${i + 1} (now user)`)
      if (r.name !== undefined && typeof r.name !== 'string') lost.push(`the name of message ${i + 1} (now none)`)
      const images = readChatImages(r.images)
      if (images.lost) lost.push(`${images.lost} image${images.lost === 1 ? '' : 's'} of message ${i + 1}`)
      const message: ChatMessageDraft = { role, name: typeof r.name === 'string' ? r.name : '', content: r.content }
      if (images.images.length) message.images = images.images
      kept.push(message)
    })
    if (dropped) lost.push(`${dropped} of ${messages.length} messages, which had no readable text`)
    draft.messages = kept
  } else if (messages !== undefined) lost.push('the messages (a new chat was started)')
  if (!lost.length) return { draft, problems: [] }
  return { draft, problems: [`Parts of your saved chat prompt were damaged and could not be kept: ${lost.join('; ')}. Everything else was kept.`] }
}

/** True for a message with neither text, name nor image: a slot still to be filled, which is not counted. */
export function isBlankMessage(m: ChatMessageDraft): boolean {
  return m.content === '' && m.name === '' && !m.images?.length
}

/** The messages to count (blank ones left out), and for each its place in `messages`. */
export function countedMessages(messages: readonly ChatMessageDraft[]): { messages: ChatMessageDraft[]; positions: number[] } {
  const positions = messages.flatMap((m, i) => (isBlankMessage(m) ? [] : [i]))
  return { messages: positions.map((i) => messages[i]), positions }
}

/** The messages with `text` put in: into the first blank user message when there is one, else as a new user message at the end. */
export function withEditorText(messages: readonly ChatMessageDraft[], text: string): ChatMessageDraft[] {
  const blank = messages.findIndex((m) => m.role === 'user' && isBlankMessage(m))
  if (blank < 0) return [...messages, { role: 'user', name: '', content: text }]
  return messages.map((m, i) => (i === blank ? { ...m, content: text } : m))
}

/**
 * How a chat is written into tokens, for counting:
 * - `chatml`: OpenAI's API models (gpt-3.5-turbo from 0613, gpt-4, gpt-4o, gpt-4.1, gpt-5, o-series).
 *   `<|im_start|>role<|im_sep|>text<|im_end|>`; a name adds 1 token plus the name's tokens; the reply
 *   is primed with 3 tokens. This is OpenAI's published counting method (the cookbook's
 *   num_tokens_from_messages), which matches the usage the API reports.
 * - `chatml-0301`: gpt-3.5-turbo-0301: `<|im_start|>role\ntext<|im_end|>\n` (4 per message), a name
 *   written in place of the role.
 * - `harmony`: gpt-oss (o200k_harmony), as OpenAI's harmony renderer writes plain text messages:
 *   `<|start|>role[:name]<|message|>text<|end|>` (a tool message: its name in place of the role),
 *   the reply primed with `<|start|>assistant`.
 */
export type ChatFormat = 'chatml' | 'chatml-0301' | 'harmony'

/** The chat format of a model with a chat format (see ChatFormat). */
export function chatFormatOf(model: string, encoding: string): ChatFormat {
  if (encoding === 'o200k_harmony') return 'harmony'
  return /(^|-)0301($|-)/.test(model) ? 'chatml-0301' : 'chatml'
}

/**
 * Ids of format tokens where OpenAI has published them (tiktoken's cl100k_im example;
 * o200k_harmony); the ChatML ids of the o200k models and <|im_sep|> are not public (-1).
 */
const FORMAT_IDS: Record<string, Record<string, number>> = {
  cl100k_base: { '<|im_start|>': 100264, '<|im_end|>': 100265 },
  o200k_harmony: { '<|start|>': 200006, '<|end|>': 200007, '<|message|>': 200008 },
}

/** One piece of a formatted chat: a format token (by name) or ordinary token ids. */
type Piece = string | readonly number[]

/** Encodes the pieces of one formatted message (or the reply prime), caching ordinary text. */
function formatPieces(format: ChatFormat, m: ChatMessageDraft | null, encode: (text: string) => readonly number[]): Piece[] {
  if (format === 'harmony') {
    if (!m) return ['<|start|>', encode('assistant')]
    // The harmony renderer writes a tool message's name alone; a tool message without one falls back to its role.
    const author = m.role === 'tool' && m.name ? [encode(m.name)] : m.name ? [encode(m.role), encode(`:${m.name}`)] : [encode(m.role)]
    return ['<|start|>', ...author, '<|message|>', encode(m.content), '<|end|>']
  }
  if (format === 'chatml-0301') {
    if (!m) return ['<|im_start|>', encode('assistant'), encode('\n')]
    return ['<|im_start|>', encode(m.name || m.role), encode('\n'), encode(m.content), '<|im_end|>', encode('\n')]
  }
  if (!m) return ['<|im_start|>', encode('assistant'), '<|im_sep|>']
  // The API counts a name as 1 token plus the name's tokens; which token joins them is not
  // published, so the stream shows it as ":".
  const name = m.name ? [encode(':').slice(0, 1), encode(m.name)] : []
  return ['<|im_start|>', encode(m.role), ...name, '<|im_sep|>', encode(m.content), '<|im_end|>']
}

const piecesLength = (pieces: readonly Piece[]) => pieces.reduce((n, p) => n + (typeof p === 'string' ? 1 : p.length), 0)

/**
 * Remembers the tokens of message texts between counts, so a chat of thousands of messages
 * is re-encoded only where it changed. Holds the texts of the last count only.
 */
export class ChatTextCache {
  private last = new Map<string, readonly number[]>()
  private next = new Map<string, readonly number[]>()
  /** `text`'s ordinary tokens from `enc` (cached per encoding or tokenizer). */
  encode(enc: LoadedEncoding | Tokenizer, text: string): readonly number[] {
    const key = `${'name' in enc ? enc.name : enc.id}\u0000${text}`
    let ids = this.next.get(key) ?? this.last.get(key)
    if (!ids) ids = enc.encodeOrdinary(text)
    this.next.set(key, ids)
    return ids
  }
  /** Ends a count: forgets texts the count did not use. */
  settle(): void {
    this.last = this.next
    this.next = new Map()
  }
}

/**
 * Counts a chat in the model's chat format (see ChatFormat), or, when `formatted` is false,
 * only the message texts. Message texts are ordinary text (special-token strings never act
 * as special). Each message is counted on its own, so the counts say which message costs
 * what. `cache` keeps message tokens between calls (the chat worker passes one).
 */
export function countChat(
  enc: LoadedEncoding,
  model: string,
  formatted: boolean,
  messages: readonly ChatMessageDraft[],
  cache: ChatTextCache = new ChatTextCache(),
): ChatCount {
  const stream: number[] = []
  const owners: number[] = []
  const marks: (string | null)[] = []
  const encode = (text: string) => cache.encode(enc, text)
  const ids = FORMAT_IDS[enc.name] ?? {}
  const add = (pieces: readonly Piece[], owner: number) => {
    for (const p of pieces) {
      if (stream.length >= MAX_STREAM_TOKENS) return
      if (typeof p === 'string') {
        stream.push(ids[p] ?? -1)
        owners.push(owner)
        marks.push(p)
      } else {
        for (let k = 0; k < p.length && stream.length < MAX_STREAM_TOKENS; k++) {
          stream.push(p[k])
          owners.push(owner)
          marks.push(null)
        }
      }
    }
  }
  const counts: ChatCount['messages'] = []
  if (!formatted) {
    messages.forEach((m, i) => {
      const own = encode(m.content)
      counts.push({ content: own.length, total: own.length })
      add([own], i)
    })
    cache.settle()
    return { formatted, format: null, messages: counts, prime: 0, total: counts.reduce((s, c) => s + c.total, 0), stream, owners, marks }
  }
  const format = chatFormatOf(model, enc.name)
  messages.forEach((m, i) => {
    const pieces = formatPieces(format, m, encode)
    counts.push({ content: encode(m.content).length, total: piecesLength(pieces) })
    add(pieces, i)
  })
  const prime = formatPieces(format, null, encode)
  add(prime, -1)
  cache.settle()
  const primeLength = piecesLength(prime)
  return { formatted, format, messages: counts, prime: primeLength, total: counts.reduce((s, c) => s + c.total, 0) + primeLength, stream, owners, marks }
}
