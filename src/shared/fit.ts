import { FLAG_SPLIT_START } from './tokenSpans'
import type { TokenView } from './tokenView'

/** Which end of the text to keep when fitting it to a limit. */
export type FitMode = 'head' | 'tail'

/** The part of the text to keep: [from, to) in UTF-16 offsets, and how many tokens that keeps and drops. */
export interface FitRange {
  from: number
  to: number
  kept: number
  dropped: number
}

/**
 * The text range that keeps at most `limit` tokens: the first ones ('head') or the last
 * ones ('tail'). It cuts only at token boundaries and never inside a character: a token
 * that starts inside a character (an emoji split into byte tokens) moves the cut to that
 * character's edge, so a few tokens fewer may be kept. Returns null when all tokens fit.
 */
export function fitRange(tokens: TokenView, limit: number, mode: FitMode): FitRange | null {
  const n = tokens.count
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`Bad limit ${limit}`)
  if (n <= limit) return null
  if (mode === 'head') {
    let cut = limit // first token dropped
    while (cut > 0 && tokens.flags(cut) & FLAG_SPLIT_START) cut--
    const to = cut === 0 ? 0 : tokens.start(cut)
    return { from: 0, to, kept: cut, dropped: n - cut }
  }
  let first = n - limit // first token kept
  while (first < n && tokens.flags(first) & FLAG_SPLIT_START) first++
  const from = first >= n ? tokens.end(n - 1) : tokens.start(first)
  return { from, to: tokens.end(n - 1), kept: n - first, dropped: first }
}
