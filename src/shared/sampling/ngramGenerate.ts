/**
 * Extending a text with its own n-gram model: at each step the model's continuations of the
 * context become a distribution, the sampler's settings reshape it (the lab's pipeline), and a
 * seeded draw picks the next token, which joins the context.
 */
import type { Continuations, NgramModel } from './ngram'
import { runPipeline, type SamplingResult, type SamplingSettings } from './pipeline'
import type { Random } from './random'
import { sampleOne } from './sample'

/** One generated token and how it was chosen. */
export interface GenerationStep {
  /** What the model found after the context (ids and counts, most frequent first). */
  continuations: Continuations
  /** The pipeline's result over those continuations (in the same order). */
  result: SamplingResult
  /** The id drawn. */
  id: number
  /** Its probability after the sampler's settings. */
  probability: number
}

/**
 * Generates up to `count` tokens after `context`, each from the continuations of at most
 * `contextLength` tokens before it (stops early only if the model knows no tokens at all).
 */
export function generateTokens(
  model: NgramModel,
  context: readonly number[],
  count: number,
  settings: SamplingSettings,
  random: Random,
  contextLength = model.maxContext,
): GenerationStep[] {
  const steps: GenerationStep[] = []
  const ctx = [...context]
  for (let s = 0; s < count; s++) {
    const continuations = model.continuations(ctx, contextLength)
    if (continuations.total === 0) break
    const probs = continuations.next.map((n) => n.count / continuations.total)
    const result = runPipeline(probs, settings)
    const pick = sampleOne(result.final, random)
    const id = continuations.next[pick].id
    steps.push({ continuations, result, id, probability: result.final[pick] })
    ctx.push(id)
    if (ctx.length > model.maxContext) ctx.shift()
  }
  return steps
}
