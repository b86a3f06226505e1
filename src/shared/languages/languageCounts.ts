// What each language pays: tokens and characters per translation with one tokenizer, the
// ratio to English, the table's sorting and filtering, and which of several tokenizers needs
// the fewest and the most tokens for a language.
import { countText } from '../text/counts'
import { countTokens, type TokenizerInput } from '../document/tokenize'
import type { SpecialMode } from '../tokenizer/specialTokens'
import { ENGLISH_CODE, isComplete, type TextDirection, type UdhrLanguage } from './corpus'

/** One language's counts with one tokenizer. */
export interface LanguageCount {
  tokens: number
  /** Characters as the editor counts them (code points). */
  characters: number
}

/** Counts one text as the editor does: tokens chunk by chunk at the tokenizer's cuts, characters as code points. */
export function countLanguage(text: string, tokenizer: TokenizerInput, mode: SpecialMode): LanguageCount {
  return { tokens: countTokens(text, tokenizer, mode), characters: countText(text).characters }
}

/** Tokens relative to English's (null when English's count is not known or is 0). */
export function ratioTo(tokens: number, englishTokens: number | null | undefined): number | null {
  return englishTokens ? tokens / englishTokens : null
}

/** One row of the "Tokens per language" table. */
export interface LanguageRow {
  code: string
  name: string
  bcp47: string
  direction: TextDirection
  complete: boolean
  /** Null while the language is not counted yet. */
  tokens: number | null
  characters: number | null
  /** Tokens relative to English with the same tokenizer (null until both are counted). */
  ratio: number | null
}

/** The table's rows: every language with its counts (by code) and its ratio to English. */
export function languageRows(languages: readonly Omit<UdhrLanguage, 'text'>[], counts: ReadonlyMap<string, LanguageCount>): LanguageRow[] {
  const english = counts.get(ENGLISH_CODE)?.tokens
  return languages.map((l) => {
    const c = counts.get(l.code)
    return {
      code: l.code,
      name: l.name,
      bcp47: l.bcp47,
      direction: l.direction,
      complete: isComplete(l),
      tokens: c?.tokens ?? null,
      characters: c?.characters ?? null,
      ratio: c ? ratioTo(c.tokens, english) : null,
    }
  })
}

/** A column the table sorts by. */
export type SortKey = 'name' | 'tokens' | 'characters' | 'ratio'

/** Sorting: a column and its direction. */
export interface SortOrder {
  key: SortKey
  descending: boolean
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** The rows sorted by a column (a new array). Uncounted rows go last either way; ties keep name order. */
export function sortRows<R extends Pick<LanguageRow, SortKey>>(rows: readonly R[], { key, descending }: SortOrder): R[] {
  const sign = descending ? -1 : 1
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * collator.compare(a.name, b.name)
    const x = a[key]
    const y = b[key]
    if (x === null || y === null) return x === y ? collator.compare(a.name, b.name) : x === null ? 1 : -1
    return sign * (x - y) || collator.compare(a.name, b.name)
  })
}

/** Folds a name for matching: case and accents ignored ("Francais" finds "Français"). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The rows shown: complete translations only unless `showAll`, whose name, code or BCP 47 tag contains `query` (case and accents ignored). */
export function filterRows<R extends Pick<LanguageRow, 'name' | 'code' | 'bcp47' | 'complete'>>(rows: readonly R[], query: string, showAll: boolean): R[] {
  const q = fold(query.trim())
  return rows.filter((r) => (showAll || r.complete) && (q === '' || fold(r.name).includes(q) || r.code.toLowerCase() === q || r.bcp47.toLowerCase() === q))
}

/** How many translations are incomplete (left out of the table unless all are shown). */
export function incompleteCount(languages: readonly Pick<UdhrLanguage, 'stage' | 'articles'>[]): number {
  return languages.filter((l) => !isComplete(l)).length
}

/** Of several tokenizers' token counts for one language's text: those needing the fewest and the most. */
export interface Extremes<Id> {
  /** The tokenizers with the fewest tokens (several on a tie); empty when fewer than two are counted or all tie. */
  fewest: Id[]
  /** The tokenizers with the most tokens (several on a tie); empty likewise. */
  most: Id[]
}

/**
 * Which tokenizers need the fewest and the most tokens for the same text (counts absent or null
 * are skipped). Marks need two counted tokenizers that differ; otherwise nothing is marked.
 */
export function extremes<Id>(counts: ReadonlyMap<Id, number | null | undefined>): Extremes<Id> {
  const known = [...counts].filter((e): e is [Id, number] => typeof e[1] === 'number')
  if (known.length < 2) return { fewest: [], most: [] }
  const values = known.map(([, n]) => n)
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  if (lo === hi) return { fewest: [], most: [] }
  return { fewest: known.filter(([, n]) => n === lo).map(([id]) => id), most: known.filter(([, n]) => n === hi).map(([id]) => id) }
}
