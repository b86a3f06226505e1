import type { LoadedEncoding } from './encodingLoader'

/** The roles a chat message can have. */
export const CHAT_ROLES = ['system', 'developer', 'user', 'assistant', 'tool'] as const

/** One of CHAT_ROLES. */
export type ChatRole = (typeof CHAT_ROLES)[number]

/** A message as the composer holds it; an empty name means none. */
export interface ChatMessageDraft {
  role: ChatRole
  name: string
  content: string
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
  /** False when gpt-tokenizer has no chat format for the model: totals are the message texts only. */
  formatted: boolean
  /** Per message: tokens of its text, and its tokens with the format's own (role, separators). */
  messages: { content: number; total: number }[]
  /** Tokens that prime the reply (e.g. <|im_start|>assistant<|im_sep|>). */
  prime: number
  total: number
  /** The first MAX_STREAM_TOKENS token ids of the formatted chat. */
  stream: number[]
  /** For each id in `stream`, the message it belongs to (-1: the reply prime). */
  owners: number[]
}

/** What the composer keeps between launches. */
export interface ChatDraft {
  model: string
  reserve: string
  messages: ChatMessageDraft[]
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
  const { model, reserve, messages } = v as Record<string, unknown>
  const lost: string[] = []
  const draft: ChatDraft = { ...NEW_CHAT }
  // A field that is missing (saved by another version) is not a loss; one of the wrong type is.
  if (typeof model === 'string') draft.model = model
  else if (model !== undefined) lost.push(`the model (now ${NEW_CHAT.model})`)
  if (typeof reserve === 'string') draft.reserve = reserve
  else if (reserve !== undefined) lost.push(`the reply reserve (now ${NEW_CHAT.reserve})`)
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
      kept.push({ role, name: typeof r.name === 'string' ? r.name : '', content: r.content })
    })
    if (dropped) lost.push(`${dropped} of ${messages.length} messages, which had no readable text`)
    draft.messages = kept
  } else if (messages !== undefined) lost.push('the messages (a new chat was started)')
  if (!lost.length) return { draft, problems: [] }
  return { draft, problems: [`Parts of your saved chat prompt were damaged and could not be kept: ${lost.join('; ')}. Everything else was kept.`] }
}

/** True for a message with neither text nor name: a slot still to be filled, which is not counted. */
export function isBlankMessage(m: ChatMessageDraft): boolean {
  return m.content === '' && m.name === ''
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

const asGptMessage = (m: ChatMessageDraft) => (m.name === '' ? { role: m.role, content: m.content } : { role: m.role, name: m.name, content: m.content })

/**
 * Counts a chat with gpt-tokenizer's chat encoding for `model` (or, when `formatted` is
 * false, counts only the message texts). Each message is encoded on its own, so the
 * counts say which message costs what; a test checks that the pieces joined equal
 * gpt-tokenizer's encoding of the whole chat.
 */
export function countChat(enc: LoadedEncoding, model: string, formatted: boolean, messages: readonly ChatMessageDraft[]): ChatCount {
  const stream: number[] = []
  const owners: number[] = []
  const add = (ids: readonly number[], owner: number) => {
    for (let k = 0; k < ids.length && stream.length < MAX_STREAM_TOKENS; k++) {
      stream.push(ids[k])
      owners.push(owner)
    }
  }
  const counts: ChatCount['messages'] = []
  if (!formatted) {
    messages.forEach((m, i) => {
      const ids = enc.encodeOrdinary(m.content)
      counts.push({ content: ids.length, total: ids.length })
      add(ids, i)
    })
    return { formatted, messages: counts, prime: 0, total: counts.reduce((s, c) => s + c.total, 0), stream, owners }
  }
  // What the format adds after the last message when nothing primes the reply (ChatML: <|im_sep|>).
  const trailing = enc.encodeChat([], model, '').length
  messages.forEach((m, i) => {
    const ids = enc.encodeChat([asGptMessage(m)], model, '')
    const own = ids.slice(0, ids.length - trailing)
    counts.push({ content: enc.encodeOrdinary(m.content).length, total: own.length })
    add(own, i)
  })
  const prime = enc.encodeChat([], model, 'assistant')
  add(prime, -1)
  const total = counts.reduce((s, c) => s + c.total, 0) + prime.length
  return { formatted, messages: counts, prime: prime.length, total, stream, owners }
}
