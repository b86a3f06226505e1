import { isExtendingChar } from '@marijn/find-cluster-break'

const ZWJ = 0x200d

function isRegionalIndicator(code: number): boolean {
  return code >= 0x1f1e6 && code <= 0x1f1ff
}

/** The code point that ends at `pos` (a surrogate pair read whole). */
function codePointBefore(text: string, pos: number): number {
  const low = text.charCodeAt(pos - 1)
  if (low >= 0xdc00 && low < 0xe000 && pos >= 2) {
    const high = text.charCodeAt(pos - 2)
    if (high >= 0xd800 && high < 0xdc00) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000
  }
  return low
}

/**
 * The last run of regional indicators (flag halves) isClusterBoundary walked back through,
 * so that asking about every position of a line of 30,000 flags scans the run once.
 */
export interface FlagRunCache {
  text: string
  /** Where the run starts, and a position up to which it is known to continue. */
  start: number
  end: number
}

/** Where the run of regional indicators that ends at `pos` starts (pos itself when none ends there). */
function flagRunStart(text: string, pos: number, cache?: FlagRunCache): number {
  if (cache && cache.text === text && cache.start <= pos) {
    let p = cache.end
    while (p < pos && isRegionalIndicator(text.codePointAt(p)!)) p += 2
    if (p === pos) {
      cache.end = pos
      return cache.start
    }
  }
  let start = pos
  while (start >= 2 && isRegionalIndicator(codePointBefore(text, start))) start -= 2
  if (cache) Object.assign(cache, { text, start, end: pos })
  return start
}

/**
 * Whether `pos` is a grapheme cluster boundary in `text`, by the rules CodeMirror moves the
 * cursor by (@marijn/find-cluster-break: surrogate pairs, extending characters, zero-width
 * joiners, flag pairs). Decided from the characters around `pos` (and, inside a run of flags,
 * where the run starts), so it costs the same inside a cluster of any length; CodeMirror's
 * backward search takes time quadratic in the cluster's length there.
 */
export function isClusterBoundary(text: string, pos: number, flagRuns?: FlagRunCache): boolean {
  if (pos <= 0 || pos >= text.length) return true
  const next = text.codePointAt(pos)!
  // Inside a surrogate pair.
  if (next >= 0xdc00 && next < 0xe000 && codePointBefore(text, pos + 1) > 0xffff) return false
  const prev = codePointBefore(text, pos)
  if (prev === ZWJ || next === ZWJ || isExtendingChar(next)) return false
  // Flags pair up from the start of a run of regional indicators (each two UTF-16 units).
  if (isRegionalIndicator(next)) return ((pos - flagRunStart(text, pos, flagRuns)) / 2) % 2 === 0
  return true
}
