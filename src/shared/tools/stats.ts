import type { TokenView } from '../document/tokenView'

/** One row of the frequency table: a token id, how often it occurs, its share, and where it first occurs. */
export interface TokenFrequency {
  id: number
  count: number
  share: number
  /** Index of its first occurrence (to show its text). */
  firstIndex: number
}

/** The `limit` most frequent token ids, most frequent first (ties: the earlier first occurrence first). */
export function tokenFrequencies(tokens: TokenView, limit = 25): TokenFrequency[] {
  const n = tokens.count
  const counts = new Map<number, { count: number; first: number }>()
  for (let i = 0; i < n; i++) {
    const id = tokens.id(i)
    const entry = counts.get(id)
    if (entry) entry.count++
    else counts.set(id, { count: 1, first: i })
  }
  return [...counts.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)
    .slice(0, limit)
    .map(([id, e]) => ({ id, count: e.count, share: n > 0 ? e.count / n : 0, firstIndex: e.first }))
}

/** The first token that starts at or after `pos` (the token count when none does). */
function firstTokenFrom(tokens: TokenView, pos: number): number {
  if (tokens.count === 0) return 0
  if (pos >= tokens.end(tokens.count - 1)) return tokens.count
  const i = tokens.indexAt(pos)
  return tokens.start(i) < pos ? i + 1 : i
}

/** How many tokens start in [from, to). */
export function tokensStartingIn(tokens: TokenView, from: number, to: number): number {
  if (to <= from || tokens.count === 0) return 0
  return firstTokenFrom(tokens, to) - firstTokenFrom(tokens, from)
}

/** Characters-per-token levels, from cheap (0: prose, about 4+ characters a token) to expensive (4: under 1.5). */
export const COST_THRESHOLDS = [4, 3, 2.2, 1.5] as const

/** The cost level (0-4) of a stretch of text from its characters per token. */
export function costLevel(charsPerToken: number): number {
  let level = 0
  while (level < COST_THRESHOLDS.length && charsPerToken < COST_THRESHOLDS[level]) level++
  return level
}
