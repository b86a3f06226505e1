import { useEffect, useRef, type Dispatch, type MutableRefObject, type SetStateAction } from 'react'
import type { Settings } from '@shared/contract/settings'
import { tokenizerShortName, type TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { DocumentState } from '@shared/contract/ipc'
import type { EditorSnapshot } from '../session/editorSession'
import { useEditorSessionEvents } from '../session/useEditorSession'
import type { StatusMessage } from '../ui/StatusBar'
import type { Workspace } from '../workspace/workspace'

/** What the app does when the editor session reports something. */
export interface EditorWiringDeps {
  ws: Workspace
  settings: Settings
  setMessage(message: StatusMessage | null): void
  saveDraftSoon(): void
  textEdited(): void
  editedRef: MutableRefObject<boolean>
  setDocumentState: Dispatch<SetStateAction<DocumentState>>
  inspect(index: number | null): void
  announceToken(index: number | null): void
  setAnnouncement(text: string): void
  inspectedRef: MutableRefObject<number | null>
  inspectAtPos: MutableRefObject<number | null>
  inspectTimer: MutableRefObject<number | undefined>
  /** Puts the tokenizer picker back on `id` (a chosen tokenizer could not be loaded). */
  setTokenizer?(id: TokenizerId): void
}

/**
 * Links the editor session (src/renderer/src/session) to the rest of the app: an edit marks
 * the document edited and saves the draft soon, the inspector follows the caret and the
 * keyboard, and across an encoding or mode switch it keeps its place in the text (the token
 * now at the inspected position once the new tokens take over), not its token number.
 */
export function useEditorWiring(deps: EditorWiringDeps, editor: EditorSnapshot) {
  const { ws, settings, setMessage, saveDraftSoon, textEdited, editedRef, setDocumentState, inspect, announceToken, setAnnouncement, inspectedRef } = deps
  const { inspectAtPos: inspectAtPosRef, inspectTimer: inspectTimerRef } = deps
  const { session, streamRef } = ws
  /** Token tables swapped in before inspectAtPos was set: the position is looked up in the next one. */
  const swapsAtSwitch = useRef(0)

  /** The inspector catches up just after the count (off the keystroke's critical path). */
  const refreshInspector = () => {
    const tokens = streamRef.current?.current
    const pos = inspectAtPosRef.current
    if (pos !== null && tokens && session.tableSwaps > swapsAtSwitch.current) {
      const k = tokens.indexAt(pos)
      if (k >= 0 && tokens.chunk(tokens.chunkAt(pos)).tokens) {
        inspectedRef.current = k
        inspectAtPosRef.current = null
      }
    }
    if (inspectedRef.current === null) return
    window.clearTimeout(inspectTimerRef.current)
    inspectTimerRef.current = window.setTimeout(() => inspect(inspectedRef.current), 80)
  }

  useEditorSessionEvents(session, {
    edited: () => {
      saveDraftSoon()
      textEdited()
      if (!editedRef.current) {
        editedRef.current = true
        setDocumentState((d) => ({ ...d, edited: true }))
      }
    },
    inspect: (index, source) => {
      inspect(index)
      if (source === 'keyboard') announceToken(index)
    },
    tokensShown: refreshInspector,
    tabIndents: (indents) => setAnnouncement(indents ? 'Tab now indents.' : 'Tab now moves focus.'),
    error: (text) => setMessage({ tone: 'error', text: `Tokenizing failed: ${text}` }),
    tokenizerFailed: (id, fallback, text) => {
      deps.setTokenizer?.(fallback)
      setMessage({ tone: 'error', text: `The ${tokenizerShortName(id)} tokenizer could not be loaded: ${text} ${tokenizerShortName(fallback)} is still in use.` })
    },
  })

  useEffect(() => {
    // The inspector keeps its place in the text, not its token number, across the switch.
    const tokens = streamRef.current?.current
    const i = inspectedRef.current
    inspectAtPosRef.current = tokens && i !== null && i < tokens.count ? tokens.start(i) : null
    swapsAtSwitch.current = session.tableSwaps
  }, [settings.encoding, settings.specialMode, streamRef, session, inspectedRef, inspectAtPosRef])

  const { tokens: snapshot, index: shownIndex, work, screen, tabIndents } = editor
  return { snapshot, shownIndex, work, screen, tabIndents }
}
