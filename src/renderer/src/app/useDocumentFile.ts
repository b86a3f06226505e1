import { isolateHistory } from '@codemirror/commands'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { DocumentState, LoadedStateResult } from '@shared/contract/ipc'
import type { Host } from '../host/host'
import { isTokenizerFileName, type DroppedTokenizer } from '../host/tokenizerFiles'
import type { Workspace } from '../workspace/workspace'
import { useIncomingFile } from './useIncomingFile'

/** How soon after an edit the draft is saved. */
const DRAFT_SAVE_MS = 600

/**
 * The document's file lifecycle: the first text (saved draft or sample), the draft autosave,
 * the open file's name and edited mark (shown in the title), New, Open, Save Text As, dropped
 * files, and files that arrive while the text has unsaved changes (useIncomingFile). A dropped
 * tokenizer.json or folder goes to `onTokenizerDrop` instead of the editor.
 */
export function useDocumentFile(host: Host, saved: LoadedStateResult, ws: Workspace, onTokenizerDrop?: (drop: DroppedTokenizer) => void) {
  const { viewRef, setMessage } = ws
  /** The open file's name (null: untitled) and whether the text changed since it was opened or saved. */
  const [documentState, setDocumentState] = useState<DocumentState>({ name: null, edited: false })
  const editedRef = useRef(false)
  /** The first text: the saved draft, or the sample on a first start. */
  const draftTimer = useRef<number | undefined>(undefined)
  const draftWarned = useRef(false)
  useEffect(() => host.setDocumentState(documentState), [host, documentState])

  /** Saves the draft now (after an edit, and before the window closes). */
  const saveDraft = useCallback(async () => {
    window.clearTimeout(draftTimer.current)
    draftTimer.current = undefined
    const view = viewRef.current
    if (!view) return
    const ok = view.state.doc.length <= host.maxDraftChars && (await host.saveState('draft', view.state.doc.toString()))
    if (!ok && !draftWarned.current) {
      draftWarned.current = true
      setMessage(host.lastSaveProblem?.('draft') ?? { tone: 'warning', text: 'This text is too large to autosave here; save it to a file to keep it.' })
    } else if (ok) draftWarned.current = false
  }, [host, viewRef, setMessage])
  const saveDraftSoon = useCallback(() => {
    window.clearTimeout(draftTimer.current)
    draftTimer.current = window.setTimeout(() => void saveDraft(), DRAFT_SAVE_MS)
  }, [saveDraft])
  /** Saves a draft edit still waiting for its timer (before the window closes); nothing waiting: resolves at once. */
  const flushDraft = useCallback(async () => {
    if (draftTimer.current !== undefined) await saveDraft()
  }, [saveDraft])

  const incoming = useIncomingFile({ viewRef, editedRef, documentState, setDocumentState, setMessage })
  const { applyOpened, dismiss: dismissPendingFile } = incoming

  /** File > New: an empty text (undoable), no longer tied to a file. */
  const newText = useCallback(() => {
    const view = viewRef.current
    if (!view) return
    view.dispatch({ changes: { from: 0, to: view.state.doc.length }, annotations: isolateHistory.of('full'), userEvent: 'delete.new' })
    view.focus()
    host.forgetFile()
    dismissPendingFile()
    editedRef.current = false
    setDocumentState({ name: null, edited: false })
    setMessage({ tone: 'info', text: 'New text. Undo (Ctrl+Z) brings back the previous one.' })
  }, [host, viewRef, dismissPendingFile, setMessage])

  const nameRef = useRef(documentState.name)
  useEffect(() => {
    nameRef.current = documentState.name
  }, [documentState.name])
  /** File > Save Text As: the text to a file the user chooses. */
  const saveTextAs = useCallback(async () => {
    const view = viewRef.current
    if (!view) return
    const r = await host.saveFile({ suggestedName: nameRef.current ?? 'untitled.txt', data: view.state.doc.toString(), kind: 'text' })
    if (r.kind === 'saved') {
      editedRef.current = false
      setDocumentState({ name: r.name, edited: false })
      setMessage({ tone: 'info', text: `Saved ${r.name}.` })
    } else if (r.kind === 'error') setMessage({ tone: 'error', text: r.message })
  }, [host, viewRef, setMessage])

  const openFile = useCallback(() => {
    void host.openTextFile().then(applyOpened)
  }, [host, applyOpened])

  /** A file dropped on the window opens like File > Open. */
  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const file = e.dataTransfer.files?.[0]
      if (!file) return
      e.preventDefault()
      // The entry is readable only during the drop event: take it now.
      const entry = e.dataTransfer.items?.[0]?.webkitGetAsEntry?.() ?? null
      if (onTokenizerDrop && (entry?.isDirectory || isTokenizerFileName(file.name))) onTokenizerDrop({ file, entry })
      else void host.openDroppedFile(file).then((r) => applyOpened(r))
    },
    [host, applyOpened, onTokenizerDrop],
  )

  return { documentState, setDocumentState, editedRef, saveDraftSoon, flushDraft, newText, saveTextAs, openFile, onDrop, incoming }
}
