import { isEncodingName } from '../tokenizer/openai/encodings'
import { CARD_MODELS } from './modelCards'

/** A tokenizer catalog id ('o200k_base', 'llama3', ...; see tokenizer/catalog.ts). */
export type TokenizerId = string

/** Where the OpenAI models' windows come from. */
export const OPENAI_MODELS_SOURCE = 'gpt-tokenizer 4.0.0 model specs (from OpenAI’s model pages)'

/** A model the user can pick: it sets the tokenizer and a context window. */
export interface ModelInfo {
  name: string
  /** The model's tokenizer, by catalog id (the encoding name for OpenAI's models). */
  encoding: TokenizerId
  contextWindow: number
  maxOutput: number | null
  /** True when gpt-tokenizer knows this model's chat format (so chats can be counted exactly). */
  chat: boolean
  /** Where the window and output numbers come from (a model card or documentation URL). */
  source?: string
  /** What else to know about the numbers (scaling, API limits). */
  note?: string
  /** Set when counts with the model's tokenizer are only estimates for it; says why. */
  approximate?: string
  /** Whether the model takes images, where its spec says (gpt-tokenizer's input modalities); absent: not stated. */
  imageInput?: boolean
}

interface RawSpec {
  context_window?: number
  max_output_tokens?: number
  modalities?: { input?: string[] }
}

/**
 * Builds the model list from gpt-tokenizer's model specs and model-to-encoding map:
 * models that take text and state a context window, sorted by name, aliases kept.
 */
export function buildModelList(specs: Record<string, unknown>, encodingOf: Record<string, string>, chatModels: ReadonlySet<string> = new Set()): ModelInfo[] {
  const out: ModelInfo[] = []
  for (const [name, raw] of Object.entries(specs)) {
    const spec = raw as RawSpec
    if (!spec || typeof spec.context_window !== 'number' || spec.context_window <= 0) continue
    if (spec.modalities?.input && !spec.modalities.input.includes('text')) continue
    const encoding = encodingOf[name] ?? 'o200k_base'
    if (!isEncodingName(encoding)) continue
    out.push({
      name,
      encoding,
      contextWindow: spec.context_window,
      maxOutput: typeof spec.max_output_tokens === 'number' ? spec.max_output_tokens : null,
      chat: chatModels.has(name),
      ...(spec.modalities?.input ? { imageInput: spec.modalities.input.includes('image') } : {}),
    })
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
}

/** The models of the other bundled tokenizers (modelCards.ts), each with its source. */
export function cardModelList(): ModelInfo[] {
  return CARD_MODELS.map((m) => ({ ...m, chat: false }))
}

/**
 * Loads the model list lazily (model specs only; no encoding tables): OpenAI's from
 * gpt-tokenizer, then Llama, Qwen, DeepSeek, Gemma, Mistral and Claude from modelCards.ts.
 */
export async function loadModelList(): Promise<ModelInfo[]> {
  const [specs, mapping] = await Promise.all([import('gpt-tokenizer/models'), import('gpt-tokenizer/mapping')])
  const openai = buildModelList(
    specs as unknown as Record<string, unknown>,
    mapping.modelToEncodingMap as Record<string, string>,
    new Set(Object.keys(mapping.chatModelParams)),
  ).map((m) => ({ ...m, source: OPENAI_MODELS_SOURCE }))
  return [...openai, ...cardModelList()]
}
