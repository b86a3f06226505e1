import type { TokenView } from './tokenView'

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
