import { useCallback, useEffect, useRef } from 'react'
import type { StatusMessage } from '../ui/StatusBar'

/** How long an info message ("Exported…", "Copied…") stays when nothing else clears it. */
export const INFO_MESSAGE_MS = 15_000

/**
 * Lets the status bar's info messages go when they no longer hold. An info message reports
 * something that just happened, so it goes when the text is next edited (after Undo, "Kept
 * the first 1,021 tokens" is no longer true) or after INFO_MESSAGE_MS; warnings and errors
 * stay until dismissed or replaced. Returns `textEdited`, cheap enough for every keystroke.
 */
export function useTransientMessages(message: StatusMessage | null, setMessage: (m: StatusMessage | null) => void): () => void {
  const current = useRef(message)
  useEffect(() => {
    current.current = message
    if (message?.tone !== 'info') return
    const t = window.setTimeout(() => setMessage(null), INFO_MESSAGE_MS)
    return () => window.clearTimeout(t)
  }, [message, setMessage])
  return useCallback(() => {
    if (current.current?.tone === 'info') {
      current.current = null
      setMessage(null)
    }
  }, [setMessage])
}
