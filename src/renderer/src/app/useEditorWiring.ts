/* eslint-disable react-hooks/exhaustive-deps, react-hooks/immutability -- the App's editor region, moved here unchanged: its refs arrive as arguments, which the linter cannot tell from values, and its effects run once by design. The EditorSession replaces this file. */
import { useEffect, useRef, useState, type Dispatch, type MutableRefObject, type SetStateAction } from 'react'
import { flushSync } from 'react-dom'
import type { Settings } from '@shared/app/settings'
import type { DocumentState } from '@shared/app/ipc'
import type { TokenIndex } from '@shared/document/tokenIndex'
import { LOCAL_EDIT_MAX_CHARS } from '@shared/document/localEdit'
import { createEditor, setLineNumbers, setShowWhitespace, setWrapLines } from '../editor/createEditor'
import { setShowCost } from '../editor/costGutter'
import { setTokens } from '../editor/tokenState'
import type { Host } from '../host/host'
import { TokenStream, type TokenSnapshot, type Work } from '../tokens/tokenStream'
import { LocalEncoderLoader } from '../tokens/localEncoder'
import { TokenizerClient } from '../worker/tokenizerClient'
import type { StatusMessage } from '../ui/StatusBar'
import type { Workspace } from '../workspace/workspace'

/** What the editor wiring needs from the rest of the app. */
export interface EditorWiringDeps {
  host: Host
  ws: Workspace
  settings: Settings
  initialText: string
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
}

/**
 * The editor, the tokenizer worker's client, the token stream and the local encoder loader:
 * created once, linked to each other, and kept in step with the settings. This is the
 * App's former editor/tokenizer region moved here as one block, unchanged (an EditorSession
 * object is to replace it). Returns what the layout draws from it.
 */
export function useEditorWiring(deps: EditorWiringDeps) {
  const { host, settings, initialText, setMessage, saveDraftSoon, textEdited, editedRef, setDocumentState, inspect, announceToken, setAnnouncement, inspectedRef, inspectAtPos, inspectTimer } = deps
  const { editorParent, viewRef, clientRef, streamRef, loaderRef, settingsRef } = deps.ws
  const [snapshot, setSnapshot] = useState<TokenSnapshot | null>(null)
  const [shownIndex, setShownIndex] = useState<TokenIndex | null>(null)
  const [work, setWork] = useState<Work>({ kind: 'idle' })
  /** The document range on screen (the token-id view lists its tokens). */
  const [screen, setScreen] = useState({ from: 0, to: 0 })
  /** Ctrl+M makes Tab indent in the editor; by default Tab moves focus. */
  const [tabIndents, setTabIndents] = useState(false)
  const viewportTimer = useRef<number | undefined>(undefined)

  // Editor, worker and token stream: created once.
  useEffect(() => {
    // The inspector catches up just after the count (off the keystroke's critical path).
    const refreshInspector = () => {
      // After an encoding or mode switch: the token now at the inspected text position.
      const tokens = stream.current
      const pos = inspectAtPos.current
      if (pos !== null && remapInspected && tokens) {
        const k = tokens.indexAt(pos)
        if (k >= 0 && tokens.chunk(tokens.chunkAt(pos)).tokens) {
          inspectedRef.current = k
          inspectAtPos.current = null
          remapInspected = false
        }
      }
      if (inspectedRef.current === null) return
      window.clearTimeout(inspectTimer.current)
      inspectTimer.current = window.setTimeout(() => inspect(inspectedRef.current), 80)
    }
    // A snapshot from a keystroke tokenized here is drawn in that keystroke's frame.
    let urgent: TokenSnapshot | null = null
    // True once a new encoding's tokens took over while inspectAtPos waits for them.
    let remapInspected = false
    const loader = new LocalEncoderLoader((enc) => stream.setLocalEncoder(enc))
    loaderRef.current = loader
    const stream = new TokenStream({
      showTokens: (index, version) => {
        viewRef.current?.dispatch({ effects: setTokens.of({ tokens: index, version }) })
        refreshInspector()
      },
      indexChanged: (index) => {
        setShownIndex(index)
        if (inspectAtPos.current !== null) remapInspected = true
      },
      snapshot: (s, isUrgent) => {
        if (isUrgent) urgent = s
        else setSnapshot(s)
        if (s.pending > 0) loader.busy()
      },
      work: setWork,
      error: (text) => setMessage({ tone: 'error', text: `Tokenizing failed: ${text}` }),
    })
    streamRef.current = stream
    const client = new TokenizerClient((msg) => stream.handle(msg))
    clientRef.current = client
    const s = settingsRef.current
    client.configure(s.encoding, s.specialMode)
    loader.want(s.encoding)
    const view = createEditor(editorParent.current!, initialText, {
      onEdit: (version, edits, before, onScreen) => {
        const local = stream.editLocally(version, edits, (from, to) => before.sliceString(from, to), onScreen)
        // A big paste whose screen is tokenized here: its copy to the worker waits for the first frame.
        if (local && local.pending > 0) client.editAfterPaint(version, edits)
        else client.edit(version, edits)
        // A paste or other big change: the tokenizer is about to be busy.
        if (!local && edits.some(([from, to, insert]) => to - from + insert.length > LOCAL_EDIT_MAX_CHARS)) loader.busy()
        saveDraftSoon()
        textEdited()
        if (!editedRef.current) {
          editedRef.current = true
          setDocumentState((d) => ({ ...d, edited: true }))
        }
        return local
      },
      onLocalTokensShown: () => {
        const next = urgent
        urgent = null
        if (next) flushSync(() => setSnapshot(next))
        refreshInspector()
      },
      onInspect: (index, source) => {
        inspect(index)
        if (source === 'keyboard') announceToken(index)
      },
      onViewport: (from, to) => {
        stream.setViewport(from, to)
        window.clearTimeout(viewportTimer.current)
        viewportTimer.current = window.setTimeout(() => client.viewport(from, to), 30)
      },
      onScreen: (from, to) => setScreen({ from, to }),
      onTabIndents: (indents) => {
        setTabIndents(indents)
        setAnnouncement(indents ? 'Tab now indents.' : 'Tab now moves focus.')
      },
    })
    viewRef.current = view
    // For tests and benchmarks: the editor view (CodeMirror's public API).
    ;(window as unknown as Record<string, unknown>).tokenizerExplorerView = view
    stream.setViewport(view.viewport.from, view.viewport.to)
    client.viewport(view.viewport.from, view.viewport.to)
    client.reset(0, view.state.doc.toString())
    view.focus()
    return () => {
      view.destroy()
      client.dispose()
      stream.dispose()
      loader.dispose()
      loaderRef.current = null
      viewRef.current = null
      clientRef.current = null
      streamRef.current = null
    }
  }, [host, initialText, saveDraftSoon, inspect, announceToken, textEdited])
  useEffect(() => {
    // The inspector keeps its place in the text, not its token number, across the switch.
    const tokens = streamRef.current?.current
    const i = inspectedRef.current
    inspectAtPos.current = tokens && i !== null && i < tokens.count ? tokens.start(i) : null
    clientRef.current?.configure(settings.encoding, settings.specialMode)
    loaderRef.current?.want(settings.encoding)
  }, [settings.encoding, settings.specialMode])
  useEffect(() => {
    if (viewRef.current) setShowWhitespace(viewRef.current, settings.showWhitespace)
  }, [settings.showWhitespace])
  useEffect(() => {
    if (viewRef.current) setShowCost(viewRef.current, settings.showCost)
  }, [settings.showCost])
  useEffect(() => {
    if (viewRef.current) setWrapLines(viewRef.current, settings.wrapLines)
  }, [settings.wrapLines])
  useEffect(() => {
    if (viewRef.current) setLineNumbers(viewRef.current, settings.lineNumbers)
  }, [settings.lineNumbers])


  return { editorParent, snapshot, shownIndex, work, screen, tabIndents }
}
