import { useEffect, useRef, useState } from 'react'

/**
 * `value`, passed on at most once every `ms`: a change after a quiet spell shows at once,
 * changes in quick succession show together at the end of the interval (the last one wins,
 * none is lost). While `hold` is true nothing is passed on; the latest value follows when it
 * ends. Compared field by field, so a fresh object with the same fields is no change.
 */
export function useThrottledValue<T extends Record<string, unknown>>(value: T, ms: number, hold = false): T {
  const [shown, setShown] = useState(value)
  const lastShown = useRef(0)
  const changed = Object.keys(value).some((k) => !Object.is(value[k], shown[k]))
  useEffect(() => {
    if (!changed || hold) return
    const show = () => {
      lastShown.current = performance.now()
      setShown(value)
    }
    // Each render replaces the pending timer, so the value shown at the end is the latest.
    const timer = window.setTimeout(show, Math.max(0, lastShown.current + ms - performance.now()))
    return () => window.clearTimeout(timer)
  })
  return shown
}
