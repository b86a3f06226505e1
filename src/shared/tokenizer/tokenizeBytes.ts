import { splitOnSpecialTokens, type SpecialMode } from './specialTokens'
import { FLAG_SPECIAL, spansFromIds } from './tokenSpans'
import type { TokenizedText } from './tokenizer'
import { utf8ByteLength } from '../text/utf8'

/** What tokenizeByBytes needs from a byte-exact tokenizer. */
export interface ByteExactEncoder {
  encodeOrdinary(text: string): number[]
  readonly specialTokens: ReadonlyMap<string, number>
  byteLength(id: number): number
}

/**
 * Ids and spans of a byte-exact tokenizer (its tokens' bytes are the text's bytes): spans
 * are summed from token byte lengths; in mode 'special' each `<|name|>` special token is
 * one id spanning the text it was found as (one id can have two names).
 */
export function tokenizeByBytes(text: string, encoder: ByteExactEncoder, mode: SpecialMode): TokenizedText {
  if (mode === 'text') {
    const ids = Uint32Array.from(text.length === 0 ? [] : encoder.encodeOrdinary(text))
    return { ids, ...spansFromIds(text, ids, encoder.byteLength) }
  }
  const ids: number[] = []
  const lengths: number[] = []
  const special: boolean[] = []
  for (const seg of splitOnSpecialTokens(text, encoder.specialTokens)) {
    if (seg.specialId !== undefined) {
      ids.push(seg.specialId)
      lengths.push(utf8ByteLength(text.slice(seg.start, seg.end)))
      special.push(true)
    } else if (seg.end > seg.start) {
      for (const id of encoder.encodeOrdinary(text.slice(seg.start, seg.end))) {
        ids.push(id)
        lengths.push(encoder.byteLength(id))
        special.push(false)
      }
    }
  }
  const indexes = Uint32Array.from(ids, (_, i) => i)
  const { starts, flags } = spansFromIds(text, indexes, (i) => lengths[i])
  for (let i = 0; i < ids.length; i++) if (special[i]) flags[i] |= FLAG_SPECIAL
  return { ids: Uint32Array.from(ids), starts, flags }
}
