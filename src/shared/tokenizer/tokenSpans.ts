import { utf8ByteLength } from '../text/utf8'
import { lastIndexAtMost } from '../text/binarySearch'

/** Flag bit: the token holds only part of a character's UTF-8 bytes (or shares one with a neighbour). */
export const FLAG_PARTIAL = 1
/** Flag bit: the token is a special token (one id for a string such as `<|endoftext|>`). */
export const FLAG_SPECIAL = 2
/** Flag bit: the token starts inside a character that it shares with the token before it. */
export const FLAG_SPLIT_START = 4

/** UTF-16 spans of a token sequence over its text. */
export interface Spans {
  /** `starts[i]` is where token i begins; `starts[n]` is the text length. Token i is [starts[i], starts[i+1]). */
  starts: Uint32Array
  /** Per-token flag bits (FLAG_PARTIAL, FLAG_SPLIT_START). */
  flags: Uint8Array
}

/**
 * Maps token ids onto the text they were encoded from by summing each token's UTF-8
 * byte length: no per-token decoding, so a token that holds part of a character keeps
 * its exact position. A boundary inside a character is moved to that character's end,
 * so the spans tile the text and the character belongs to the token holding its first byte.
 * Throws when the ids do not add up to the text's bytes.
 */
export function spansFromIds(
  text: string,
  ids: ArrayLike<number>,
  byteLength: (id: number) => number,
  textStart = 0,
  textEnd = text.length,
): Spans {
  const n = ids.length
  const starts = new Uint32Array(n + 1)
  const flags = new Uint8Array(n)
  let pos = textStart // UTF-16 index of the next unconsumed character
  let posByte = 0 // byte offset (relative to textStart) of `pos`
  let tokenByte = 0 // byte offset where token i starts
  const len = text.length
  for (let i = 0; i < n; i++) {
    // Consume characters up to the token's first byte (inlined UTF-8 lengths: this is the hot loop).
    while (posByte < tokenByte && pos < textEnd) {
      const c = text.charCodeAt(pos)
      if (c < 0x80) {
        posByte += 1
        pos += 1
      } else if (c < 0x800) {
        posByte += 2
        pos += 1
      } else if (c >= 0xd800 && c <= 0xdbff && pos + 1 < len && (text.charCodeAt(pos + 1) & 0xfc00) === 0xdc00) {
        posByte += 4
        pos += 2
      } else {
        posByte += 3
        pos += 1
      }
    }
    starts[i] = pos - textStart
    if (posByte !== tokenByte) {
      flags[i] |= FLAG_PARTIAL | FLAG_SPLIT_START
      if (i > 0) flags[i - 1] |= FLAG_PARTIAL
    }
    tokenByte += byteLength(ids[i])
  }
  if (pos < textEnd) posByte += utf8ByteLength(text.slice(pos, textEnd))
  if (posByte !== tokenByte) {
    throw new Error(`Token bytes (${tokenByte}) do not match the text's UTF-8 bytes (${posByte})`)
  }
  starts[n] = textEnd - textStart
  return { starts, flags }
}

/** Index of the token whose span contains UTF-16 offset `pos` (the last token for pos = length); -1 when there are no tokens. */
export function tokenAt(starts: ArrayLike<number>, count: number, pos: number): number {
  if (count === 0) return -1
  let lo = Math.max(0, lastIndexAtMost(count, (i) => starts[i], pos))
  // Skip zero-width tokens (bytes of a character owned by the previous token) backwards
  // only if pos is past them; a zero-width token never owns a position.
  while (lo > 0 && starts[lo] === starts[lo + 1] && starts[lo] > pos) lo--
  return lo
}
