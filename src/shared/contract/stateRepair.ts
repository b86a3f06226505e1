import { readChatDraft } from '../tools/chat'
import { readSettings } from './settings'

/** A saved value that loaded with damaged parts: what was lost, and its readable parts as JSON to save back. */
export interface StateRepair {
  key: 'settings' | 'chat'
  problems: string[]
  repaired: string
}

/**
 * The saved settings and chat that need repair (each read field by field; one that reads
 * whole is left out). The desktop and the browser build both keep a copy of the damaged
 * text, save `repaired` back and show `problems`.
 */
export function stateRepairs(values: { settings?: string | null; chat?: string | null }): StateRepair[] {
  const settings = readSettings(values.settings ?? null)
  const chat = readChatDraft(values.chat ?? null)
  const all: StateRepair[] = [
    { key: 'settings', problems: settings.problems, repaired: JSON.stringify(settings.settings) },
    { key: 'chat', problems: chat.problems, repaired: JSON.stringify(chat.draft) },
  ]
  return all.filter((r) => r.problems.length > 0)
}
