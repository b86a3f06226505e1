/**
 * Drawing tokens from a distribution: one draw, or many with the observed counts.
 */
import type { Random } from './random'

/**
 * The index chosen by the uniform number `u` in [0, 1): the first token whose cumulative
 * probability exceeds u times the total (inverse transform sampling). A token of probability
 * 0 is never chosen, even when rounding leaves the running total a hair short at the end.
 */
export function pickIndex(probs: readonly number[], u: number): number {
  let total = 0
  for (const p of probs) total += p
  if (!(total > 0)) throw new RangeError('There is no probability to sample from.')
  const target = u * total
  let running = 0
  let last = -1
  for (let i = 0; i < probs.length; i++) {
    if (probs[i] <= 0) continue
    last = i
    running += probs[i]
    if (target < running) return i
  }
  return last
}

/** One token index drawn from `probs` with `random`. */
export function sampleOne(probs: readonly number[], random: Random): number {
  return pickIndex(probs, random())
}

/** How often each token was drawn in `n` draws from `probs` with `random`. */
export function sampleCounts(probs: readonly number[], n: number, random: Random): number[] {
  const counts = new Array<number>(probs.length).fill(0)
  for (let i = 0; i < n; i++) counts[sampleOne(probs, random)]++
  return counts
}
