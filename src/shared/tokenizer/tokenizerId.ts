import { CATALOG, catalogEntry } from './catalog'
import { DEFAULT_ENCODING } from './openai/encodings'

/**
 * The id of a tokenizer the app can use: a catalog id ('o200k_base', 'llama3', ...). OpenAI's
 * ids are their encoding names, so settings saved before other engines existed still read.
 */
export type TokenizerId = string

/** The tokenizer a new user starts with (GPT-4o and later). */
export const DEFAULT_TOKENIZER: TokenizerId = DEFAULT_ENCODING

/** True when `value` is the id of a catalog tokenizer. */
export function isTokenizerId(value: unknown): value is TokenizerId {
  return typeof value === 'string' && catalogEntry(value) !== undefined
}

/** Name shown to the user for `id` (the id itself when the catalog does not know it). */
export function tokenizerName(id: TokenizerId): string {
  return catalogEntry(id)?.name ?? id
}

/** The catalog's ids in picker order. */
export const TOKENIZER_IDS: readonly TokenizerId[] = CATALOG.map((e) => e.id)

/** One picker option: the id, the label shown and a longer description. */
export interface TokenizerOption {
  id: TokenizerId
  label: string
  title: string
}

/** Picker heading of a catalog family (Anthropic's tokenizer is only an estimate for today's models). */
function familyLabel(family: string): string {
  return family === 'Anthropic' ? 'Claude (approximate)' : family === 'OpenAI' ? 'OpenAI encodings' : family
}

/**
 * The catalog as the picker and the View menu list it: grouped by family in catalog order.
 * OpenAI's options read as before ("o200k_base — GPT-4o, ..."); an approximate tokenizer says so.
 */
export function tokenizerGroups(): { family: string; options: TokenizerOption[] }[] {
  const groups: { family: string; options: TokenizerOption[] }[] = []
  for (const e of CATALOG) {
    const family = familyLabel(e.family)
    let group = groups.find((g) => g.family === family)
    if (!group) groups.push((group = { family, options: [] }))
    const label = e.engine === 'openai' ? e.name.replace(/^(\S+) \((.*)\)$/, '$1 — $2') : e.approximate ? `${e.name} — approximate for Claude 3 and later` : e.name
    group.options.push({ id: e.id, label, title: e.approximate ? `${e.name}: ${e.approximate}` : `${e.name} (${e.source})` })
  }
  return groups
}

/** Short name for the status bar and messages: OpenAI's encoding name, else the catalog name ('Llama 3'). */
export function tokenizerShortName(id: TokenizerId): string {
  const e = catalogEntry(id)
  return !e || e.engine === 'openai' ? id : e.name
}
