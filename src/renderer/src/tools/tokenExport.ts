import type { EncodingName } from '../../../shared/encodings'
import { exportedTokens, MAX_EXPORT_TOKENS, tokensToCsv, tokensToJson } from '../../../shared/exportTokens'
import { FLAG_PARTIAL } from '../../../shared/tokenSpans'
import type { TokenView } from '../../../shared/tokenView'
import type { TokenizerClient } from '../worker/tokenizerClient'

/** Every token (index, id, text, bytes in hex, span) as CSV or JSON, at most MAX_EXPORT_TOKENS of them. */
export async function tokenExport(
  tokens: TokenView,
  slice: (from: number, to: number) => string,
  client: Pick<TokenizerClient, 'tokenBytes'>,
  encoding: EncodingName,
  format: 'csv' | 'json',
): Promise<{ body: string; exported: number }> {
  const n = Math.min(tokens.count, MAX_EXPORT_TOKENS)
  // Bytes of tokens that hold part of a character come from the vocabulary, never from the text.
  const partial: number[] = []
  for (let i = 0; i < n; i++) if (tokens.flags(i) & FLAG_PARTIAL) partial.push(i)
  const fetched = await client.tokenBytes(encoding, partial.map((i) => tokens.id(i)))
  const partialBytes = new Map(partial.map((i, k) => [i, fetched[k] ?? new Uint8Array()]))
  const utf8 = new TextEncoder()
  const rows = exportedTokens(tokens, slice, (i) => partialBytes.get(i) ?? utf8.encode(slice(tokens.start(i), tokens.end(i))), n)
  return { body: format === 'csv' ? tokensToCsv(rows) : tokensToJson(rows), exported: rows.length }
}
