/**
 * Renormalisation: after a filter removes tokens, the probabilities of the tokens that are left
 * are divided by their total, so they sum to 1 again (what a softmax over the remaining logits
 * does, the removed ones being set to -Infinity).
 */

/**
 * `probs` with every token outside `keep` set to 0 and the rest scaled to sum to 1.
 * Throws if the kept tokens have no probability at all.
 */
export function renormalize(probs: readonly number[], keep: readonly boolean[]): number[] {
  let total = 0
  for (let i = 0; i < probs.length; i++) if (keep[i]) total += probs[i]
  if (!(total > 0)) throw new RangeError('The tokens kept have no probability left to renormalise.')
  return probs.map((p, i) => (keep[i] ? p / total : 0))
}

/** The indices of `probs` from the most to the least probable; equal probabilities keep their order. */
export function rankOrder(probs: readonly number[]): number[] {
  return probs.map((_, i) => i).sort((a, b) => probs[b] - probs[a] || a - b)
}
