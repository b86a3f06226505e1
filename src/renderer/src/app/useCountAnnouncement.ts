import { useEffect, useRef } from 'react'
import { formatCount } from '@shared/text/format'
import type { TokenSnapshot } from '../tokens/tokenStream'

/**
 * Says the new token count once after the user switches encoding or special-token mode (the
 * count itself is not a live region: it changes with every keystroke). `complete` is the
 * latest snapshot whose count is exact, or null while counting.
 */
export function useCountAnnouncement(encoding: string, specialMode: string, complete: TokenSnapshot | null, announce: (text: string) => void): void {
  /** The snapshot shown when the switch happened (null: nothing to announce). */
  const waitingSince = useRef<TokenSnapshot | null | undefined>(undefined)
  const first = useRef(true)
  const completeRef = useRef(complete)
  useEffect(() => {
    completeRef.current = complete
  }, [complete])
  useEffect(() => {
    // Not at start-up: only after a switch.
    if (first.current) {
      first.current = false
      return
    }
    waitingSince.current = completeRef.current
  }, [encoding, specialMode])
  useEffect(() => {
    if (waitingSince.current === undefined || !complete || complete === waitingSince.current || complete.encoding !== encoding) return
    waitingSince.current = undefined
    announce(`${formatCount(complete.count)} token${complete.count === 1 ? '' : 's'} in ${encoding}${specialMode === 'special' ? ', special tokens on' : ''}.`)
  }, [complete, encoding, specialMode, announce])
}
