/**
 * What per-token log-probabilities say about a generated text: each token's surprise, the
 * sequence's perplexity, and a token's alternatives as a distribution for the lab.
 */
import type { LogprobToken } from './logprobs'
import type { TokenDistribution } from './parseDistribution'

/** Surprise in bits: −log2 p (0 for a certain token; 1 bit for a coin flip). Infinity for p = 0. */
export function surpriseBits(logprob: number): number {
  return logprob === 0 ? 0 : -logprob / Math.LN2
}

/** Perplexity, exp of the mean negative log-probability, over the tokens whose logprob is known. */
export function perplexity(tokens: readonly LogprobToken[]): { perplexity: number; counted: number; totalBits: number } | null {
  let sum = 0
  let counted = 0
  for (const t of tokens) {
    if (t.logprob === null) continue
    sum += t.logprob
    counted++
  }
  if (counted === 0) return null
  return { perplexity: Math.exp(-sum / counted), counted, totalBits: surpriseBits(sum) }
}

/** Colour bands for a token's probability, most probable first: ≥ 90%, ≥ 50%, ≥ 20%, ≥ 5%, below. */
export const PROBABILITY_BANDS = [0.9, 0.5, 0.2, 0.05] as const

/** The band (0 = most probable … 4 = least) of probability p. */
export function probabilityBand(p: number): number {
  const i = PROBABILITY_BANDS.findIndex((b) => p >= b)
  return i < 0 ? PROBABILITY_BANDS.length : i
}

/** A position's alternatives as a distribution, with how much of the mass the list holds. */
export interface Alternatives {
  /** The listed tokens (the chosen one added if the top list lacks it), with their probabilities as given (not normalised). */
  distribution: TokenDistribution
  /** The mass of the listed tokens (≤ 1); the rest, 1 − listed, is "other": tokens not listed. */
  listed: number
  /** Index of the chosen token in the distribution, or -1. */
  chosen: number
}

/**
 * The alternatives at one position: its top list, plus the chosen token when the list lacks it.
 * Two entries with the same text (distinct token ids that print alike) are told apart by a
 * suffix " (2)", " (3)"…, so each stays its own candidate.
 */
export function alternativesOf(t: LogprobToken): Alternatives {
  const entries = [...t.top]
  if (t.logprob !== null && !entries.some((a) => a.token === t.token)) entries.push({ token: t.token, logprob: t.logprob })
  entries.sort((a, b) => b.logprob - a.logprob)
  const seen = new Map<string, number>()
  const tokens: string[] = []
  const probs: number[] = []
  let chosen = -1
  for (const a of entries) {
    const n = (seen.get(a.token) ?? 0) + 1
    seen.set(a.token, n)
    if (a.token === t.token && chosen < 0) chosen = tokens.length
    tokens.push(n === 1 ? a.token : `${a.token} (${n})`)
    probs.push(Math.exp(a.logprob))
  }
  const listed = Math.min(1, probs.reduce((x, y) => x + y, 0))
  return { distribution: { tokens, probs }, listed, chosen }
}
