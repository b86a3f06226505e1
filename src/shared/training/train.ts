import { BpeTrainer } from './bpeTrainer'
import type { TrainedModel } from './exportTokenizer'
import { PreTokenCounter, type SplitPatternName } from './preTokens'

/** Trains `merges` merges on `texts` in one go (the command line and tests; the app's worker learns in batches). */
export function trainBpe(texts: Iterable<string>, pattern: SplitPatternName, merges: number): TrainedModel & { trainer: BpeTrainer } {
  const counter = new PreTokenCounter(pattern)
  for (const text of texts) counter.add(text)
  const trainer = new BpeTrainer(counter.counts)
  trainer.learn(merges)
  return { trainer, merges: trainer.merges, pattern, tokenByteString: (id) => trainer.tokenByteString(id) }
}
