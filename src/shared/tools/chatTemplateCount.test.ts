// A chat counted through a chat template equals Hugging Face's Rust tokenizer encoding the
// rendered conversation (special tokens recognised, no added BOS: the template writes it).
import { describe, expect, it } from 'vitest'
import { hfAsset, loadTokenizer, readJsonAsset } from '../tokenizer/catalog'
import { renderChat, type ChatTemplateConfig } from '../tokenizer/chatTemplate'
import { sourceReader } from '../testing/bundledSources'
import { oracleForTokenizer } from '../testing/tokenizerOracle'
import type { ChatMessageDraft } from './chat'
import { chatTemplateAsset, countChatWithTemplate, countMessageTexts } from './chatTemplateCount'
import type { ToolDef } from '../budget/toolDefs'

const config = async (id: string) => (await readJsonAsset(sourceReader, hfAsset(id, 'tokenizer_config'))) as ChatTemplateConfig
const CHAT: ChatMessageDraft[] = [
  { role: 'system', name: '', content: 'You answer in one line. <|im_end|> is text here.' },
  { role: 'user', name: '', content: 'How many tokens is 日本語 and 👩🏽‍💻?' },
  { role: 'assistant', name: '', content: '  About nine.\n' },
]

describe('countChatWithTemplate', () => {
  for (const id of ['llama3', 'llama3.1', 'qwen3']) {
    it(`${id}: the total is the oracle's count of the rendered conversation; per message, the text alone`, async () => {
      const tokenizer = await loadTokenizer(id, sourceReader)
      const cfg = await config(id)
      const count = countChatWithTemplate(tokenizer, cfg, CHAT)
      const rendered = renderChat(cfg, CHAT, true)
      if (!rendered.ok) throw new Error(rendered.reason)
      const oracle = oracleForTokenizer(id)
      const expected = await oracle.encode(rendered.text, 'special')
      expect(count.total).toBe(expected.length)
      expect(count.stream).toEqual(expected)
      expect(count.template).toEqual({ name: tokenizer.displayName, problem: null })
      expect(count.formatted).toBe(true)
      // The template's own tokens are marked with their text: Llama's BOS, Qwen's <|im_start|>.
      expect(count.marks[0]).toBe(id.startsWith('llama3') ? '<|begin_of_text|>' : '<|im_start|>')
      for (const [i, m] of CHAT.entries()) expect(count.messages[i].content).toBe((await oracle.encode(m.content, 'text')).length)
      // The generation prompt is counted: the rendering ends with the assistant header.
      expect(rendered.text.endsWith(id.startsWith('llama3') ? '<|start_header_id|>assistant<|end_header_id|>\n\n' : '<|im_start|>assistant\n')).toBe(true)
      oracle.free()
    }, 60_000)
  }

  it('llama3.1 renders the Llama 3.1+ format (system header with the date lines), which counts differently from Llama 3', async () => {
    const rendered = renderChat(await config('llama3.1'), CHAT, true)
    if (!rendered.ok) throw new Error(rendered.reason)
    expect(rendered.text).toMatch(/^<\|begin_of_text\|><\|start_header_id\|>system<\|end_header_id\|>\n\nCutting Knowledge Date: December 2023\nToday Date: \d\d \w{3} \d{4}\n\nYou answer in one line\./)
    const count31 = countChatWithTemplate(await loadTokenizer('llama3.1', sourceReader), await config('llama3.1'), CHAT)
    const count3 = countChatWithTemplate(await loadTokenizer('llama3', sourceReader), await config('llama3'), CHAT)
    expect(count31.total - count3.total).toBeGreaterThan(10)
    expect(chatTemplateAsset('llama3.1')).toBe('llama3.1.tokenizer_config.json.gz')
  }, 60_000)

  it('a template that cannot be rendered gives its reason and the texts alone', async () => {
    const tokenizer = await loadTokenizer('qwen3', sourceReader)
    const count = countChatWithTemplate(tokenizer, { chat_template: "{{ raise_exception('Conversation roles must alternate') }}" }, CHAT)
    expect(count.template).toEqual({ name: 'Qwen 3', problem: 'The chat template could not be rendered: Conversation roles must alternate' })
    expect(count.formatted).toBe(false)
    expect(count).toMatchObject(countMessageTexts(tokenizer, CHAT))
    expect(count.total).toBe(count.messages.reduce((s, m) => s + m.content, 0))
    expect(countChatWithTemplate(tokenizer, {}, CHAT).template?.problem).toBe('This tokenizer has no chat template.')
  }, 60_000)

  it('passes a message name to the template as apply_chat_template does (the template decides whether to write it)', async () => {
    const tokenizer = await loadTokenizer('qwen3', sourceReader)
    const cfg = { chat_template: "{% for m in messages %}<|im_start|>{{ m.role }}{% if m.name %} ({{ m.name }}){% endif %}: {{ m.content }}<|im_end|>{% endfor %}" }
    const named: ChatMessageDraft[] = [{ role: 'user', name: 'ada_lovelace', content: 'Hi' }, { role: 'user', name: '', content: 'Hello' }]
    const count = countChatWithTemplate(tokenizer, cfg, named)
    const oracle = oracleForTokenizer('qwen3')
    expect(count.stream).toEqual(await oracle.encode('<|im_start|>user (ada_lovelace): Hi<|im_end|><|im_start|>user: Hello<|im_end|>', 'special'))
    oracle.free()
  }, 60_000)

  it('knows which tokenizers carry a chat template file', () => {
    expect(chatTemplateAsset('llama3')).toBe('llama3.tokenizer_config.json.gz')
    expect(chatTemplateAsset('o200k_base')).toBeNull()
    expect(chatTemplateAsset('claude-legacy')).toBeNull()
    expect(chatTemplateAsset('nope')).toBeNull()
  })
})

describe('countChatWithTemplate with tools', () => {
  const TOOLS: ToolDef[] = [
    { type: 'function', function: { name: 'get_current_weather', description: 'Get the current weather in a given location', parameters: { type: 'object', properties: { location: { type: 'string', description: 'The city and state' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['location'] } } },
    { type: 'function', function: { name: 'search_web', description: 'Search the web', parameters: { type: 'object', properties: { query: { type: 'string' } } } } },
  ]
  const ASK: ChatMessageDraft[] = [{ role: 'system', name: '', content: 'You help.' }, { role: 'user', name: '', content: 'Weather in Paris?' }]
  for (const id of ['llama3.1', 'qwen3']) {
    it(`${id}: the template writes the tools; the total is the Rust oracle's count of that rendering`, async () => {
      const tokenizer = await loadTokenizer(id, sourceReader)
      const cfg = await config(id)
      const rendered = renderChat(cfg, ASK, true, TOOLS)
      if (!rendered.ok) throw new Error(rendered.reason)
      expect(rendered.text).toContain('"name": "get_current_weather"')
      expect(rendered.text).toContain('search_web')
      const count = countChatWithTemplate(tokenizer, cfg, ASK, undefined, TOOLS)
      const oracle = oracleForTokenizer(id)
      expect(count.total).toBe((await oracle.encode(rendered.text, 'special')).length)
      const plain = renderChat(cfg, ASK, true)
      if (!plain.ok) throw new Error(plain.reason)
      expect(count.tools?.total).toBe(count.total - (await oracle.encode(plain.text, 'special')).length)
      expect(count.tools?.method).toBe('template')
      // Each tool's share is what leaving it out saves: the bigger definition saves more.
      expect(count.tools?.perTool).toHaveLength(2)
      expect(count.tools!.perTool[0]).toBeGreaterThan(count.tools!.perTool[1])
      expect(count.tools!.perTool[1]).toBeGreaterThan(5)
      oracle.free()
    }, 60_000)
  }
})
