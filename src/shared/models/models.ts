import { isEncodingName, type EncodingName } from '../tokenizer/openai/encodings'

/** A model the user can pick: it sets the encoding and a context window. */
export interface ModelInfo {
  name: string
  encoding: EncodingName
  contextWindow: number
  maxOutput: number | null
  /** True when gpt-tokenizer knows this model's chat format (so chats can be counted exactly). */
  chat: boolean
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
    })
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
}

/** Loads the model list lazily (model specs only; no encoding tables). */
export async function loadModelList(): Promise<ModelInfo[]> {
  const [specs, mapping] = await Promise.all([import('gpt-tokenizer/models'), import('gpt-tokenizer/mapping')])
  return buildModelList(
    specs as unknown as Record<string, unknown>,
    mapping.modelToEncodingMap as Record<string, string>,
    new Set(Object.keys(mapping.chatModelParams)),
  )
}
