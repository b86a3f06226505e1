import { catalogEntry, type ByteReader } from '@shared/tokenizer/catalog'
import { DEFAULT_ENCODING } from '@shared/tokenizer/openai/encodings'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import { loadModelList, type ModelInfo } from '@shared/models/models'
import type { TokenizerOptions } from './args'
import { loadSource, sourceId, tokenizerSource, type TokenizerSource } from './engine'
import { usageError } from './errors'

/** The tokenizer to use and the model it came from (if one was named). */
export interface ResolvedTokenizer {
  source: TokenizerSource
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
 * Picks the tokenizer as the app does: a model sets its tokenizer; --tokenizer (or --encoding)
 * alone picks one; none gives the app's default. A model and a catalog tokenizer that
 * disagree are a usage error (in the app, picking a tokenizer after a model clears the
 * model). A tokenizer.json path with a model is allowed: the file counts, the model gives
 * the window and price.
 */
export function resolveTokenizer(options: Pick<TokenizerOptions, 'encoding' | 'model' | 'tokenizer'>, models: readonly ModelInfo[], command: string): ResolvedTokenizer {
  const given = chosenSource(options, command)
  if (options.model === null) return { source: given ?? { kind: 'catalog', id: DEFAULT_ENCODING }, model: null }
  const model = models.find((m) => m.name === options.model) ?? models.find((m) => m.name.toLowerCase() === options.model!.toLowerCase())
  if (!model) {
    const near = similarModels(options.model, models)
    throw usageError(
      `Unknown model "${options.model}".${near.length ? ` Did you mean ${near.join(', ')}?` : ''} "tokenizer-explorer models" lists the ${models.length} known models.`,
      command,
    )
  }
  if (given?.kind === 'catalog' && given.id !== model.encoding) {
    throw usageError(`${model.name} uses ${model.encoding}, not ${given.id}: give --model or --tokenizer, not both.`, command)
  }
  return { source: given ?? { kind: 'catalog', id: model.encoding }, model }
}

/** The tokenizer named by --tokenizer or --encoding (both: they must agree), or null. */
function chosenSource(options: Pick<TokenizerOptions, 'encoding' | 'tokenizer'>, command: string): TokenizerSource | null {
  const fromTokenizer = options.tokenizer === null ? null : tokenizerSource(options.tokenizer, command)
  const fromEncoding = options.encoding === null ? null : tokenizerSource(options.encoding, command)
  if (fromTokenizer && fromEncoding && sourceId(fromTokenizer) !== sourceId(fromEncoding)) {
    throw usageError(`--encoding ${options.encoding} and --tokenizer ${options.tokenizer} disagree: give one of them.`, command)
  }
  return fromTokenizer ?? fromEncoding
}

/** Resolves the options, loading the model list only when a model is named (no tokenizer is loaded). */
export async function resolveOptions(options: Pick<TokenizerOptions, 'encoding' | 'model' | 'tokenizer'>, command: string): Promise<ResolvedTokenizer> {
  const models = options.model === null ? [] : await loadModelList()
  return resolveTokenizer(options, models, command)
}

/** Resolves the options and loads the tokenizer (bundled files through `readAsset`). */
export async function openTokenizer(
  options: Pick<TokenizerOptions, 'encoding' | 'model' | 'tokenizer'>,
  readAsset: ByteReader,
  command: string,
): Promise<ResolvedTokenizer & { tokenizer: Tokenizer }> {
  const resolved = await resolveOptions(options, command)
  return { ...resolved, tokenizer: await loadSource(resolved.source, readAsset, command) }
}

/**
 * The line printed on standard error when counts are only estimates (Claude's models, the
 * claude-legacy tokenizer), or null for exact counts.
 */
export function estimateNote(resolved: ResolvedTokenizer): string | null {
  const why = resolved.model?.approximate ?? (resolved.source.kind === 'catalog' ? catalogEntry(resolved.source.id)?.approximate : undefined)
  return why ? `note: counts are estimates. ${why}` : null
}
