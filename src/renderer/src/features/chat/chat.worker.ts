/// <reference lib="webworker" />
// Counts the chat composer's messages in the model's chat format, off the UI thread: OpenAI's
// formats with gpt-tokenizer's encodings; other tokenizers through their chat template (as
// apply_chat_template renders it), or the message texts alone where there is none.
import { ChatTextCache, countChat, type ChatCount, type ChatMessageDraft } from '@shared/tools/chat'
import { chatTemplateAsset, countChatWithTemplate, countMessageTexts } from '@shared/tools/chatTemplateCount'
import { cookbookTools, jsonTools, withTools } from '@shared/tools/chatTools'
import type { ToolDef } from '@shared/budget/toolDefs'
import { loadEncoding } from '@shared/tokenizer/openai/encodingLoader'
import { isEncodingName } from '@shared/tokenizer/openai/encodings'
import { readJsonAsset } from '@shared/tokenizer/catalog'
import type { ChatTemplateConfig } from '@shared/tokenizer/chatTemplate'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import { visibleTokenBytes } from '@shared/display/visibleText'
import { customTokenizerBytes, fetchAsset, loadAppTokenizer, takeTokenizerRegistration } from '../../tokens/bundledTokenizers'
import type { ChatReply, ChatRequest } from './chatProtocol'

declare const self: DedicatedWorkerGlobalScope

// Message texts' tokens from the last count: a keystroke in one of 2,000 messages re-encodes that one.
const cache = new ChatTextCache()
// Each tokenizer's tokenizer_config.json, read once.
const configs = new Map<string, Promise<ChatTemplateConfig>>()

function templateConfig(asset: string): Promise<ChatTemplateConfig> {
  let pending = configs.get(asset)
  if (!pending) {
    pending = readJsonAsset(fetchAsset, asset) as Promise<ChatTemplateConfig>
    pending.catch(() => configs.delete(asset))
    configs.set(asset, pending)
  }
  return pending
}

/** The chat template config of a tokenizer opened from a file: its tokenizer_config.json when that has a template, else null. */
function fileTemplateConfig(id: string): ChatTemplateConfig | null {
  const bytes = customTokenizerBytes(id)?.config
  if (!bytes) return null
  try {
    const config = JSON.parse(new TextDecoder().decode(bytes)) as ChatTemplateConfig | null
    return config && typeof config === 'object' && config.chat_template ? config : null
  } catch {
    return null // the open check already said the config could not be read
  }
}

/** A count with a tokenizer that is not one of OpenAI's encodings (a catalog one, or one opened from a file). */
async function countWithTokenizer(id: string, model: string, messages: ChatMessageDraft[], tools: ToolDef[]): Promise<{ count: ChatCount; tokenizer: Tokenizer }> {
  const tokenizer = await loadAppTokenizer(id)
  const asset = chatTemplateAsset(id)
  const config = asset !== null ? await templateConfig(asset) : fileTemplateConfig(id)
  const asJson = () => jsonTools(tools, (text) => tokenizer.encodeOrdinary(text), model)
  if (config === null) return { count: withTools(countMessageTexts(tokenizer, messages, cache), asJson()), tokenizer }
  const count = countChatWithTemplate(tokenizer, config, messages, cache, tools)
  // A template that could not be rendered: the tools as their JSON text, like the messages' texts.
  return { count: count.template?.problem ? withTools(count, asJson()) : count, tokenizer }
}

self.onmessage = async (event: MessageEvent<ChatRequest>) => {
  if (takeTokenizerRegistration(event.data)) return
  const { seq, encoding, model, formatted, messages, tools = [] } = event.data
  try {
    if (!isEncodingName(encoding)) {
      const { count, tokenizer } = await countWithTokenizer(encoding, model, messages, tools)
      const labels = count.stream.map((id, k) => count.marks[k] ?? visibleTokenBytes(tokenizer.tokenBytes(id)))
      const special = count.marks.map((mark) => mark !== null)
      self.postMessage({ seq, count, labels, special } satisfies ChatReply)
      return
    }
    const enc = await loadEncoding(encoding)
    const encode = (text: string) => cache.encode(enc, text)
    const toolsCount = formatted ? cookbookTools(tools, encoding, encode) : jsonTools(tools, encode, model)
    const count = withTools(countChat(enc, model, formatted, messages as ChatMessageDraft[], cache), toolsCount)
    const labels = count.stream.map((id, k) => count.marks[k] ?? visibleTokenBytes(enc.tokenBytes(id)))
    const special = count.marks.map((mark) => mark !== null)
    self.postMessage({ seq, count, labels, special } satisfies ChatReply)
  } catch (err) {
    self.postMessage({ seq, error: err instanceof Error ? err.message : String(err) } satisfies ChatReply)
  }
}
