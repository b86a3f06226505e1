import { stringify } from 'csv-stringify/browser/esm/sync'
import { FLAG_PARTIAL } from './tokenSpans'
import type { TokenTable } from './tokenize'
import { flatTokenView, type TokenView } from './tokenView'
import { bytesToHex } from './utf8'

/** One token as exported: position in the list, id, text, UTF-8 bytes in hex, UTF-16 span. */
export interface ExportedToken {
  index: number
  id: number
  text: string
  bytes: string
  start: number
  end: number
}

/** Most tokens exported in one file (a CSV of more would be hundreds of megabytes). */
export const MAX_EXPORT_TOKENS = 1_000_000

/**
 * Lists tokens for export. `sliceText` reads the text of a span; `tokenBytes` gives a
 * token's exact bytes (from the vocabulary, so tokens holding part of a character export
 * their real bytes, never U+FFFD).
 */
export function exportedTokens(
  tokens: TokenView,
  sliceText: (from: number, to: number) => string,
  tokenBytes: (index: number) => Uint8Array,
  limit = MAX_EXPORT_TOKENS,
): ExportedToken[] {
  const n = Math.min(tokens.count, limit)
  const out: ExportedToken[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const start = tokens.start(i)
    const end = tokens.end(i)
    out[i] = { index: i, id: tokens.id(i), text: sliceText(start, end), bytes: bytesToHex(tokenBytes(i)), start, end }
  }
  return out
}

/** CSV with a header row (RFC 4180 quoting: commas, quotes and newlines in token text are safe). */
export function tokensToCsv(rows: readonly ExportedToken[]): string {
  return stringify(rows as ExportedToken[], { header: true, columns: ['index', 'id', 'text', 'bytes', 'start', 'end'], record_delimiter: '\r\n' })
}

/** Pretty JSON array of token objects. */
export function tokensToJson(rows: readonly ExportedToken[]): string {
  return JSON.stringify(rows, null, 1)
}

/**
 * An export, ready for a worker: the tokens as a flat table, the text they cover, and the
 * exact bytes of the tokens that hold part of a character (their text alone cannot say).
 */
export interface ExportJob {
  format: 'csv' | 'json'
  table: TokenTable
  /** The text from offset 0 to the end of the last token. */
  text: string
  /** Indexes of tokens that hold part of a character, ascending, and their bytes from the vocabulary. */
  partial: { indexes: Uint32Array; bytes: Uint8Array[] }
}

/** The first `n` tokens of a view as a flat table (starts has n + 1 entries: the last is the end). */
export function tokenTableOf(tokens: TokenView, n: number): TokenTable {
  const ids = new Uint32Array(n)
  const starts = new Uint32Array(n + 1)
  const flags = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    ids[i] = tokens.id(i)
    starts[i] = tokens.start(i)
    flags[i] = tokens.flags(i)
  }
  starts[n] = n > 0 ? tokens.end(n - 1) : 0
  return { ids, starts, flags }
}

/** Indexes of the tokens in a table that hold part of a character. */
export function partialTokenIndexes(table: TokenTable): Uint32Array {
  const out: number[] = []
  for (let i = 0; i < table.flags.length; i++) if (table.flags[i] & FLAG_PARTIAL) out.push(i)
  return Uint32Array.from(out)
}

/** The export file of a job, as UTF-8 bytes (a worker transfers them without a copy). */
export function exportBody(job: ExportJob): Uint8Array {
  const view = flatTokenView(job.table)
  const partial = new Map<number, Uint8Array>()
  job.partial.indexes.forEach((index, k) => partial.set(index, job.partial.bytes[k]))
  const utf8 = new TextEncoder()
  const slice = (from: number, to: number) => job.text.slice(from, to)
  const rows = exportedTokens(view, slice, (i) => partial.get(i) ?? utf8.encode(slice(view.start(i), view.end(i))), view.count)
  return utf8.encode(job.format === 'csv' ? tokensToCsv(rows) : tokensToJson(rows))
}
