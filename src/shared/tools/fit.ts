import { FLAG_SPLIT_START } from '../tokenizer/tokenSpans'
import type { TokenView } from '../document/tokenView'

/** What to keep when fitting text to a limit: its start, its end, or both ends around a marker. */
export type FitMode = 'head' | 'tail' | 'both'

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
export function fitRange(tokens: TokenView, limit: number, mode: 'head' | 'tail'): FitRange | null {
  const n = tokens.count
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`Bad limit ${limit}`)
  if (n <= limit) return null
  if (mode === 'head') {
    const cut = headCut(tokens, limit)
    return { from: 0, to: cut === 0 ? 0 : tokens.start(cut), kept: cut, dropped: n - cut }
  }
  const first = tailCut(tokens, limit)
  return { from: first >= n ? tokens.end(n - 1) : tokens.start(first), to: tokens.end(n - 1), kept: n - first, dropped: first }
}

/** The first token dropped when keeping at most `keep` tokens from the start, moved back to a character edge. */
function headCut(tokens: TokenView, keep: number): number {
  let cut = keep
  while (cut > 0 && tokens.flags(cut) & FLAG_SPLIT_START) cut--
  return cut
}

/** The first token kept when keeping at most `keep` tokens from the end, moved on to a character edge. */
function tailCut(tokens: TokenView, keep: number): number {
  const n = tokens.count
  let first = n - keep
  while (first < n && tokens.flags(first) & FLAG_SPLIT_START) first++
  return first
}

/** The result of fitting text to a limit by keeping its head and tail around a marker. */
export interface HeadTailFit {
  /** The head, the marker and the tail, joined. */
  text: string
  /** Its token count, as counted by the caller's encoder. */
  tokens: number
  /** Tokens of the original text kept and dropped. */
  kept: number
  dropped: number
}

/**
 * Keeps the first and last tokens of the text with `marker` between them, so the joined
 * text is at most `limit` tokens. Cuts fall only at token boundaries and character edges.
 * Joining can change how tokens merge at the seams, so the joined text is counted with
 * `count` and the budget shrunk until it fits. Returns null when the text already fits;
 * throws when the marker leaves no room.
 */
export async function fitHeadTail(
  tokens: TokenView,
  limit: number,
  marker: string,
  slice: (from: number, to: number) => string,
  count: (text: string) => Promise<number>,
): Promise<HeadTailFit | null> {
  const n = tokens.count
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`Bad limit ${limit}`)
  if (n <= limit) return null
  const end = tokens.end(n - 1)
  let budget = limit - (await count(marker))
  for (let attempt = 0; attempt < 8 && budget >= 2; attempt++) {
    const headEnd = headCut(tokens, Math.ceil(budget / 2))
    const tailStart = Math.max(headEnd, tailCut(tokens, Math.floor(budget / 2)))
    const text = slice(0, headEnd === 0 ? 0 : tokens.start(headEnd)) + marker + slice(tailStart >= n ? end : tokens.start(tailStart), end)
    const total = await count(text)
    const kept = headEnd + (n - tailStart)
    if (total <= limit) return { text, tokens: total, kept, dropped: n - kept }
    budget -= total - limit
  }
  throw new RangeError(`The marker leaves no room for text within ${limit} tokens.`)
}

/** The text kept by fitting to `limit`, and how many tokens that keeps and drops; null when everything fits. */
export async function fittedText(
  tokens: TokenView,
  limit: number,
  mode: FitMode,
  marker: string,
  slice: (from: number, to: number) => string,
  count: (text: string) => Promise<number>,
): Promise<{ text: string; kept: number; dropped: number } | null> {
  if (mode === 'both') return fitHeadTail(tokens, limit, marker, slice, count)
  const r = fitRange(tokens, limit, mode)
  return r && { text: slice(r.from, r.to), kept: r.kept, dropped: r.dropped }
}
