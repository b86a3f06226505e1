import { useState } from 'react'
import type { LoadedStateResult } from '@shared/contract/ipc'
import type { StatusMessage } from '../ui/StatusBar'
import { useTransientMessages } from './useTransientMessages'

/**
 * The status bar's one message: at start the problems met reading the saved state; info
 * messages go on the next edit or after a while (`textEdited`, see useTransientMessages).
 */
export function useStatusMessage(saved: LoadedStateResult) {
  const [message, setMessage] = useState<StatusMessage | null>(() => (saved.problems.length ? { tone: 'warning', text: saved.problems.join(' ') } : null))
  const textEdited = useTransientMessages(message, setMessage)
  return { message, setMessage, textEdited }
}
