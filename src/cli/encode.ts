import { decodeTokenBytes, leftOutMessage, NO_IDS_MESSAGE, parseIdList } from '@shared/tools/decodeIds'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import { exportedTokens } from '@shared/tools/exportTokens'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import { encodeAll, tokenTable } from './chunks'
import { FLAG_SPECIAL } from '@shared/tokenizer/tokenSpans'
import { flatTokenView } from '@shared/document/tokenView'
import { CliError, EXIT_FAIL, EXIT_NO_INPUT } from './errors'

/** One token as `encode --json` prints it. Spans are [start, end): UTF-16 units, code points and UTF-8 bytes. */
export interface EncodedToken {
  index: number
  id: number
  /** The text of its UTF-16 span (a character split across tokens belongs to the token holding its first byte). */
  text: string
  /** The token's exact UTF-8 bytes in hex, from the vocabulary ("e2 80"). */
  bytes: string
  special: boolean
  utf16: [number, number]
  codePoints: [number, number]
  /** Byte offsets: exact even inside a split character (they add up the tokens' bytes). */
  utf8: [number, number]
}

/** The tokens of `text` with their spans and bytes, from the app's tokenizer (tokenizeAll, exportedTokens). */
export function encodeWithSpans(text: string, tokenizer: Tokenizer, mode: SpecialMode): EncodedToken[] {
  const view = flatTokenView(tokenTable(text, tokenizer, mode))
  const rows = exportedTokens(view, text, (i) => tokenizer.tokenBytes(view.id(i)), view.count)
  return rows.map((r, i) => ({
    index: r.index,
    id: r.id,
    text: r.text,
    bytes: r.bytes,
    special: (view.flags(i) & FLAG_SPECIAL) !== 0,
    utf16: [view.start(i), view.end(i)],
    codePoints: [r.codepoint_start, r.codepoint_end],
    utf8: [r.byte_start, r.byte_end],
  }))
}

/** `encode --json`: keys in a fixed order, one token per line so big outputs stay readable. */
export function encodeJson(tokens: readonly EncodedToken[], encodingName: string, special: SpecialMode): string {
  const head = `{"encoding":${JSON.stringify(encodingName)},"special":${JSON.stringify(special)},"count":${tokens.length},"tokens":[`
  if (tokens.length === 0) return head + ']}\n'
  return head + '\n' + tokens.map((t) => JSON.stringify(t)).join(',\n') + '\n]}\n'
}

/** The ids of `text`, separated by spaces (chunked at the tokenizer's safe cuts, as the app does). */
export function encodePlain(text: string, tokenizer: Tokenizer, mode: SpecialMode): string {
  return encodeAll(text, tokenizer, mode).join(' ') + '\n'
}

/**
 * Decodes a list of ids (spaces, commas, newlines or a JSON array) with the app's
 * decodeTokenBytes: the bytes are joined first, so split characters come out whole. Items
 * that are not ids and ids the encoding lacks are an error (exit 1) naming each by position;
 * input with no ids at all is exit 3 ("No token ids found.", as the app says).
 * `warnings` says when the ids end inside a character.
 */
export function decodeList(input: string, tokenizer: Tokenizer): { text: string; invalidBytes: number; warnings: string[] } {
  const { ids, items, errors, total } = parseIdList(input)
  if (ids.length === 0 && errors.length === 0) throw new CliError(NO_IDS_MESSAGE, EXIT_NO_INPUT, 'decode')
  const problems = errors.map((e) => (e.item > 0 ? `item ${e.item} ("${e.text}"): ${e.message}` : e.message))
  const leftOut = leftOutMessage(total)
  if (leftOut) problems.unshift(leftOut)
  const decoded = decodeTokenBytes(ids, items, (i) => {
    try {
      return tokenizer.tokenBytes(ids[i])
    } catch {
      return null
    }
  })
  for (const u of decoded.unknown) problems.push(`item ${u.item}: ${u.id} is not a token id of ${tokenizer.id}`)
  if (problems.length > 0) {
    const shown = problems.slice(0, 20)
    if (problems.length > shown.length) shown.push(`... and ${problems.length - shown.length} more`)
    throw new CliError(`Cannot decode: ${shown.join('; ')}.`, EXIT_FAIL, 'decode')
  }
  const warnings =
    decoded.invalidBytes > 0
      ? [`the bytes do not make whole characters (the ids start or end inside one): ${decoded.invalidBytes} became U+FFFD.`]
      : []
  return { text: decoded.text, invalidBytes: decoded.invalidBytes, warnings }
}
