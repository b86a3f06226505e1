import { formatCount } from '../text/format'
import { MAX_MERGES } from './bpeTrainer'

/** Reads a number of merges as typed (the panel's field, the command line's --merges): a whole number from 1 to MAX_MERGES, or why not. */
export function readMerges(value: string): { value: number } | { error: string } {
  const t = value.trim().replace(/[,_]/g, '')
  const n = Number(t)
  if (!/^\d+$/.test(t) || !Number.isSafeInteger(n) || n < 1 || n > MAX_MERGES) return { error: `Merges must be a whole number from 1 to ${formatCount(MAX_MERGES)}.` }
  return { value: n }
}
