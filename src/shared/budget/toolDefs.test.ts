import { describe, expect, it } from 'vitest'
import { loadEncoding } from '../tokenizer/openai/encodingLoader'
import { countChat, type ChatMessageDraft } from '../tools/chat'
import { readJson } from './jsonProblem'
import { countToolsCookbook, readTools } from './toolDefs'

// The cookbook's own example (How to count tokens with tiktoken, section 6).
const COOKBOOK_TOOLS = [
  {
    type: 'function',
    function: {
      name: 'get_current_weather',
      description: 'Get the current weather in a given location',
      parameters: {
        type: 'object',
        properties: {
          location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' },
          unit: { type: 'string', description: 'The unit of temperature to return', enum: ['celsius', 'fahrenheit'] },
        },
        required: ['location'],
      },
    },
  },
]
const COOKBOOK_MESSAGES: ChatMessageDraft[] = [
  { role: 'system', name: '', content: 'You are a helpful assistant that can answer to questions about the weather.' },
  { role: 'user', name: '', content: "What's the weather like in San Francisco?" },
]

describe('readJson', () => {
  it('names the line and column of the problem', () => {
    expect(readJson('[\n  {"a": 1,}\n]')).toMatchObject({ ok: false, place: { line: 2, column: 11 }, message: 'Line 2, column 11: Expected double-quoted property name.' })
    // V8 gives no position for some errors: the scan finds it.
    expect(readJson('[\n1,\n  nope]')).toMatchObject({ ok: false, place: { line: 3, column: 4 } })
    expect(readJson('[1,\n2')).toMatchObject({ ok: false, place: { line: 2, column: 2 } })
    expect(readJson('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } })
  })
})

describe('readTools', () => {
  it('reads OpenAI, Responses, bare-function and Anthropic lists into one form', () => {
    const fn = { name: 'f', description: 'd', parameters: { type: 'object', properties: { x: { type: 'string' } } } }
    const want = [{ type: 'function', function: fn }]
    expect(readTools(JSON.stringify([{ type: 'function', function: fn }]))).toEqual({ ok: true, tools: want, format: 'openai' })
    expect(readTools(JSON.stringify([{ type: 'function', ...fn }]))).toEqual({ ok: true, tools: want, format: 'openai-responses' })
    expect(readTools(JSON.stringify([fn]))).toEqual({ ok: true, tools: want, format: 'functions' })
    expect(readTools(JSON.stringify([{ name: 'f', description: 'd', input_schema: fn.parameters }]))).toEqual({ ok: true, tools: want, format: 'anthropic' })
    expect(readTools(JSON.stringify({ model: 'gpt-4o', tools: [{ type: 'function', function: fn }] }))).toMatchObject({ ok: true, tools: want })
    expect(readTools('  ')).toEqual({ ok: true, tools: [], format: null })
  })

  it('names the line where a bad tool starts', () => {
    const text = '[\n  {"type": "function", "function": {"name": "ok"}},\n  {"type": "function",\n   "function": {"description": "no name"}}\n]'
    expect(readTools(text)).toEqual({ ok: false, problems: ['Tool 2 (line 3): it has no "name" (a string).'] })
    expect(readTools('[\n  {"name": "x", "parameters": "none"}\n]')).toEqual({ ok: false, problems: ['Tool 1 (line 2) "x": its parameters must be a JSON Schema object.'] })
    expect(readTools('[\n  {"name": "a",\n}]')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^Line 3, column 1: /)] })
    expect(readTools('"tools"')).toMatchObject({ ok: false, problems: [expect.stringMatching(/expected a list of tools/)] })
    expect(readTools('[{"name": "a"}, {"type": "function", "function": {"name": "b"}}]')).toMatchObject({ ok: false, problems: [expect.stringMatching(/mixes tool formats/)] })
  })
})

describe('countToolsCookbook', () => {
  it('the cookbook’s example: 101 prompt tokens for gpt-4o and gpt-4o-mini, 105 for gpt-4 and gpt-3.5-turbo (its printed results)', async () => {
    const tools = readTools(JSON.stringify(COOKBOOK_TOOLS))
    if (!tools.ok) throw new Error(tools.problems.join())
    for (const [model, encoding, expected] of [['gpt-4o', 'o200k_base', 101], ['gpt-4o-mini', 'o200k_base', 101], ['gpt-4', 'cl100k_base', 105], ['gpt-3.5-turbo', 'cl100k_base', 105]] as const) {
      const enc = await loadEncoding(encoding)
      const messages = countChat(enc, model, true, COOKBOOK_MESSAGES).total
      const t = countToolsCookbook(tools.tools, encoding, (s) => enc.encodeOrdinary(s))
      expect(messages + t.total, model).toBe(expected)
      expect(t.total).toBe(t.perTool[0] + 12)
    }
  })

  it('no tools cost nothing; enum values and properties add tokens', async () => {
    const enc = await loadEncoding('o200k_base')
    const encode = (s: string) => enc.encodeOrdinary(s)
    expect(countToolsCookbook([], 'o200k_base', encode)).toEqual({ total: 0, perTool: [] })
    const bare = countToolsCookbook([{ type: 'function', function: { name: 'f' } }], 'o200k_base', encode)
    expect(bare.total).toBe(7 + encode('f:').length + 12)
  })
})
