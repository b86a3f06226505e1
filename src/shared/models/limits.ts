import { readLimit } from './limitInput'
import type { TokenView } from '../document/tokenView'

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
 * Parses a limit the user typed (see `readLimit`: en-US digits, commas between thousands, a
 * k/m suffix): the whole number of tokens, or null for anything else.
 */
export function parseLimit(input: string): number | null {
  const r = readLimit(input, MAX_CUSTOM_LIMIT)
  return r.ok ? r.value : null
}

/**
 * A limit meter's aria-valuenow: the tokens used, but never past the limit. ARIA forbids a
 * value above aria-valuemax (the limit, which the meter's scale is), and the bar is full
 * there; how far over goes in aria-valuetext.
 */
export function meterValue(used: number, limit: number): number {
  return Math.max(0, Math.min(used, limit))
}
