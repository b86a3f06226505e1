import type { TokenizedText } from '../tokenizer'
import { FLAG_SPECIAL } from '../tokenSpans'

/** A character folded for matching: compatibility-decomposed, marks dropped, lower case. */
const fold = (c: string) => c.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

/**
 * Spans for a tokenizer that gives no offsets (the general engine): each token's text is
 * looked for in the original, folded (case, accents and compatibility forms ignored, as
 * BERT-style normalizers change them), from where the previous token started; a token not
 * found near there starts where the previous one ended. Approximate by nature, but the
 * spans always tile the text.
 */
export function alignSpans(text: string, ids: readonly number[], surface: (id: number) => string, isSpecial: (id: number) => boolean): TokenizedText {
  let folded = ''
  const origin: number[] = []
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!
    const ch = String.fromCodePoint(cp)
    const f = fold(ch)
    for (let k = 0; k < f.length; k++) origin.push(i)
    folded += f
    i += ch.length
  }
  origin.push(text.length)
  const starts = new Uint32Array(ids.length + 1)
  const flags = new Uint8Array(ids.length)
  let cursor = 0
  for (let t = 0; t < ids.length; t++) {
    const needle = surface(ids[t]).split('').map(fold).join('').trimStart()
    const at = needle.length > 0 ? folded.indexOf(needle, cursor) : -1
    const near = at >= 0 && at - cursor <= 8 + needle.length * 2
    starts[t] = origin[near ? at : cursor]
    if (near) cursor = at + needle.length
    if (isSpecial(ids[t])) flags[t] = FLAG_SPECIAL
  }
  starts[ids.length] = text.length
  for (let t = 1; t <= ids.length; t++) if (starts[t] < starts[t - 1]) starts[t] = starts[t - 1]
  if (ids.length > 0) starts[0] = 0
  return { ids: Uint32Array.from(ids), starts, flags }
}
