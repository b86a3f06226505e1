import { stringify } from 'csv-stringify/browser/esm/sync'
import { FLAG_PARTIAL } from '../tokenizer/tokenSpans'
import type { TokenTable } from '../document/tokenize'
import { flatTokenView, type TokenView } from '../document/tokenView'
import { bytesToHex } from '../text/utf8'
import { CodePointCursor } from '../text/codePoints'

/**
 * One token as exported: position in the list, id, text, UTF-8 bytes in hex, and where it
 * stands in the text twice over: in code points (`text[codepoint_start:codepoint_end]` in
 * Python) and in UTF-8 bytes (`data[byte_start:byte_end]` of the text's UTF-8 bytes). A token
 * that holds part of a character has an empty code-point span (the token that ends the
 * character holds it) but its own bytes.
 */
export interface ExportedToken {
  index: number
  id: number
  text: string
  bytes: string
  codepoint_start: number
  codepoint_end: number
  byte_start: number
  byte_end: number
}

/** The export's columns, in order (the CSV header; the JSON objects' keys). */
export const EXPORT_COLUMNS = ['index', 'id', 'text', 'bytes', 'codepoint_start', 'codepoint_end', 'byte_start', 'byte_end'] as const

/**
 * Most tokens exported in one file. A spreadsheet takes at most 1,048,576 rows, and the file
 * is built in memory (a CSV row is ~40 bytes); beyond this the export says it is partial.
 */
export const MAX_EXPORT_TOKENS = 1_000_000

/**
 * Lists tokens for export. `text` is the text from offset 0 to the end of the last token
 * listed (token spans are UTF-16 offsets into it); `tokenBytes` gives a token's exact bytes
 * (from the vocabulary, so tokens holding part of a character export their real bytes,
 * never U+FFFD).
 */
export function exportedTokens(tokens: TokenView, text: string, tokenBytes: (index: number) => Uint8Array, limit = MAX_EXPORT_TOKENS): ExportedToken[] {
  const n = Math.min(tokens.count, limit)
  const out: ExportedToken[] = new Array(n)
  const points = new CodePointCursor(text)
  let byte = 0
  let point = points.at(n > 0 ? tokens.start(0) : 0)
  for (let i = 0; i < n; i++) {
    const start = tokens.start(i)
    const end = tokens.end(i)
    const bytes = tokenBytes(i)
    const pointEnd = points.at(end)
    out[i] = {
      index: i,
      id: tokens.id(i),
      text: text.slice(start, end),
      bytes: bytesToHex(bytes),
      codepoint_start: point,
      codepoint_end: pointEnd,
      byte_start: byte,
      byte_end: byte + bytes.length,
    }
    point = pointEnd
    byte += bytes.length
  }
  return out
}

/**
 * CSV with a header row, RFC 4180: CRLF between records, and every field that holds a
 * comma, a double quote, CR or LF quoted (a lone LF in a token was once written bare, and
 * Python's csv module read 1,665 rows for 1,624 tokens).
 */
export function tokensToCsv(rows: readonly ExportedToken[]): string {
  return stringify(rows as ExportedToken[], { header: true, columns: [...EXPORT_COLUMNS], record_delimiter: '\r\n', quoted_match: /[\r\n]/ })
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
  const rows = exportedTokens(view, job.text, (i) => partial.get(i) ?? utf8.encode(job.text.slice(view.start(i), view.end(i))), view.count)
  return utf8.encode(job.format === 'csv' ? tokensToCsv(rows) : tokensToJson(rows))
}

/**
 * The suggested file name of a token export. A partial one says so in its name
 * (`tokens-o200k_base-first-1000000-of-2345678.csv`), so the file never passes for the whole text.
 */
export function exportFileName(encoding: string, format: 'csv' | 'json', exported: number, total: number): string {
  const name = tokenizerFileNamePart(encoding)
  return exported < total ? `tokens-${name}-first-${exported}-of-${total}.${format}` : `tokens-${name}.${format}`
}

/**
 * A tokenizer id as part of a file name: catalog ids as they are; an opened file's id
 * ('file: My Model (2)') with every character a file system might refuse (':', spaces,
 * slashes, ...) made a '-', and cut to 100 characters.
 */
export function tokenizerFileNamePart(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'tokenizer'
}
