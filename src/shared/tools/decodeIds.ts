import { codePointOffset } from '../text/codePoints'

/** A problem with one item of a pasted id list. */
export interface IdListError {
  /** 1-based position of the item in the list. */
  item: number
  /** UTF-16 offset of the item in the input. */
  offset: number
  text: string
  message: string
}

/** What a list with no ids at all gets, in the app and on the command line. */
export const NO_IDS_MESSAGE = 'No token ids found.'

/** Most ids decoded at once. */
export const MAX_DECODE_IDS = 1_000_000

/** The part of an id list that holds the items (inside "[...]" when it starts with "["), where it starts, and whether a "[" is left open. */
function idListBody(input: string): { body: string; base: number; unclosed: boolean } {
  if (!input.trimStart().startsWith('[')) return { body: input, base: 0, unclosed: false }
  const base = input.indexOf('[') + 1
  const close = input.lastIndexOf(']')
  return { body: input.slice(base, close >= base ? close : undefined), base, unclosed: close < base }
}

/** An item of an id list: a run of characters that are neither spaces nor commas. */
const ITEM = /[^\s,]+/g

/** The number of items in an id list (what parseIdList's `total` says), without keeping them: to tell before decoding that a list is over MAX_DECODE_IDS. */
export function countIdItems(input: string): number {
  const { body } = idListBody(input)
  const re = new RegExp(ITEM.source, 'g')
  let n = 0
  while (re.exec(body) !== null) n++
  return n
}

/**
 * Parses token ids separated by commas, spaces or newlines, optionally inside a JSON-style
 * array ("[1, 2, 3]"). Every item that is not a whole number is reported with its position;
 * the valid ones are kept in order, up to the first MAX_DECODE_IDS items; `total` counts
 * every item of the list (more than MAX_DECODE_IDS: the rest are left out).
 */
export function parseIdList(input: string): { ids: number[]; items: number[]; errors: IdListError[]; total: number } {
  const ids: number[] = []
  const items: number[] = []
  const errors: IdListError[] = []
  const { body, base, unclosed } = idListBody(input)
  if (unclosed) errors.push({ item: 0, offset: input.length, text: '', message: 'The list starts with "[" but has no closing "]".' })
  const re = new RegExp(ITEM.source, 'g')
  let item = 0
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    item++
    if (item > MAX_DECODE_IDS) continue
    const text = m[0]
    const offset = base + m.index
    if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff) {
      errors.push({ item, offset, text: text.slice(0, 40), message: 'not a token id (a whole number)' })
      continue
    }
    ids.push(Number(text))
    items.push(item)
  }
  return { ids, items, errors, total: item }
}

/** The phrase whose ids, in the encoding in use, are the Decode panel's example. */
export const DECODE_EXAMPLE = 'Hello, tokens!'

/** The Decode panel's placeholder: DECODE_EXAMPLE's ids in the encoding in use (`encode`), as a JSON array. */
export function decodePlaceholder(encode: (text: string) => readonly number[]): string {
  return `[${encode(DECODE_EXAMPLE).join(', ')}]`
}

/** What a list over MAX_DECODE_IDS is told: how many ids it has, which were decoded, and that the rest are left out of the text (and so of Copy and Save). */
export function leftOutMessage(total: number): string | null {
  if (total <= MAX_DECODE_IDS) return null
  const f = (n: number) => n.toLocaleString('en-US')
  return `The list has ${f(total)} ids; only the first ${f(MAX_DECODE_IDS)} were decoded. The text, and so Copy text and Save text, leaves out the last ${f(total - MAX_DECODE_IDS)}: decode them in a second list.`
}

/**
 * Joins the tokens' bytes and decodes them once (never token by token), so characters
 * split across tokens come out whole. `bytesOf` gives a token's bytes or null for an id
 * the encoding does not have; those are reported by item. Bytes left over at the end
 * (a character cut short) become U+FFFD and are counted.
 */
export function decodeTokenBytes(
  ids: readonly number[],
  items: readonly number[],
  bytesOf: (i: number) => Uint8Array | null,
): { text: string; unknown: { item: number; id: number }[]; invalidBytes: number } {
  const parts: Uint8Array[] = []
  const unknown: { item: number; id: number }[] = []
  let length = 0
  ids.forEach((id, i) => {
    const b = bytesOf(i)
    if (!b) unknown.push({ item: items[i], id })
    else {
      parts.push(b)
      length += b.length
    }
  })
  const all = new Uint8Array(length)
  let at = 0
  for (const p of parts) {
    all.set(p, at)
    at += p.length
  }
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(all)
  let replacements = 0
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) replacements++
  // Replacement characters the bytes themselves encode (ef bf bd) are not errors.
  let encoded = 0
  for (let i = 0; i + 2 < all.length; i++) if (all[i] === 0xef && all[i + 1] === 0xbf && all[i + 2] === 0xbd) encoded++
  return { text, unknown, invalidBytes: Math.max(0, replacements - encoded) }
}

/** Most UTF-16 units of a decoded text shown at once (laying out a 1 MB paragraph froze the window for minutes). */
export const DECODE_PREVIEW_UNITS = 10_000

/**
 * The start of `text` to show, at most `max` UTF-16 units and never half a surrogate pair,
 * and how many characters (code points) are left out.
 */
export function textPreview(text: string, max = DECODE_PREVIEW_UNITS): { shown: string; hidden: number } {
  if (text.length <= max) return { shown: text, hidden: 0 }
  let end = max
  const c = text.charCodeAt(end - 1)
  if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(end) & 0xfc00) === 0xdc00) end--
  return { shown: text.slice(0, end), hidden: codePointOffset(text, text.length) - codePointOffset(text, end) }
}
