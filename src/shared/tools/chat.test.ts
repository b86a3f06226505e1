import { beforeAll, describe, expect, it } from 'vitest'
import { ChatTextCache, countChat, countedMessages, isBlankMessage, nameProblem, NEW_CHAT, parseChatDraft, readChatDraft, withEditorText, type ChatMessageDraft } from './chat'
import { loadEncoding, type LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import type { EncodingName } from '../tokenizer/openai/encodings'
import { oracleOrdinary } from '../testing/oracle'
import { visibleTokenBytes } from '../display/visibleText'

const encodings = new Map<EncodingName, LoadedEncoding>()
beforeAll(async () => {
  for (const name of ['cl100k_base', 'o200k_base', 'o200k_harmony', 'r50k_base'] as const) encodings.set(name, await loadEncoding(name))
})

const chat: ChatMessageDraft[] = [
  { role: 'system', name: '', content: 'You are a terse assistant. Answer in one line.' },
  { role: 'user', name: '', content: 'How many tokens is "👩🏽‍💻 日本語 <|endoftext|>"?' },
  { role: 'assistant', name: '', content: 'About a dozen.\n\nWhy?' },
  { role: 'tool', name: '', content: '{"result": [1, 2, 3]}' },
]

const tokens = (encoding: EncodingName, text: string) => oracleOrdinary(encoding, text).length

/**
 * OpenAI cookbook's num_tokens_from_messages, computed with tiktoken: per message a fixed
 * cost + role + text, for a name `perName` + the name's tokens; 3 to prime the reply.
 */
function cookbookCount(encoding: EncodingName, perMessage: number, perName: number, messages: ChatMessageDraft[]): number {
  let n = 3
  for (const m of messages) {
    n += perMessage + tokens(encoding, m.role) + tokens(encoding, m.content)
    if (m.name) n += perName + tokens(encoding, m.name)
  }
  return n
}

/** openai-harmony's rendering of plain text messages, counted piece by piece with tiktoken. */
function harmonyCount(messages: ChatMessageDraft[]): number {
  let n = 1 + tokens('o200k_base', 'assistant') // <|start|>assistant
  for (const m of messages) {
    const author = m.role === 'tool' && m.name ? tokens('o200k_base', m.name) : tokens('o200k_base', m.role) + (m.name ? tokens('o200k_base', `:${m.name}`) : 0)
    n += 3 + author + tokens('o200k_base', m.content) // <|start|>, <|message|>, <|end|>
  }
  return n
}

const named: ChatMessageDraft[] = [
  ...chat,
  { role: 'user', name: 'zoi_p', content: 'named' },
  { role: 'assistant', name: 'Bot-7_helper', content: 'Hi 👋' },
  { role: 'tool', name: 'functions_get_weather', content: '{"t": 21}' },
]

describe('countChat', () => {
  it.each([
    ['gpt-4o', 'o200k_base'],
    ['gpt-4o-mini', 'o200k_base'],
    ['gpt-4.1', 'o200k_base'],
    ['gpt-5', 'o200k_base'],
    ['o3', 'o200k_base'],
    ['gpt-4', 'cl100k_base'],
    ['gpt-4-turbo', 'cl100k_base'],
    ['gpt-3.5-turbo', 'cl100k_base'],
    ['gpt-3.5-turbo-0125', 'cl100k_base'],
  ] as const)('%s: the total equals the OpenAI cookbook count (3 per message, 1 per name) computed with tiktoken', (model, encoding) => {
    const enc = encodings.get(encoding)!
    expect(countChat(enc, model, true, chat).total).toBe(cookbookCount(encoding, 3, 1, chat))
    const r = countChat(enc, model, true, named)
    expect(r.format).toBe('chatml')
    expect(r.total).toBe(cookbookCount(encoding, 3, 1, named))
    expect(r.prime).toBe(3)
    expect(r.messages.reduce((s, m) => s + m.total, 0) + r.prime).toBe(r.total)
  })

  it('gpt-4o, user message named zoi_p: the name costs 1 + its tokens on top of the role (not in place of it)', () => {
    const user: ChatMessageDraft = { role: 'user', name: 'zoi_p', content: 'Hello there' }
    const r = countChat(encodings.get('o200k_base')!, 'gpt-4o', true, [user])
    // <|im_start|> user : zoi_p <|im_sep|> Hello there <|im_end|>, then <|im_start|>assistant<|im_sep|>.
    const expected = 3 + tokens('o200k_base', 'user') + 1 + tokens('o200k_base', 'zoi_p') + tokens('o200k_base', 'Hello there')
    expect(r.messages[0].total).toBe(expected)
    expect(r.total).toBe(expected + 3)
    expect(r.marks.filter((m) => m !== null)).toEqual(['<|im_start|>', '<|im_sep|>', '<|im_end|>', '<|im_start|>', '<|im_sep|>'])
  })

  it('gpt-3.5-turbo-0301: 4 per message, a name in place of the role (the cookbook: 4 per message, -1 per name)', () => {
    const r = countChat(encodings.get('cl100k_base')!, 'gpt-3.5-0301', true, named)
    expect(r.format).toBe('chatml-0301')
    expect(r.total).toBe(cookbookCount('cl100k_base', 4, -1, named))
    expect(r.prime).toBe(3)
  })

  it('gpt-oss: openai-harmony’s rendering (role:name, a tool by its name), counted piece by piece with tiktoken', () => {
    for (const model of ['gpt-oss-20b', 'gpt-oss-120b']) {
      const enc = encodings.get('o200k_harmony')!
      const r = countChat(enc, model, true, named)
      expect(r.format).toBe('harmony')
      expect(r.total).toBe(harmonyCount(named))
      expect(r.prime).toBe(2)
      // The published harmony ids, and the stream opens the first message.
      expect(r.stream.slice(0, 2)).toEqual([200006, ...oracleOrdinary('o200k_base', 'system')])
      expect(r.stream.slice(-2)).toEqual([200006, ...oracleOrdinary('o200k_base', 'assistant')])
    }
  })

  it.each([
    ['gpt-4o', 'o200k_base'],
    ['gpt-3.5-turbo', 'cl100k_base'],
    ['gpt-oss-20b', 'o200k_harmony'],
  ] as const)('%s: the stream is the messages’ own tokens in order: format tokens, then tiktoken’s ids of each piece', (model, encoding) => {
    const enc = encodings.get(encoding)!
    const r = countChat(enc, model, true, named)
    expect(r.stream).toHaveLength(r.total)
    // Owners run 0, 1, 2, … in order, then -1 for the prime.
    expect(r.owners.filter((o, i) => i === 0 || o !== r.owners[i - 1])).toEqual([...named.keys(), -1])
    // Every ordinary token is tiktoken's: the text tokens of message k are its content's ids.
    named.forEach((m, k) => {
      const own = r.stream.filter((_, i) => r.owners[i] === k && r.marks[i] === null)
      const content = oracleOrdinary(encoding, m.content)
      expect(own.slice(own.length - content.length)).toEqual(content)
    })
    expect(r.marks[0]).not.toBeNull()
  })

  it('counts message text as ordinary text: special-token strings never throw', () => {
    const r = countChat(encodings.get('o200k_base')!, 'gpt-4o', true, chat)
    expect(r.messages[1].content).toBe(oracleOrdinary('o200k_base', chat[1].content).length)
    expect(r.messages.map((m) => m.total - m.content)).toEqual([3 + 1, 3 + 1, 3 + 1, 3 + 1])
  })

  it('without a chat format, counts the message texts only', () => {
    const r = countChat(encodings.get('r50k_base')!, 'text-davinci-003', false, chat)
    expect(r.formatted).toBe(false)
    expect(r.prime).toBe(0)
    expect(r.total).toBe(chat.reduce((s, m) => s + oracleOrdinary('r50k_base', m.content).length, 0))
  })

  it('an empty chat is just the reply prime', () => {
    expect(countChat(encodings.get('o200k_base')!, 'gpt-4o', true, []).total).toBe(3)
  })

  it('a cache shared between counts gives the same counts and re-encodes only changed texts', () => {
    const enc = encodings.get('o200k_base')!
    let encoded = 0
    const counting = { ...enc, encodeOrdinary: (t: string) => (encoded++, enc.encodeOrdinary(t)) }
    const cache = new ChatTextCache()
    const many = Array.from({ length: 200 }, (_, i): ChatMessageDraft => ({ role: 'user', name: '', content: `message ${i}` }))
    const first = countChat(counting, 'gpt-4o', true, many, cache)
    expect(first).toEqual(countChat(enc, 'gpt-4o', true, many))
    encoded = 0
    const edited = many.map((m, i) => (i === 100 ? { ...m, content: m.content + '!' } : m))
    expect(countChat(counting, 'gpt-4o', true, edited, cache)).toEqual(countChat(enc, 'gpt-4o', true, edited))
    expect(encoded).toBe(1)
  })
})

describe('nameProblem', () => {
  it('allows empty names and API-style names, explains the rest', () => {
    expect(nameProblem('')).toBeNull()
    expect(nameProblem('tool_1-a')).toBeNull()
    expect(nameProblem('has space')).toMatch(/letters, digits/)
    expect(nameProblem('<|endoftext|>')).toMatch(/letters, digits/)
    expect(nameProblem('x'.repeat(65))).toMatch(/64/)
  })
})

describe('visibleTokenBytes', () => {
  it('shows whole characters with visible whitespace, partial ones as hex', () => {
    expect(visibleTokenBytes(new TextEncoder().encode(' a\n'))).toBe('·a↵')
    expect(visibleTokenBytes(new Uint8Array([0xf0, 0x9f]))).toBe('\\xF0\\x9F')
  })
})

describe('parseChatDraft', () => {
  it('restores a saved composer; keeps the text of messages with an unknown role or a bad name; leaves out only messages without text', () => {
    const saved = { model: 'gpt-4', reserve: '2k', messages: [{ role: 'user', name: '', content: 'hi' }, { role: 'hacker', name: '', content: 'x' }, null, { role: 'tool', name: 3 }] }
    expect(parseChatDraft(JSON.stringify(saved))).toEqual({
      model: 'gpt-4',
      reserve: '2k',
      messages: [
        { role: 'user', name: '', content: 'hi' },
        { role: 'user', name: '', content: 'x' },
      ],
    })
  })
  it('falls back to a new chat for missing, corrupt or wrongly shaped input', () => {
    for (const raw of [null, '', '{', '[]', 'null', '{"model":1}']) expect(parseChatDraft(raw)).toEqual(NEW_CHAT)
  })
})

describe('readChatDraft', () => {
  const messages = [
    { role: 'system', name: '', content: 'Be brief.' },
    { role: 'user', name: 'ada', content: 'First question' },
    { role: 'assistant', name: '', content: 'An answer' },
  ]
  it('one wrong-typed field costs only that field, never the messages (it used to drop every message)', () => {
    const report = readChatDraft(JSON.stringify({ model: 42, reserve: '2k', messages }))
    expect(report.draft).toEqual({ model: NEW_CHAT.model, reserve: '2k', messages })
    expect(report.problems).toEqual([`Parts of your saved chat prompt were damaged and could not be kept: the model (now ${NEW_CHAT.model}). Everything else was kept.`])
    expect(readChatDraft(JSON.stringify({ model: 'gpt-4', reserve: null, messages })).draft.messages).toEqual(messages)
  })
  it('says which messages were changed or left out', () => {
    const report = readChatDraft(JSON.stringify({ model: 'gpt-4', reserve: '1', messages: [messages[0], { role: 'user', name: 7, content: 'kept' }, { role: 'user', content: 99 }, 'junk'] }))
    expect(report.draft.messages).toEqual([messages[0], { role: 'user', name: '', content: 'kept' }])
    expect(report.problems[0]).toMatch(/the name of message 2 \(now none\); 2 of 4 messages, which had no readable text\. Everything else was kept\./)
  })
  it('reports a file that is not JSON or not an object, and nothing for a good one or none', () => {
    expect(readChatDraft('{"model":').problems[0]).toMatch(/could not be read .*not valid JSON/)
    expect(readChatDraft('[1]').problems[0]).toMatch(/not in the expected form/)
    expect(readChatDraft(JSON.stringify({ model: 'gpt-4', reserve: '1', messages })).problems).toEqual([])
    expect(readChatDraft(null).problems).toEqual([])
  })
  it('keeps model and reserve when the messages are not a list', () => {
    const report = readChatDraft('{"model":"gpt-4","reserve":"1","messages":{}}')
    expect(report.draft).toEqual({ model: 'gpt-4', reserve: '1', messages: NEW_CHAT.messages })
    expect(report.problems[0]).toMatch(/the messages \(a new chat was started\)/)
  })
})

describe('blank messages and editor text', () => {
  const sys: ChatMessageDraft = { role: 'system', name: '', content: 'Be brief.' }
  const blankUser: ChatMessageDraft = { role: 'user', name: '', content: '' }
  it('leaves blank messages out of the count and says where the others stand', () => {
    expect(isBlankMessage(blankUser)).toBe(true)
    expect(isBlankMessage({ ...blankUser, name: 'ann' })).toBe(false)
    expect(isBlankMessage({ ...blankUser, content: ' ' })).toBe(false)
    const { messages, positions } = countedMessages([blankUser, sys, blankUser, { ...sys, role: 'user' }])
    expect(messages).toEqual([sys, { ...sys, role: 'user' }])
    expect(positions).toEqual([1, 3])
  })
  it("the new chat's empty user message adds nothing to the total", async () => {
    const enc = await loadEncoding('o200k_base')
    const withBlank = countChat(enc, 'gpt-4o', true, countedMessages(NEW_CHAT.messages).messages)
    const without = countChat(enc, 'gpt-4o', true, NEW_CHAT.messages.filter((m) => m.content !== ''))
    expect(withBlank.total).toBe(without.total)
  })
  it('puts editor text into the first blank user message, or adds one', () => {
    expect(withEditorText([sys, blankUser], 'Hello')).toEqual([sys, { role: 'user', name: '', content: 'Hello' }])
    expect(withEditorText([sys, { ...blankUser, content: 'Hi' }], 'Hello')).toEqual([sys, { ...blankUser, content: 'Hi' }, { role: 'user', name: '', content: 'Hello' }])
    // A blank system message is not a user message: the text goes to a new one.
    expect(withEditorText([{ ...sys, content: '' }], 'Hello')).toHaveLength(2)
  })
})

describe('the prompt budget in saved drafts', () => {
  it('keeps images by size and detail (no pixels) and the tools text; a damaged image is named, the rest kept', () => {
    const img = { id: 'img-1', name: 'a.png', width: 1024, height: 768, bytes: 5000, detail: 'low' }
    const raw = JSON.stringify({ model: 'gpt-4o', reserve: '0', tools: '[{"name": "f"}]', messages: [{ role: 'user', name: '', content: '', images: [img, { id: 'x', width: -1 }] }] })
    const { draft, problems } = readChatDraft(raw)
    expect(draft.tools).toBe('[{"name": "f"}]')
    expect(draft.messages[0].images).toEqual([img])
    expect(problems[0]).toMatch(/1 image of message 1/)
    // A message holding only an image is not blank: it is counted.
    expect(isBlankMessage(draft.messages[0])).toBe(false)
    expect(readChatDraft(JSON.stringify({ messages: [{ role: 'user', content: 'hi', images: [{ ...img, detail: 'ultra' }] }] })).draft.messages[0].images?.[0].detail).toBe('auto')
  })
})
