import { stringify } from 'csv-stringify/browser/esm/sync'
import type { TokenView } from './tokenView'
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
