// The chat command and check on API request bodies: totals against independent counts
// (tiktoken for the messages, the providers' published image examples, the cookbook's tools
// example, the Rust oracle for a chat template).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { oracleOrdinary } from '@shared/testing/oracle'
import { sourceReader } from '@shared/testing/bundledSources'
import { oracleForTokenizer } from '@shared/testing/tokenizerOracle'
import { renderChat, type ChatTemplateConfig } from '@shared/tokenizer/chatTemplate'
import { hfAsset, readJsonAsset } from '@shared/tokenizer/catalog'
import { memoryIO } from './io'
import { runCli } from './run'

/** A PNG's first bytes (the size readers need no more), as base64. */
function pngBase64(width: number, height: number): string {
  const b = Buffer.alloc(33)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0)
  b.writeUInt32BE(13, 8)
  b.write('IHDR', 12, 'ascii')
  b.writeUInt32BE(width, 16)
  b.writeUInt32BE(height, 20)
  b[24] = 8
  return Buffer.concat([b, deflateSync(Buffer.alloc(4))]).toString('base64')
}

const WEATHER_TOOL = {
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
}
const SYSTEM = 'You are a helpful assistant that can answer to questions about the weather.'
const USER = "What's the weather like in San Francisco?"

let dir: string
const file = (name: string, body: unknown) => {
  const path = join(dir, name)
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body, null, 2))
  return path
}
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'te-chat-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = async (args: string[]) => {
  const io = memoryIO()
  const code = await runCli(args, io, { readAsset: sourceReader })
  return { code, out: io.stdout, err: io.stderr }
}

describe('tokenizer-explorer chat', () => {
  it('the cookbook’s request (messages + one tool) is 101 tokens for gpt-4o; images add their published costs', async () => {
    const body = file('weather.json', { model: 'gpt-4o', messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: USER }], tools: [WEATHER_TOOL] })
    const plain = await run(['chat', body])
    expect(plain.code).toBe(0)
    expect(plain.out).toMatch(/total\s+101 tokens \(estimate\)/)
    expect(plain.out).toMatch(/tool get_current_weather/)

    const withImages = file('images.json', {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: SYSTEM },
        {
          role: 'user',
          content: [
            { type: 'text', text: USER },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${pngBase64(1024, 1024)}`, detail: 'high' } },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${pngBase64(2048, 4096)}` } },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${pngBase64(4000, 3000)}`, detail: 'low' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
          ],
        },
      ],
    })
    const r = await run(['chat', '--json', withImages])
    const json = JSON.parse(r.out)
    const messages = 3 + 3 + 1 + oracleOrdinary('o200k_base', SYSTEM).length + 3 + 1 + oracleOrdinary('o200k_base', USER).length
    expect(json.total).toBe(messages + 765 + 1105 + 85)
    expect(json.uncounted).toBe(1)
    expect(json.parts.find((p: { part: string }) => p.part === 'image 4 of message 2')).toMatchObject({ tokens: null, note: expect.stringMatching(/by URL.*not counted/) })
    expect(json.notes.join(' ')).toMatch(/lower bound/)
  })

  it('an Anthropic body: system, base64 image (w x h / 750, an estimate), tools with input_schema', async () => {
    const body = file('anthropic.json', {
      model: 'claude-sonnet-4-5',
      system: 'Be brief.',
      messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: pngBase64(1000, 1000) } }, { type: 'text', text: 'What is this?' }] }],
      tools: [{ name: 'lookup', description: 'Look something up', input_schema: { type: 'object', properties: { q: { type: 'string' } } } }],
    })
    const json = JSON.parse((await run(['chat', '--json', body])).out)
    expect(json.format).toBe('anthropic')
    expect(json.parts.find((p: { part: string }) => p.part === 'image 1 of message 2').tokens).toBe(1334)
    expect(json.estimate).toBe(true)
    expect(json.parts.map((p: { part: string }) => p.part)).toContain('tool lookup')
  })

  it('qwen3: messages and tools as the chat template renders them equal the Rust oracle’s count', async () => {
    const body = file('qwen.json', { model: 'qwen3-8b', messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: USER }], tools: [WEATHER_TOOL] })
    const json = JSON.parse((await run(['chat', '--json', body])).out)
    const cfg = (await readJsonAsset(sourceReader, hfAsset('qwen3', 'tokenizer_config'))) as ChatTemplateConfig
    const rendered = renderChat(cfg, [{ role: 'system', content: SYSTEM }, { role: 'user', content: USER }], true, [WEATHER_TOOL])
    if (!rendered.ok) throw new Error(rendered.reason)
    const oracle = oracleForTokenizer('qwen3')
    expect(json.total).toBe((await oracle.encode(rendered.text, 'special')).length)
    oracle.free()
  }, 60_000)

  it('check on a request body: fits or OVER (exit 1) against --limit or the model’s window; bad bodies are explained', async () => {
    const body = file('check.json', { model: 'gpt-4o', messages: [{ role: 'user', content: USER }], tools: [WEATHER_TOOL] })
    const over = await run(['check', '--limit', '50', body])
    expect(over.code).toBe(1)
    expect(over.out).toMatch(/OVER {2}.*check\.json: \d+ tokens, \d+ over the limit of 50/)
    const fits = await run(['check', '--model', 'gpt-4o', body])
    expect(fits.code).toBe(0)
    expect(fits.out).toMatch(/fits {2}.*128,000/)
    const bad = file('bad.json', '{"model": "gpt-4o", "messages": [\n  {"role": "user", "content": "hi"},\n]}')
    const r = await run(['chat', bad])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/Line 3, column 1:/)
    const noTools = file('badtools.json', { model: 'gpt-4o', messages: [], tools: [{ type: 'function', function: { description: 'no name' } }] })
    expect((await run(['chat', noTools])).err).toMatch(/Tools: Tool 1: it has no "name"/)
    expect((await run(['chat', file('nomodel.json', { messages: [] })])).err).toMatch(/names no "model"/)
  })
})
