// Counting a chat for a tokenizer with a chat template (Llama, Qwen, DeepSeek, Gemma,
// Mistral): the conversation is rendered as apply_chat_template renders it and the rendered
// text is tokenized with special tokens recognised, since the template writes BOS,
// <|im_start|> and the like as text.
import { catalogEntry, hfAsset } from '../tokenizer/catalog'
import { renderChat, type ChatTemplateConfig } from '../tokenizer/chatTemplate'
import type { Tokenizer } from '../tokenizer/tokenizer'
import type { ToolDef } from '../budget/toolDefs'
import { ChatTextCache, MAX_STREAM_TOKENS, type ChatCount, type ChatMessageDraft, type ToolsTokens } from './chat'

/** Most tools broken down one by one (each costs a rendering). */
export const MAX_TOOLS_BROKEN_DOWN = 32

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
 * passes a message's fields: the template decides whether it is written. `tools` go to the
 * template's `tools` argument (as apply_chat_template's): the total includes them as the
 * template writes them, and `tools` says how many tokens they add (the rendering without
 * them subtracted) and, per tool, what leaving it out saves (up to MAX_TOOLS_BROKEN_DOWN tools).
 */
export function countChatWithTemplate(
  tokenizer: Tokenizer,
  config: ChatTemplateConfig,
  messages: readonly ChatMessageDraft[],
  cache: ChatTextCache = new ChatTextCache(),
  tools: readonly ToolDef[] = [],
): ChatCount {
  const texts = countMessageTexts(tokenizer, messages, cache)
  const plain = messages.map((m) => (m.name ? { role: m.role, content: m.content, name: m.name } : { role: m.role, content: m.content }))
  const rendering = renderChat(config, plain, true, tools)
  if (!rendering.ok) return { ...texts, template: { name: tokenizer.displayName, problem: rendering.reason } }
  const ids = tokenizer.tokenize(rendering.text, 'special').ids
  let toolsCount: ToolsTokens | undefined
  if (tools.length) {
    const length = (list: readonly ToolDef[]) => {
      const r = renderChat(config, plain, true, list)
      return r.ok ? tokenizer.tokenize(r.text, 'special').ids.length : NaN
    }
    const without = length([])
    const perTool = tools.length <= MAX_TOOLS_BROKEN_DOWN ? tools.map((_, k) => ids.length - length(tools.filter((__, j) => j !== k))) : []
    toolsCount = {
      method: 'template',
      total: ids.length - without,
      perTool: perTool.every(Number.isFinite) ? perTool : [],
      note: `Tools rendered by ${tokenizer.displayName}’s chat template (its tools argument, as apply_chat_template passes them).`,
    }
    if (toolsCount.total === 0) toolsCount.note += ' This template does not write tool definitions, so they add nothing.'
  }
  return {
    ...(toolsCount ? { tools: toolsCount } : {}),
    formatted: true,
    format: null,
    template: { name: tokenizer.displayName, problem: null },
    messages: texts.messages,
    prime: 0,
    total: ids.length,
    ...streamOf(tokenizer, ids),
  }
}
