import type { EditorView } from '@codemirror/view'
import { useMemo, type RefObject } from 'react'
import type { Settings } from '@shared/contract/settings'
import type { SaveFileRequest } from '@shared/contract/ipc'
import { tokenField } from '../editor/tokenState'
import type { Host } from '../host/host'
import type { StatusMessage } from '../ui/StatusBar'
import type { EditorSession } from '../session/editorSession'
import type { TokenStream } from '../tokens/tokenStream'
import type { TokenizerClient } from '../worker/tokenizerClient'

/**
 * What every feature gets from the app: the editor and its tokenizer (refs, set once the
 * editor exists), the settings of the moment, the status line, and copy/save helpers that
 * report how it went there.
 */
export interface Workspace {
  /** The editor and its tokenizer (limit markers and the inspected outline go through it). */
  session: EditorSession
  viewRef: { readonly current: EditorView | null }
  clientRef: { readonly current: TokenizerClient | null }
  streamRef: { readonly current: TokenStream | null }
  /** The settings as of now (read in callbacks, never in render). */
  settingsRef: RefObject<Settings>
  setMessage(message: StatusMessage | null): void
  /** The whole text (empty before the editor exists). */
  text(): string
  /** The editor's text version now (-1 before the editor exists): says which text a result is of. */
  textVersion(): number
  /** The text from `from` to `to` (clipped to the text; empty before the editor exists). */
  slice(from: number, to: number): string
  /** Copies text to the clipboard and says so (or that it could not). */
  copy(text: string, done: string): void
  /** Saves data where the user chooses and says where (or why not). */
  saveFile(request: SaveFileRequest, done: string): Promise<void>
}

/** Creates the workspace once per session and host; `setMessage` must be stable (a state setter). */
export function useWorkspace(session: EditorSession, host: Host, settingsRef: RefObject<Settings>, setMessage: (message: StatusMessage | null) => void): Workspace {
  const { viewRef, clientRef, streamRef } = session
  return useMemo<Workspace>(
    () => ({
      session,
      viewRef,
      clientRef,
      streamRef,
      settingsRef,
      setMessage,
      text: () => viewRef.current?.state.doc.toString() ?? '',
      textVersion: () => viewRef.current?.state.field(tokenField).docVersion ?? -1,
      slice: (from, to) => {
        const doc = viewRef.current?.state.doc
        return doc ? doc.sliceString(from, Math.min(to, doc.length)) : ''
      },
      copy: (text, done) => {
        navigator.clipboard
          .writeText(text)
          .then(() => setMessage({ tone: 'info', text: done }))
          .catch(() => setMessage({ tone: 'error', text: 'Could not write to the clipboard.' }))
      },
      saveFile: async (request, done) => {
        const r = await host.saveFile(request)
        if (r.kind === 'saved') setMessage({ tone: 'info', text: `${done} (${r.name}).` })
        else if (r.kind === 'error') setMessage({ tone: 'error', text: r.message })
      },
    }),
    [session, viewRef, clientRef, streamRef, host, settingsRef, setMessage],
  )
}
