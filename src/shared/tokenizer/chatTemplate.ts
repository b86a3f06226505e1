import { Template } from '@huggingface/jinja'

/** One message of a conversation, as chat templates receive it. */
export interface ChatMessage {
  role: string
  content: string
}

/** What rendering needs from a tokenizer_config.json. */
export interface ChatTemplateConfig {
  chat_template?: string | { name: string; template: string }[]
  bos_token?: string | { content: string } | null
  eos_token?: string | { content: string } | null
  unk_token?: string | { content: string } | null
  pad_token?: string | { content: string } | null
}

/** A rendering, or why the template could not be rendered. */
export type ChatRendering = { ok: true; text: string } | { ok: false; reason: string }

/** A token setting's text (tokenizer_config.json writes either a string or an AddedToken object). */
function tokenText(value: ChatTemplateConfig['bos_token']): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value : (value.content ?? '')
}

/** The default template of a config (a list of named templates: the one named 'default'). */
export function chatTemplateSource(config: ChatTemplateConfig): string | null {
  const t = config.chat_template
  if (typeof t === 'string') return t
  if (Array.isArray(t)) return t.find((x) => x.name === 'default')?.template ?? null
  return null
}

/**
 * Renders a conversation as `apply_chat_template(messages, tokenize=False,
 * add_generation_prompt=...)` does: the template itself decides the BOS token, a default
 * system prompt and the generation prompt. The text is then tokenized with special tokens
 * recognised and no further BOS (the template wrote it). `tools` (OpenAI's form, as
 * transformers passes JSON schemas) go to the template's `tools` variable. A template that fails (a Jinja
 * feature the renderer lacks, or raise_exception for roles out of order) gives the reason.
 */
export function renderChat(config: ChatTemplateConfig, messages: readonly ChatMessage[], addGenerationPrompt: boolean, tools?: readonly object[]): ChatRendering {
  const source = chatTemplateSource(config)
  if (source === null) return { ok: false, reason: 'This tokenizer has no chat template.' }
  try {
    const text = new Template(source).render({
      messages,
      add_generation_prompt: addGenerationPrompt,
      bos_token: tokenText(config.bos_token),
      eos_token: tokenText(config.eos_token),
      unk_token: tokenText(config.unk_token),
      pad_token: tokenText(config.pad_token),
      // apply_chat_template's `tools` argument: passed only when there are tools (templates test `if tools`).
      ...(tools && tools.length ? { tools } : {}),
    })
    return { ok: true, text }
  } catch (e) {
    return { ok: false, reason: `The chat template could not be rendered: ${(e as Error).message}` }
  }
}
