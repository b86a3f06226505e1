import { formatCount } from '../text/format'

/** The largest limit accepted by default: limits.ts's MAX_CUSTOM_LIMIT (a test keeps them equal). */
export const MAX_LIMIT = 100_000_000

/** What a typed limit was read as: a whole number of tokens and how to say it, or why it is not one. */
export type LimitReading = { ok: true; value: number; understood: string; note?: string } | { ok: false; error: string }

const MULTIPLIER = { k: 3, m: 6 } as const

/**
 * Reads a token limit the user typed, always in en-US notation whatever the locale: digits,
 * optionally grouped by commas in threes ("8,192"), spaces or underscores ("8 192", "8_192"),
 * and an optional k (thousand) or m (million) suffix that may follow a decimal point ("1.5m").
 * A limit is a whole number from 1 to `max`; anything else gets a message that says why
 * ("12,5k" is not 125,000; "1.2345k" is not 1,234).
 * `understood` says what was read ("= 8,000 tokens"); `note` points out where k differs from
 * a binary size (8k is 8,000 here, not 8,192).
 */
export function readLimit(input: string, max = MAX_LIMIT): LimitReading {
  const shown = input.trim()
  const s = shown.toLowerCase().replace(/[\s_]/g, '')
  if (s === '') return { ok: false, error: 'Type a number of tokens, e.g. 8000, 8,192 or 128k.' }
  const m = /^([\d,]+)(?:\.(\d*))?([km]?)$/.exec(s)
  if (!m || !/\d/.test(m[1])) return { ok: false, error: `“${shown}” is not a number of tokens. Type e.g. 8000, 8,192 or 128k.` }
  const [, whole, fraction = '', suffix] = m
  if (whole.includes(',') && !/^\d{1,3}(,\d{3})+$/.test(whole)) {
    return { ok: false, error: `In “${shown}” the comma is not between groups of three digits. Commas separate thousands (8,192); decimals take a point (12.5k).` }
  }
  const digits = whole.replace(/,/g, '')
  const zeros = suffix === '' ? 0 : MULTIPLIER[suffix as 'k' | 'm']
  // Exact decimal arithmetic on the digit strings: value = whole.fraction × 10^zeros.
  const integerPart = digits + fraction.slice(0, zeros).padEnd(zeros, '0')
  const rest = fraction.slice(zeros).replace(/0+$/, '')
  if (rest !== '') {
    const exact = `${formatCount(Number(integerPart))}.${rest}`
    return { ok: false, error: `“${shown}” is ${exact} tokens; a limit is a whole number of tokens.` }
  }
  const value = Number(integerPart)
  if (!Number.isSafeInteger(value) || value > max) return { ok: false, error: `A limit is at most ${formatCount(max)} tokens.` }
  if (value < 1) return { ok: false, error: 'A limit is at least 1 token.' }
  const reading: LimitReading = { ok: true, value, understood: `= ${formatCount(value)} token${value === 1 ? '' : 's'}` }
  // "8k" for an 8,192-token window: k here is 1,000, so say how to get the binary size.
  const binary = (value / 1000) * 1024
  if (suffix === 'k' && fraction === '' && Number.isInteger(binary) && (binary & (binary - 1)) === 0 && binary <= max) {
    reading.note = `k means 1,000 here; for ${formatCount(binary)} type ${binary}.`
  }
  return reading
}
