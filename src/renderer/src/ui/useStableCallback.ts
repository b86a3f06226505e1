import { useCallback, useLayoutEffect, useRef } from 'react'

/**
 * A function whose identity never changes but which always calls the latest `fn`: lets
 * memoized panels skip re-rendering on every keystroke while their callbacks stay current.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn)
  useLayoutEffect(() => {
    ref.current = fn
  })
  return useCallback((...args: A) => ref.current(...args), [])
}
