import type { TokenView } from './tokenView'

/** The fixed context limits every user sees. */
export const STANDARD_LIMITS = [1024, 4096] as const

/** The largest custom limit accepted (well above any model window). */
export const MAX_CUSTOM_LIMIT = 100_000_000

/** How a token count measures against one limit. */
export interface LimitStatus {
  limit: number
  used: number
  /** Tokens left before the limit (0 when at or over). */
  remaining: number
  /** Tokens past the limit (0 when within). */
  over: number
  /** used / limit, uncapped. */
  fraction: number
}

/** Measures `used` tokens against `limit`. */
export function limitStatus(used: number, limit: number): LimitStatus {
  return {
    limit,
    used,
    remaining: Math.max(0, limit - used),
    over: Math.max(0, used - limit),
    fraction: limit > 0 ? used / limit : 0,
  }
}

/**
 * Where the limit cuts the text: the UTF-16 offset at which the first token past the
 * limit begins, or null when all tokens fit, or when that token's index is not final yet
 * (a part of the text before it is still being tokenized).
 */
export function limitCutOffset(tokens: Pick<TokenView, 'count' | 'exactCount' | 'start'>, limit: number): number | null {
  if (limit < 0 || tokens.count <= limit || tokens.exactCount <= limit) return null
  return tokens.start(limit)
}

/**
 * Parses a limit the user typed: digits with optional separators (",", "_", spaces, "."
 * as a thousands separator) and an optional k/m suffix ("8k" = 8,000; "128K" = 128,000;
 * "1.5m" = 1,500,000). Returns null for anything else, zero, or beyond MAX_CUSTOM_LIMIT.
 */
export function parseLimit(input: string): number | null {
  const s = input.trim().toLowerCase().replace(/[\s_,]/g, '')
  const m = /^(\d+(?:\.\d+)?)([km]?)$/.exec(s)
  if (!m) return null
  let value = Number(m[1])
  if (m[2] === 'k') value *= 1000
  else if (m[2] === 'm') value *= 1_000_000
  else if (m[1].includes('.')) {
    // "4.096" without a suffix: a thousands separator, not a fraction
    if (!/^\d{1,3}(\.\d{3})+$/.test(m[1])) return null
    value = Number(m[1].replace(/\./g, ''))
  }
  value = Math.round(value)
  if (!Number.isFinite(value) || value < 1 || value > MAX_CUSTOM_LIMIT) return null
  return value
}

/**
 * A limit meter's aria-valuenow: the tokens used, but never past the limit. ARIA forbids a
 * value above aria-valuemax (the limit, which the meter's scale is), and the bar is full
 * there; how far over goes in aria-valuetext.
 */
export function meterValue(used: number, limit: number): number {
  return Math.max(0, Math.min(used, limit))
}
