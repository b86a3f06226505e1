import type { TokenView } from '../document/tokenView'
import { asTokenizer, type TokenizerInput } from '../document/tokenize'
import { formatCount } from '../text/format'
import { visibleTokenBytes } from '../display/visibleText'

/** Results listed at most per search; the rest are counted ("N more"). */
export const MAX_VOCAB_RESULTS = 200

/** One token of a vocabulary: its id, exact bytes, and for a special token its name. */
export interface VocabEntry {
  readonly id: number
  readonly bytes: Uint8Array
  /** The special token's name (its bytes are the name's UTF-8); undefined for ordinary tokens. */
  readonly special?: string
}

/** An encoding's tokens, prepared for searching: every ordinary id, then every special-token name. */
export interface Vocabulary {
  readonly encoding: string
  readonly entries: readonly VocabEntry[]
  /** One more than the largest id. */
  readonly idLimit: number
  /** The entry of an id (for a special id with two names, the first), or undefined for an unused id. */
  byId(id: number): VocabEntry | undefined
}

/** Prepares a loaded encoding's tokens for search (o200k: about 200,000 entries; run it in a worker). */
export function vocabularyOf(input: TokenizerInput): Vocabulary {
  const enc = asTokenizer(input)
  const entries: VocabEntry[] = []
  const index = new Map<number, VocabEntry>()
  for (let id = 0; id < enc.ordinaryCount; id++) {
    if (enc.isSpecial(id)) continue
    let bytes: Uint8Array
    try {
      bytes = enc.tokenBytes(id)
    } catch {
      continue // a hole in the table (e.g. cl100k 100256)
    }
    const entry = { id, bytes }
    entries.push(entry)
    index.set(id, entry)
  }
  const utf8 = new TextEncoder()
  let idLimit = enc.ordinaryCount
  for (const [name, id] of enc.specialTokens) {
    const entry = { id, bytes: utf8.encode(name), special: name }
    entries.push(entry)
    if (!index.has(id)) index.set(id, entry)
    idLimit = Math.max(idLimit, id + 1)
  }
  return { encoding: enc.id, entries, idLimit, byId: (id) => index.get(id) }
}

/** What the user typed, understood: nothing, an id (`#123`), text (digits are both), or a mistake. */
export type VocabQuery =
  | { kind: 'empty' }
  | { kind: 'id'; id: number }
  | { kind: 'text'; text: string; id?: number }
  | { kind: 'invalid'; message: string }

/**
 * Reads a search: `#123` (or `# 123`) is an id; a bare number is an id and text; `#-1`, `#1.5`
 * are mistakes; anything else (including `#include` and pure white space) is text, as typed.
 */
export function parseVocabQuery(input: string): VocabQuery {
  if (input === '') return { kind: 'empty' }
  const hash = /^#\s*([-+]?\d[\d.,eE+-]*)$/.exec(input.trim())
  if (hash) {
    const digits = hash[1]
    if (!/^\d+$/.test(digits)) return { kind: 'invalid', message: `Token ids are whole numbers from 0; “${input.trim()}” is not one.` }
    return { kind: 'id', id: Number(digits) }
  }
  if (/^\d+$/.test(input)) return { kind: 'text', text: input, id: Number(input) }
  return { kind: 'text', text: input }
}

/** How a token matched. */
export type VocabMatchKind = 'id' | 'exact' | 'substring'

/** One found token, ready to show. */
export interface VocabMatch {
  id: number
  match: VocabMatchKind
  /** The text with white space made visible, or `\xNN` escapes when the bytes are not whole UTF-8 characters. */
  shown: string
  /** The bytes in hex, space-separated ("20 74 68 65"). */
  hex: string
  special: boolean
}

/** A search's answer: matches (ids first, then exact text, then substrings by id), how many more, and a note. */
export interface VocabSearchResult {
  matches: VocabMatch[]
  /** Matches found but not listed (past the limit). */
  more: number
  /** Why nothing was found, when the input explains it (a bad or unknown id). */
  message?: string
}

/** The bytes of a token in hex ("20 74 68 65"). */
export function hexBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')
}

function matchOf(entry: VocabEntry, match: VocabMatchKind): VocabMatch {
  return { id: entry.id, match, shown: visibleTokenBytes(entry.bytes), hex: hexBytes(entry.bytes), special: entry.special !== undefined }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function containsBytes(hay: Uint8Array, needle: Uint8Array): boolean {
  const last = hay.length - needle.length
  const first = needle[0]
  outer: for (let i = 0; i <= last; i++) {
    if (hay[i] !== first) continue
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

/** Why an id finds nothing: out of range, or an unused id inside the range. */
function unknownIdMessage(vocab: Vocabulary, id: number): string {
  return id < vocab.idLimit
    ? `${vocab.encoding} has no token ${formatCount(id)} (the id is unused).`
    : `${vocab.encoding} has no token ${formatCount(id)} (its ids run 0–${formatCount(vocab.idLimit - 1)}).`
}

/**
 * Searches a vocabulary by id (exact), by exact text and by substring (both compared as UTF-8
 * bytes, so a token holding part of a character is found by that character's bytes too).
 * Lists at most `limit` matches and counts the rest; special tokens are searched by name.
 */
export function searchVocabulary(vocab: Vocabulary, input: string, limit = MAX_VOCAB_RESULTS): VocabSearchResult {
  const query = parseVocabQuery(input)
  if (query.kind === 'empty') return { matches: [], more: 0 }
  if (query.kind === 'invalid') return { matches: [], more: 0, message: query.message }
  const matches: VocabMatch[] = []
  let more = 0
  const add = (entry: VocabEntry, kind: VocabMatchKind) => {
    if (matches.length < limit) matches.push(matchOf(entry, kind))
    else more++
  }
  let message: string | undefined
  const id = query.id
  let byId: VocabEntry | undefined
  if (id !== undefined) {
    byId = Number.isSafeInteger(id) ? vocab.byId(id) : undefined
    if (byId) add(byId, 'id')
    else if (query.kind === 'id') message = unknownIdMessage(vocab, id)
  }
  if (query.kind === 'text') {
    const needle = new TextEncoder().encode(query.text)
    const substrings: VocabEntry[] = []
    for (const entry of vocab.entries) {
      if (entry === byId) continue
      if (sameBytes(entry.bytes, needle)) add(entry, 'exact')
      else if (entry.bytes.length > needle.length && containsBytes(entry.bytes, needle)) substrings.push(entry)
    }
    // Substrings after every exact match; among them, lower ids (earlier merges) first.
    substrings.sort((a, b) => a.id - b.id)
    for (const entry of substrings) add(entry, 'substring')
  }
  return message === undefined ? { matches, more } : { matches, more, message }
}

/** How often a token occurs in a text, and the index of its first occurrence (-1: none). */
export interface TokenOccurrences {
  count: number
  first: number
}

/** Occurrences of each of `ids` among the tokens, in one pass (a million tokens: a few ms). */
export function occurrencesOf(tokens: TokenView, ids: readonly number[]): TokenOccurrences[] {
  const out = ids.map(() => ({ count: 0, first: -1 }))
  const slot = new Map<number, TokenOccurrences>()
  ids.forEach((id, k) => {
    const seen = slot.get(id)
    if (seen) out[k] = seen // the same id twice (e.g. a special token's two names) shares one count
    else slot.set(id, out[k])
  })
  const n = tokens.count
  for (let i = 0; i < n; i++) {
    const o = slot.get(tokens.id(i))
    if (o && o.count++ === 0) o.first = i
  }
  return out
}
