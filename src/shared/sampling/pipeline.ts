/**
 * The sampling pipeline: the order the settings apply in, and every intermediate distribution.
 *
 * The order is Hugging Face transformers' for `generate` with `do_sample=True`: in
 * src/transformers/generation/utils.py, `GenerationMixin._get_logits_processor` appends
 * TemperatureLogitsWarper, then TopKLogitsWarper, then TopPLogitsWarper, then MinPLogitsWarper
 * (checked on huggingface/transformers at commit 000034a44ef8). Each filter sees the output of
 * the one before, renormalised (transformers sets removed logits to -Infinity and the next
 * warper takes a softmax). Temperature 0 is greedy decoding (`do_sample=False`): the most
 * probable token, which every later filter keeps.
 */
import { topK, topP, minP } from './filters'
import { renormalize } from './renormalize'
import { applyTemperature } from './temperature'

/** The sampler's settings, as the lab's controls hold them. */
export interface SamplingSettings {
  /** 0 (greedy) to 2; 1 changes nothing. */
  temperature: number
  /** 0 keeps every token. */
  topK: number
  /** 1 keeps every token. */
  topP: number
  /** 0 keeps every token. */
  minP: number
}

/** Settings that change nothing. */
export const NEUTRAL_SETTINGS: SamplingSettings = { temperature: 1, topK: 0, topP: 1, minP: 0 }

/** The names of the steps, in the order they apply. */
export const STEP_ORDER = ['temperature', 'top-k', 'top-p', 'min-p'] as const

/** One step of the pipeline and the distribution after it. */
export interface SamplingStep {
  name: (typeof STEP_ORDER)[number]
  /** Whether the setting does anything (temperature 1, top-k 0, top-p 1, min-p 0 do not). */
  active: boolean
  /** Which tokens are still candidates after this step. */
  keep: boolean[]
  /** The renormalised probabilities after this step (0 for tokens removed so far). */
  probs: number[]
  /** Top-p only: the mass of the tokens ranked before each token, on the distribution top-p saw. */
  massBefore?: number[]
}

/** The whole pipeline's result. */
export interface SamplingResult {
  /** The input probabilities (normalised). */
  input: number[]
  steps: SamplingStep[]
  /** The final distribution to sample from (= the last step's probs). */
  final: number[]
  /** Which tokens remain candidates. */
  keep: boolean[]
}

/**
 * Runs temperature, top-k, top-p and min-p in that order over `probs` (a distribution that
 * sums to 1; zeros allowed) and returns each step's distribution.
 */
export function runPipeline(probs: readonly number[], settings: SamplingSettings): SamplingResult {
  const input = [...probs]
  const steps: SamplingStep[] = []
  const logprobs = probs.map((p) => Math.log(p))
  let current = applyTemperature(logprobs, settings.temperature)
  // A token whose probability is 0 (given as 0, or too small to survive a low temperature) is no candidate.
  let keep = current.map((p) => p > 0)
  steps.push({ name: 'temperature', active: settings.temperature !== 1, keep, probs: current })

  const and = (a: boolean[], b: boolean[]) => a.map((x, i) => x && b[i])
  const filter = (name: SamplingStep['name'], active: boolean, kept: boolean[], massBefore?: number[]) => {
    keep = and(keep, kept)
    current = renormalize(current, keep)
    steps.push({ name, active, keep, probs: current, ...(massBefore ? { massBefore } : {}) })
  }
  // Each filter sees only the tokens still in play (the others have probability 0 here).
  filter('top-k', settings.topK > 0 && settings.topK < probs.length, topK(masked(current, keep), settings.topK))
  const p = topP(current, settings.topP)
  filter('top-p', settings.topP < 1, p.keep, p.massBefore)
  filter('min-p', settings.minP > 0, minP(current, settings.minP))
  return { input, steps, final: current, keep }
}

/** Removed tokens get -1, so a filter that ranks them puts them below every candidate (even one of probability 0). */
function masked(probs: number[], keep: boolean[]): number[] {
  return probs.map((p, i) => (keep[i] ? p : -1))
}
