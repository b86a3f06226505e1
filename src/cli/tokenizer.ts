import { loadEncoding, type LoadedEncoding } from '@shared/tokenizer/openai/encodingLoader'
import { DEFAULT_ENCODING, type EncodingName } from '@shared/tokenizer/openai/encodings'
import { loadModelList, type ModelInfo } from '@shared/models/models'
import type { TokenizerOptions } from './args'
import { usageError } from './errors'

/** The encoding to use and the model it came from (if one was named). */
export interface ResolvedTokenizer {
  encodingName: EncodingName
  model: ModelInfo | null
}

/** Model names that contain `name` (or start alike), nearest first, for an "unknown model" message. */
export function similarModels(name: string, models: readonly ModelInfo[], max = 5): string[] {
  const want = name.toLowerCase()
  const scored = models
    .map((m) => {
      const have = m.name.toLowerCase()
      let prefix = 0
      while (prefix < want.length && prefix < have.length && want[prefix] === have[prefix]) prefix++
      const score = have.includes(want) ? 1000 - have.length : prefix
      return { name: m.name, score }
    })
    .filter((s) => s.score >= 3)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
  return scored.slice(0, max).map((s) => s.name)
}

/**
 * Picks the encoding as the app does: a model sets its encoding; --encoding alone picks one;
 * neither gives the app's default. A model and an encoding that disagree are a usage error
 * (in the app, picking an encoding after a model clears the model).
 */
export function resolveTokenizer(options: Pick<TokenizerOptions, 'encoding' | 'model'>, models: readonly ModelInfo[], command: string): ResolvedTokenizer {
  if (options.model === null) return { encodingName: options.encoding ?? DEFAULT_ENCODING, model: null }
  const model = models.find((m) => m.name === options.model) ?? models.find((m) => m.name.toLowerCase() === options.model!.toLowerCase())
  if (!model) {
    const near = similarModels(options.model, models)
    throw usageError(
      `Unknown model "${options.model}".${near.length ? ` Did you mean ${near.join(', ')}?` : ''} "tokenizer-explorer models" lists the ${models.length} known models.`,
      command,
    )
  }
  if (options.encoding !== null && options.encoding !== model.encoding) {
    throw usageError(`${model.name} uses ${model.encoding}, not ${options.encoding}: give --model or --encoding, not both.`, command)
  }
  return { encodingName: model.encoding, model }
}

/** Resolves the options, loading the model list only when a model is named (no encoding is loaded). */
export async function resolveOptions(options: Pick<TokenizerOptions, 'encoding' | 'model'>, command: string): Promise<ResolvedTokenizer> {
  const models = options.model === null ? [] : await loadModelList()
  return resolveTokenizer(options, models, command)
}

/** Resolves the options and loads the encoding. */
export async function openTokenizer(options: Pick<TokenizerOptions, 'encoding' | 'model'>, command: string): Promise<ResolvedTokenizer & { encoding: LoadedEncoding }> {
  const resolved = await resolveOptions(options, command)
  return { ...resolved, encoding: await loadEncoding(resolved.encodingName) }
}
