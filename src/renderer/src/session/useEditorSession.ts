import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react'
import { flushSync } from 'react-dom'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import { EditorSession, type EditorSessionEvents, type EditorSnapshot } from './editorSession'
import type { EditorDisplay } from './mountEditor'

/** What the app gives the editor session. */
export interface EditorSessionOptions {
  /** The first text (read once). */
  initialText: string
  encoding: TokenizerId
  mode: SpecialMode
  display: EditorDisplay
}

/**
 * Creates the editor session once, attaches it to the element `editorParent` refers to
 * while mounted, keeps its encoding and display in step with the options, and returns it
 * with its current snapshot (components redraw when the snapshot object changes).
 */
export function useEditorSession({ initialText, encoding, mode, display }: EditorSessionOptions): {
  session: EditorSession
  snapshot: EditorSnapshot
  editorParent: RefObject<HTMLDivElement | null>
} {
  const [session] = useState(() => new EditorSession(initialText, encoding, mode, {}, { flushSync }))
  const editorParent = useRef<HTMLDivElement | null>(null)
  useEffect(() => {
    session.attach(editorParent.current)
    return () => session.detach()
  }, [session])
  useEffect(() => session.configure(encoding, mode), [session, encoding, mode])
  const { showWhitespace, showDensity, wrapLines, lineNumbers } = display
  useEffect(() => session.setDisplay({ showWhitespace, showDensity, wrapLines, lineNumbers }), [session, showWhitespace, showDensity, wrapLines, lineNumbers])
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot)
  return { session, snapshot, editorParent }
}

/** Routes what the session tells the app to `events` (the latest ones, set before the editor starts). */
export function useEditorSessionEvents(session: EditorSession, events: EditorSessionEvents): void {
  useLayoutEffect(() => session.setEvents(events))
}
