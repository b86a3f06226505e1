/**
 * The largest index i in [0, count) whose value is at most `target`, for values that never
 * decrease with i (chunk starts, prefix sums); -1 when there is none (or count is 0). One
 * search for every "which chunk / which token holds this position" question.
 */
export function lastIndexAtMost(count: number, valueAt: (i: number) => number, target: number): number {
  let lo = 0
  let hi = count - 1
  if (hi < 0 || valueAt(0) > target) return -1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (valueAt(mid) <= target) lo = mid
    else hi = mid - 1
  }
  return lo
}
