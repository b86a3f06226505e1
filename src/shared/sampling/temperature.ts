/**
 * Temperature scaling of a next-token distribution given as log-probabilities.
 *
 * A temperature T divides every logit by T before the softmax (Hugging Face's
 * TemperatureLogitsWarper): T < 1 sharpens the distribution, T > 1 flattens it. Log-probabilities
 * differ from logits by a constant, which the softmax removes, so they can be scaled the same way.
 */

/**
 * The probabilities after dividing the log-probabilities by `temperature` and taking the softmax.
 *
 * - `temperature` 0 is greedy decoding: all the mass goes to the most probable token (shared
 *   equally by tokens tied for the top, which is also the limit of ever smaller temperatures).
 * - Any positive temperature, however small or large, gives finite probabilities in [0, 1]
 *   that sum to 1: the largest log-probability is subtracted before dividing (log-sum-exp),
 *   so nothing overflows; a quotient that underflows to -Infinity simply gives 0.
 * - A log-probability of -Infinity (probability 0) stays at probability 0.
 *
 * Throws for a negative or non-finite temperature, a NaN or +Infinity log-probability, or when
 * every token has probability 0.
 */
export function applyTemperature(logprobs: readonly number[], temperature: number): number[] {
  if (!Number.isFinite(temperature) || temperature < 0) throw new RangeError(`Temperature must be a number from 0 up, not ${temperature}.`)
  let max = -Infinity
  for (const l of logprobs) {
    if (Number.isNaN(l) || l === Infinity) throw new RangeError(`A log-probability must be a number at most 0 or -Infinity, not ${l}.`)
    if (l > max) max = l
  }
  if (max === -Infinity) throw new RangeError('Every token has probability 0: there is nothing to sample.')
  if (temperature === 0) {
    const top = logprobs.filter((l) => l === max).length
    return logprobs.map((l) => (l === max ? 1 / top : 0))
  }
  // exp((l - max) / T): the top token gives exp(0) = 1, the rest are in [0, 1]; no overflow.
  const weights = logprobs.map((l) => (l === -Infinity ? 0 : Math.exp((l - max) / temperature)))
  let sum = 0
  for (const w of weights) sum += w
  return weights.map((w) => w / sum)
}
