import type { ModelInfo } from '../models/models'

/** Which of an encoding's models the count fits: how many, and the smallest window that fits. */
export function modelFit(count: number, encoding: string, models: readonly ModelInfo[]): { fits: number; of: number; smallest: ModelInfo | null } {
  const own = models.filter((m) => m.encoding === encoding)
  const fitting = own.filter((m) => m.contextWindow >= count).sort((a, b) => a.contextWindow - b.contextWindow || a.name.localeCompare(b.name))
  return { fits: fitting.length, of: own.length, smallest: fitting[0] ?? null }
}
