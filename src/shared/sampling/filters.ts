/**
 * The three truncation filters, each returning which tokens it keeps. They follow Hugging
 * Face transformers' warpers (src/transformers/generation/logits_process.py: TopKLogitsWarper,
 * TopPLogitsWarper, MinPLogitsWarper, with min_tokens_to_keep = 1) in what they keep, with one
 * rule made explicit where PyTorch's sort leaves it open: tokens of exactly equal probability are
 * kept or removed together, never split by their order in the list.
 *
 * Each filter always keeps the most probable token(s), so something is always left to sample.
 */
import { rankOrder } from './renormalize'

/**
 * Top-k: the `k` most probable tokens, plus any tied with the k-th (transformers removes only
 * scores strictly below the k-th largest). `k` 0 (or at least the number of tokens) keeps all.
 */
export function topK(probs: readonly number[], k: number): boolean[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`Top-k must be a whole number from 0 up, not ${k}.`)
  if (k === 0 || k >= probs.length) return probs.map(() => true)
  const threshold = probs[rankOrder(probs)[k - 1]]
  return probs.map((p) => p >= threshold)
}

/** What top-p decided: which tokens it keeps, and for the chart the running total it cut on. */
export interface TopPResult {
  keep: boolean[]
  /** For each token (by index): the probability mass of all tokens ranked strictly before it. */
  massBefore: number[]
}

/**
 * Top-p (nucleus): going down from the most probable token, a token is kept while the mass of
 * the tokens before it is still below `p`; the first token that brings the total to `p` or more
 * is the last one kept. This is transformers' rule (a token goes when the mass of it and every
 * token below it is at most 1 - p) counted from the top. `p` 1 keeps all (transformers skips
 * the step); a `p` smaller than the top token keeps just the top token (min_tokens_to_keep 1).
 * Tokens tied in probability share the mass before the first of them, so they stay together.
 * `probs` should sum to 1 (top-p reads them as a distribution).
 */
export function topP(probs: readonly number[], p: number): TopPResult {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Top-p must be a number from 0 to 1, not ${p}.`)
  const order = rankOrder(probs)
  const massBefore = new Array<number>(probs.length).fill(0)
  const keep = new Array<boolean>(probs.length).fill(false)
  let running = 0
  let groupStart = 0
  for (let r = 0; r < order.length; r++) {
    const i = order[r]
    // A tie with the previous token: the same mass before as the first of the group.
    if (r > 0 && probs[i] === probs[order[r - 1]]) massBefore[i] = groupStart
    else {
      groupStart = running
      massBefore[i] = running
    }
    running += probs[i]
    keep[i] = p >= 1 || massBefore[i] < p || probs[i] === probs[order[0]]
  }
  return { keep, massBefore }
}

/**
 * Min-p: tokens whose probability is at least `minP` times the top token's. `minP` 0 keeps all,
 * 1 keeps the top token and its ties. The ratio is the same before or after renormalising, so
 * it does not matter which earlier filters ran.
 */
export function minP(probs: readonly number[], minP: number): boolean[] {
  if (!(minP >= 0 && minP <= 1)) throw new RangeError(`Min-p must be a number from 0 to 1, not ${minP}.`)
  let top = 0
  for (const p of probs) if (p > top) top = p
  const threshold = minP * top
  return probs.map((p) => p >= threshold && (p > 0 || threshold === 0))
}
