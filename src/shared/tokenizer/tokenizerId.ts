import { CATALOG, catalogEntry } from './catalog'
import { DEFAULT_ENCODING } from './openai/encodings'

/**
 * The id of a tokenizer the app can use: a catalog id ('o200k_base', 'llama3', ...). OpenAI's
 * ids are their encoding names, so settings saved before other engines existed still read.
 */
export type TokenizerId = string

/** The tokenizer a new user starts with (GPT-4o and later). */
export const DEFAULT_TOKENIZER: TokenizerId = DEFAULT_ENCODING

/** How the id of a tokenizer opened from a file starts ('file: Llama-3-8B'). */
export const USER_TOKENIZER_PREFIX = 'file: '

/** Longest id of an opened tokenizer kept (a name from a file could be anything). */
const MAX_USER_ID_CHARS = 300

/**
 * True when `value` is the id of a tokenizer opened from a file. Such an id names no catalog
 * entry: it lasts as long as the page that registered the file (at the next start the file
 * must be read again).
 */
export function isUserTokenizerId(value: unknown): value is TokenizerId {
  return typeof value === 'string' && value.startsWith(USER_TOKENIZER_PREFIX) && value.length > USER_TOKENIZER_PREFIX.length && value.length <= MAX_USER_ID_CHARS
}

/** The id an opened tokenizer gets: its name marked as a file, numbered from the `n`th file opened on (each file gets its own id: workers keep a loaded tokenizer by id). */
export function userTokenizerId(name: string, n: number): TokenizerId {
  const suffix = n > 1 ? ` (${n})` : ''
  return `${USER_TOKENIZER_PREFIX}${name.slice(0, MAX_USER_ID_CHARS - USER_TOKENIZER_PREFIX.length - suffix.length)}${suffix}`
}

/**
 * The id for the next tokenizer opened from a file named `name`: numbered ("Llama (2)") only
 * when one of that name was opened before in this window. `opened` counts openings by name
 * and is updated.
 */
export function nextOpenedTokenizerId(name: string, opened: Map<string, number>): TokenizerId {
  const n = (opened.get(name) ?? 0) + 1
  opened.set(name, n)
  return userTokenizerId(name, n)
}

/**
 * True when `id` (a saved setting) could be the id of a tokenizer named `name` opened from a
 * file: userTokenizerId(name, n) for some n. At start-up this tells whether the file read
 * again is the one the setting was saved for, not another opened later by other means.
 */
export function isIdOfOpenedTokenizer(id: TokenizerId, name: string): boolean {
  if (id === userTokenizerId(name, 1)) return true
  const numbered = /^.* \((\d{1,9})\)$/.exec(id)
  return numbered !== null && userTokenizerId(name, Number(numbered[1])) === id
}

/** True when `value` is the id of a catalog tokenizer. */
export function isTokenizerId(value: unknown): value is TokenizerId {
  return typeof value === 'string' && catalogEntry(value) !== undefined
}

/** Name shown to the user for `id` (an opened file's name without the mark; the id itself when the catalog does not know it). */
export function tokenizerName(id: TokenizerId): string {
  return catalogEntry(id)?.name ?? (isUserTokenizerId(id) ? id.slice(USER_TOKENIZER_PREFIX.length) : id)
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

/** Short name for the status bar, panels and messages: OpenAI's encoding name, the catalog name ('Llama 3'), or an opened file's name marked as such ('Llama-3-8B (file)'). */
export function tokenizerShortName(id: TokenizerId): string {
  const e = catalogEntry(id)
  if (!e) return isUserTokenizerId(id) ? `${tokenizerName(id)} (file)` : id
  return e.engine === 'openai' ? id : e.name
}

/** The tokenizer opened from a file, as the panels list it: its id and the name to show. */
export interface OpenedTokenizerChoice {
  id: TokenizerId
  name: string
}

/** One tokenizer a panel offers: its id, the short label of its row or option, and whether it comes from a file. */
export interface TokenizerChoice {
  id: TokenizerId
  label: string
  fromFile: boolean
}

/**
 * Every tokenizer a panel offers (Compare's rows and second tokenizer, the chat's count):
 * the catalog in picker order, labelled with their short names, then the tokenizer opened
 * from a file when there is one, labelled with its name and marked as a file.
 */
export function tokenizerChoices(opened: OpenedTokenizerChoice | null): TokenizerChoice[] {
  const choices = CATALOG.map((e) => ({ id: e.id, label: tokenizerShortName(e.id), fromFile: false }))
  if (opened && isUserTokenizerId(opened.id)) choices.push({ id: opened.id, label: `${opened.name} (file)`, fromFile: true })
  return choices
}
