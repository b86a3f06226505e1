import { decodeTokenBytes, parseIdList } from '../shared/decodeIds'
import type { LoadedEncoding } from '../shared/encodingLoader'
import { exportedTokens } from '../shared/exportTokens'
import type { SpecialMode } from '../shared/specialTokens'
import { tokenizeAll } from '../shared/tokenize'
import { FLAG_SPECIAL } from '../shared/tokenSpans'
import { flatTokenView } from '../shared/tokenView'
import { CliError, EXIT_FAIL } from './errors'

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
export function encodeWithSpans(text: string, encoding: LoadedEncoding, mode: SpecialMode): EncodedToken[] {
  const view = flatTokenView(tokenizeAll(text, encoding, mode).table)
  const rows = exportedTokens(view, (a, b) => text.slice(a, b), (i) => encoding.tokenBytes(view.id(i)), view.count)
  const out: EncodedToken[] = new Array(rows.length)
  let pos = 0 // UTF-16 offset reached by the code point count
  let codePoints = 0
  let byte = 0
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]
    const cpStart = (codePoints += codePointsBetween(text, pos, r.start))
    const cpEnd = (codePoints += codePointsBetween(text, r.start, r.end))
    pos = r.end
    const length = encoding.byteLength(r.id)
    out[i] = {
      index: r.index,
      id: r.id,
      text: r.text,
      bytes: r.bytes,
      special: (view.flags(i) & FLAG_SPECIAL) !== 0,
      utf16: [r.start, r.end],
      codePoints: [cpStart, cpEnd],
      utf8: [byte, byte + length],
    }
    byte += length
  }
  return out
}

/** Code points in text[from, to) (a surrogate pair counts once, a lone surrogate once). */
function codePointsBetween(text: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (!(c >= 0xdc00 && c <= 0xdfff && i > from && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800)) n++
  }
  return n
}

/** `encode --json`: keys in a fixed order, one token per line so big outputs stay readable. */
export function encodeJson(tokens: readonly EncodedToken[], encodingName: string, special: SpecialMode): string {
  const head = `{"encoding":${JSON.stringify(encodingName)},"special":${JSON.stringify(special)},"count":${tokens.length},"tokens":[`
  if (tokens.length === 0) return head + ']}\n'
  return head + '\n' + tokens.map((t) => JSON.stringify(t)).join(',\n') + '\n]}\n'
}

/** The ids of `text`, separated by spaces (the app's encodeIds on its chunks). */
export function encodePlain(text: string, encoding: LoadedEncoding, mode: SpecialMode): string {
  return tokenizeAll(text, encoding, mode).table.ids.join(' ') + '\n'
}

/**
 * Decodes a list of ids (spaces, commas, newlines or a JSON array) with the app's
 * decodeTokenBytes: the bytes are joined first, so split characters come out whole. Items
 * that are not ids and ids the encoding lacks are an error (exit 1) naming each by position.
 * `warnings` says when the ids end inside a character.
 */
export function decodeList(input: string, encoding: LoadedEncoding): { text: string; invalidBytes: number; warnings: string[] } {
  const { ids, items, errors } = parseIdList(input)
  const problems = errors.map((e) => (e.item > 0 ? `item ${e.item} ("${e.text}"): ${e.message}` : e.message))
  const decoded = decodeTokenBytes(ids, items, (i) => {
    try {
      return encoding.tokenBytes(ids[i])
    } catch {
      return null
    }
  })
  for (const u of decoded.unknown) problems.push(`item ${u.item}: ${u.id} is not a token id of ${encoding.name}`)
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
