// Counting a chat for a tokenizer with a chat template (Llama, Qwen, DeepSeek, Gemma,
// Mistral): the conversation is rendered as apply_chat_template renders it and the rendered
// text is tokenized with special tokens recognised, since the template writes BOS,
// <|im_start|> and the like as text.
import { catalogEntry, hfAsset } from '../tokenizer/catalog'
import { renderChat, type ChatTemplateConfig } from '../tokenizer/chatTemplate'
import type { Tokenizer } from '../tokenizer/tokenizer'
import { ChatTextCache, MAX_STREAM_TOKENS, type ChatCount, type ChatMessageDraft } from './chat'

/**
 * The bundled tokenizer_config.json asset of catalog tokenizer `id`, where its chat template
 * lives, or null for a tokenizer without one (OpenAI's encodings, Claude's legacy tokenizer).
 */
export function chatTemplateAsset(id: string): string | null {
  const asset = hfAsset(id, 'tokenizer_config')
  return catalogEntry(id)?.files.includes(asset) ? asset : null
}

/** Ids of the first MAX_STREAM_TOKENS tokens, with each special token's text as its mark. */
function streamOf(tokenizer: Tokenizer, ids: ArrayLike<number>): Pick<ChatCount, 'stream' | 'owners' | 'marks'> {
  const utf8 = new TextDecoder()
  const stream = Array.from({ length: Math.min(ids.length, MAX_STREAM_TOKENS) }, (_, k) => ids[k])
  return {
    stream,
    owners: stream.map(() => -2),
    marks: stream.map((id) => (tokenizer.isSpecial(id) ? utf8.decode(tokenizer.tokenBytes(id)) : null)),
  }
}

/**
 * The message texts alone, each counted as ordinary text (special-token strings stay text),
 * for a tokenizer without a chat format; the stream is the texts' tokens in order.
 */
export function countMessageTexts(tokenizer: Tokenizer, messages: readonly ChatMessageDraft[], cache: ChatTextCache = new ChatTextCache()): ChatCount {
  const counted = messages.map((m) => cache.encode(tokenizer, m.content))
  cache.settle()
  const all: number[] = []
  const owners: number[] = []
  counted.forEach((ids, i) => {
    for (let k = 0; k < ids.length && all.length < MAX_STREAM_TOKENS; k++) {
      all.push(ids[k])
      owners.push(i)
    }
  })
  const messageCounts = counted.map((ids) => ({ content: ids.length, total: ids.length }))
  const total = messageCounts.reduce((s, c) => s + c.total, 0)
  return { formatted: false, format: null, messages: messageCounts, prime: 0, total, ...streamOf(tokenizer, all), owners }
}

/**
 * Counts a chat as the tokenizer's chat template renders it (renderChat with the generation
 * prompt, then the rendered text's tokens in special mode). Per message, the count is its
 * text alone (templates trim, merge and move texts, so the format's tokens are not
 * attributed to messages). When the template cannot be rendered, the counts are the texts
 * alone and `template.problem` says why. A message's name is passed as apply_chat_template
 * passes a message's fields: the template decides whether it is written.
 */
export function countChatWithTemplate(
  tokenizer: Tokenizer,
  config: ChatTemplateConfig,
  messages: readonly ChatMessageDraft[],
  cache: ChatTextCache = new ChatTextCache(),
): ChatCount {
  const texts = countMessageTexts(tokenizer, messages, cache)
  const rendering = renderChat(
    config,
    messages.map((m) => (m.name ? { role: m.role, content: m.content, name: m.name } : { role: m.role, content: m.content })),
    true,
  )
  if (!rendering.ok) return { ...texts, template: { name: tokenizer.displayName, problem: rendering.reason } }
  const ids = tokenizer.tokenize(rendering.text, 'special').ids
  return {
    formatted: true,
    format: null,
    template: { name: tokenizer.displayName, problem: null },
    messages: texts.messages,
    prime: 0,
    total: ids.length,
    ...streamOf(tokenizer, ids),
  }
}
