import { isolateHistory } from '@codemirror/commands'
import type { EditorView } from '@codemirror/view'
import { useCallback, useLayoutEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react'
import { decideIncoming, hasUnsavedText, smallestChange } from '@shared/contract/incomingFile'
import type { DocumentState, FileOpenedEvent, OpenedTextFile, OpenTextFileResult } from '@shared/contract/ipc'
import type { PendingFile } from './FileConflictBar'
import type { StatusMessage } from '../ui/StatusBar'
import { WELCOME_TEXT } from '../welcomeText'

/** What useIncomingFile needs from the app. */
export interface IncomingFileDeps {
  viewRef: RefObject<EditorView | null>
  /** True while the text differs from the file it came from (kept in step with documentState.edited). */
  editedRef: RefObject<boolean>
  documentState: DocumentState
  setDocumentState: Dispatch<SetStateAction<DocumentState>>
  setMessage(message: StatusMessage): void
}

/**
 * Takes file texts that arrive (opened, launched, changed on disk, restored) into the
 * editor as decideIncoming says: unsaved text is never replaced without asking (the
 * question is `pending`, answered with `keepMine` or `loadPending`), and a file's text
 * goes in by the smallest change, so a growing log adds only its new lines to the undo
 * history instead of a copy of the whole text per re-read.
 */
export function useIncomingFile({ viewRef, editedRef, documentState, setDocumentState, setMessage }: IncomingFileDeps) {
  const [pending, setPending] = useState<PendingFile | null>(null)
  const nameRef = useRef(documentState.name)
  useLayoutEffect(() => {
    nameRef.current = documentState.name
  }, [documentState.name])

  /** Puts a file's text in the editor as one undoable step (opened files show from the top). */
  const load = useCallback(
    (file: OpenedTextFile, reason: FileOpenedEvent['reason']) => {
      const view = viewRef.current
      if (!view) return
      const change = smallestChange(view.state.doc.toString(), file.text)
      const opened = reason !== 'changed'
      if (change) {
        view.dispatch({
          changes: change,
          ...(opened ? { selection: { anchor: 0 }, scrollIntoView: true } : {}),
          // Its own undo step, so Undo brings back exactly the text that was replaced.
          annotations: isolateHistory.of('full'),
          userEvent: 'input.file',
        })
      }
      if (opened) view.focus()
      editedRef.current = false
      setDocumentState({ name: file.name, edited: false })
      setPending(null)
      const what = reason === 'changed' ? `${file.name} changed on disk and was read again.` : `Opened ${file.name}.`
      setMessage(
        file.warning
          ? { tone: 'warning', text: `${file.warning} Undo (Ctrl+Z) brings back the previous text.` }
          : { tone: 'info', text: `${what} Undo (Ctrl+Z) brings back the previous text.` },
      )
    },
    [viewRef, editedRef, setDocumentState, setMessage],
  )

  const applyOpened = useCallback(
    (opened: OpenTextFileResult, reason: FileOpenedEvent['reason'] = 'opened') => {
      const view = viewRef.current
      if (opened.kind === 'cancelled' || !view) return
      if (opened.kind === 'error') {
        setMessage({ tone: 'error', text: opened.message })
        return
      }
      const current = view.state.doc.toString()
      const unsaved = hasUnsavedText({ name: nameRef.current, edited: editedRef.current }, current, WELCOME_TEXT)
      switch (decideIncoming({ reason, current, incoming: opened.file.text, unsaved })) {
        case 'ignore':
          setPending(null)
          return
        case 'name-only': {
          // The text stays; the title names its file, edited when they differ.
          const edited = current !== opened.file.text
          editedRef.current = edited
          setDocumentState({ name: opened.file.name, edited })
          return
        }
        case 'ask':
          setPending({ name: opened.file.name, text: opened.file.text, warning: opened.file.warning, reason: reason === 'changed' ? 'changed' : 'launched' })
          return
        case 'replace':
        case 'reload':
          load(opened.file, reason)
      }
    },
    [viewRef, editedRef, setDocumentState, setMessage, load],
  )

  /** The user keeps their text: the question goes, the text stays edited (the autosave keeps it). */
  const keepMine = useCallback(() => {
    if (pending) setMessage({ tone: 'info', text: `Kept your text. ${pending.name} on disk differs; File > Save Text As writes yours to a file.` })
    setPending(null)
  }, [pending, setMessage])

  /** The user takes the file's text (Undo brings theirs back). */
  const loadPending = useCallback(() => {
    if (pending) load({ name: pending.name, text: pending.text, warning: pending.warning }, pending.reason)
  }, [pending, load])

  /** Drops the question without a choice (the text no longer comes from that file: File > New). */
  const dismiss = useCallback(() => setPending(null), [])

  return { applyOpened, pending, keepMine, loadPending, dismiss }
}
