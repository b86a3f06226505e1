// Tool definitions in a chat's count: OpenAI's cookbook estimate for OpenAI's chat format,
// the definitions' JSON text for a model without a chat format (Claude's legacy tokenizer
// among them), and (chatTemplateCount.ts) the chat template's own rendering for open models.
import { countToolsCookbook, OPENAI_TOOLS_SOURCE, type ToolDef } from '../budget/toolDefs'
import type { ChatCount, ToolsTokens } from './chat'

/** The count with the tools added: `tools` set and `total` grown by their tokens (no tools: the count as it is). */
export function withTools(count: ChatCount, tools: ToolsTokens | null): ChatCount {
  return tools ? { ...count, tools, total: count.total + tools.total } : count
}

/** Tools counted by OpenAI's cookbook (for OpenAI's chat formats), or null for none. */
export function cookbookTools(tools: readonly ToolDef[], encoding: string, encode: (text: string) => ArrayLike<number>): ToolsTokens | null {
  if (!tools.length) return null
  const c = countToolsCookbook(tools, encoding, encode)
  return {
    method: 'cookbook',
    ...c,
    note: 'Tools counted by OpenAI’s cookbook method, which OpenAI gives as an estimate: nested schemas and other keys are not counted.',
    source: OPENAI_TOOLS_SOURCE,
  }
}

/** Tools counted as their JSON text (each tool's JSON), an estimate for models whose tool format is not known here; null for none. */
export function jsonTools(tools: readonly ToolDef[], encode: (text: string) => ArrayLike<number>, model: string): ToolsTokens | null {
  if (!tools.length) return null
  const perTool = tools.map((t) => encode(JSON.stringify(t.function)).length)
  return {
    method: 'json',
    total: perTool.reduce((s, n) => s + n, 0),
    perTool,
    note: `Tools counted as their JSON text: how ${model} writes them into the prompt is not known here, so this is an estimate${/^claude-/.test(model) ? ' (Anthropic also adds a tool-use system prompt of a few hundred tokens, not counted)' : ''}.`,
  }
}
