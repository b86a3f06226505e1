import { useCallback, useRef } from 'react'
import type { ChatDraft } from '@shared/tools/chat'
import type { Host } from '../../host/host'
import type { StatusMessage } from '../../ui/StatusBar'

/** Chat composers larger than this are not autosaved. */
export const MAX_SAVED_CHAT_CHARS = 1_000_000
/** How soon after a chat edit it is saved. */
const CHAT_SAVE_MS = 400

/**
 * Autosaves the chat composer: `save` after each edit (400 ms after the last one), and
 * `flush` to save a pending edit at once (before the window closes, so the last edits
 * are not lost). `flush` resolves when the save is done (nothing pending: at once).
 */
export function useChatAutosave(host: Host, report: (message: StatusMessage) => void) {
  const timer = useRef<number | undefined>(undefined)
  const pending = useRef<ChatDraft | null>(null)
  const flush = useCallback(async () => {
    window.clearTimeout(timer.current)
    const draft = pending.current
    pending.current = null
    if (!draft) return
    const json = JSON.stringify(draft)
    const ok = json.length <= MAX_SAVED_CHAT_CHARS && (await host.saveState('chat', json))
    if (!ok) report((json.length <= MAX_SAVED_CHAT_CHARS && host.lastSaveProblem?.('chat')) || { tone: 'warning', text: 'The chat is too large to autosave here; copy its messages somewhere safe.' })
  }, [host, report])
  const save = useCallback(
    (draft: ChatDraft) => {
      pending.current = draft
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(() => void flush(), CHAT_SAVE_MS)
    },
    [flush],
  )
  return { save, flush }
}
