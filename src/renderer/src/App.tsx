import { isolateHistory } from '@codemirror/commands'
import { EditorView } from '@codemirror/view'
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { formatCount } from '@shared/text/format'
import { STANDARD_LIMITS } from '@shared/models/limits'
import { loadModelList, type ModelInfo } from '@shared/models/models'
import { parseSettings, type ActiveLimit, type Settings, type ViewToggle } from '@shared/app/settings'
import { describeToken, type TokenInfo } from '@shared/display/tokenInfo'
import { docCodePointOffset } from './editor/docCodePoints'
import { FLAG_PARTIAL } from '@shared/tokenizer/tokenSpans'
import { bytesToHex } from '@shared/text/utf8'
import { withVisibleWhitespace } from '@shared/display/visibleText'
import { fittedText } from '@shared/tools/fit'
import { DecodePanel, type DecodeResult } from './components/DecodePanel'
import { VocabPanel } from './components/VocabPanel'
import { useVocabDocument } from './tools/vocabDocument'
import { SplitPanel, type SplitResult } from './components/SplitPanel'
import { ComparePanel } from './components/ComparePanel'
import { StatsPanel } from './components/StatsPanel'
import { ChatPanel } from './components/ChatPanel'
import { parseChatDraft } from '@shared/tools/chat'
import { tokenFrequencies } from '@shared/tools/stats'
import { chunksToJsonl, chunksToZip, splitVerified, type SplitChunk } from '@shared/tools/split'
import { CountsPanel } from './components/CountsPanel'
import { CostLine } from './components/CostLine'
import { Inspector } from './components/Inspector'
import { LimitsPanel, type FitRequest, type LimitRow } from './components/LimitsPanel'
import { StatusBar, type StatusMessage } from './components/StatusBar'
import { useTransientMessages } from './useTransientMessages'
import { TokenIdPanel } from './components/TokenIdPanel'
import { Toolbar } from './components/Toolbar'
import { EditorKeysHint } from './components/EditorKeysHint'
import { SidebarSplitter, useSidebarWidth } from './components/SidebarSplitter'
import { useCountAnnouncement } from './useCountAnnouncement'
import { createEditor, setLineNumbers, setShowWhitespace, setWrapLines } from './editor/createEditor'
import { DensityLegend } from './components/DensityLegend'
import { lineCostAt, setShowCost, type LineCost } from './editor/costGutter'
import { setTokens, setViewOptions, tokenField } from './editor/tokenState'
import { clusterBreakTest } from './editor/clusterBreaks'
import { firstTokenPastLimit, limitCutPosition } from './editor/limitCut'
import type { Host } from './host/host'
import { SAMPLE_TEXT } from './sampleText'
import { TokenizerClient } from './worker/tokenizerClient'
import type { TokenIndex } from '@shared/document/tokenIndex'
import type { EncodingName } from '@shared/tokenizer/openai/encodings'
import { useStableCallback } from './useStableCallback'
import { useSamplingHost } from './sampling/useSamplingHost'
import { useChatAutosave } from './useChatAutosave'
import { useIncomingFile } from './useIncomingFile'
import { FileConflictBar } from './components/FileConflictBar'
import { decodeInWorker } from './tools/decodeIds'
import { exportInWorker, tokenExport } from './tools/tokenExport'
import { exportFileName, MAX_EXPORT_TOKENS } from '@shared/tools/exportTokens'
import { TokenStream, type TokenSnapshot, type Work } from './tokens/tokenStream'
import { LocalEncoderLoader } from './tokens/localEncoder'
import { LOCAL_EDIT_MAX_CHARS } from '@shared/document/localEdit'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import type { DocumentState, LoadedStateResult, MenuCommand, SaveFileRequest } from '@shared/app/ipc'

/** The sampling lab loads when first opened. */
const SamplingPanel = lazy(() => import('./sampling/SamplingPanel'))

/** How soon after an edit the draft is saved. */
const DRAFT_SAVE_MS = 600

/** Hosts whose events (menu, files, close) are already routed to the app: the bridge cannot unsubscribe, so subscribe once. */
const subscribedHosts = new WeakSet<Host>()

/** The whole app: toolbar, editor with token colouring, counts, limits, inspector, token ids. */
export function App({ host, saved }: { host: Host; saved: LoadedStateResult }) {
  const [settings, setSettings] = useState<Settings>(() => parseSettings(saved.values.settings ?? null))
  const [models, setModels] = useState<ModelInfo[] | null>(null)
  const [snapshot, setSnapshot] = useState<TokenSnapshot | null>(null)
  const [shownIndex, setShownIndex] = useState<TokenIndex | null>(null)
  const [work, setWork] = useState<Work>({ kind: 'idle' })
  const [message, setMessage] = useState<StatusMessage | null>(() => (saved.problems.length ? { tone: 'warning', text: saved.problems.join(' ') } : null))
  const textEdited = useTransientMessages(message, setMessage)
  /** The open file's name (null: untitled) and whether the text changed since it was opened or saved. */
  const [documentState, setDocumentState] = useState<DocumentState>({ name: null, edited: false })
  const editedRef = useRef(false)
  /** The first text: the saved draft, or the sample on a first start. */
  const [initialText] = useState(() => saved.values.draft ?? SAMPLE_TEXT)
  const [inspected, setInspectedState] = useState<number | null>(null)
  const [info, setInfo] = useState<TokenInfo | null>(null)
  /** The document range on screen (the token-id view lists its tokens). */
  const [screen, setScreen] = useState({ from: 0, to: 0 })
  const [bytes, setBytes] = useState<{ index: number; hex: string; count: number } | null>(null)
  /** The inspected token's line: what the cost strip beside it shows, in text. */
  const [lineCost, setLineCost] = useState<LineCost | null>(null)
  const editorParent = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const clientRef = useRef<TokenizerClient | null>(null)
  const streamRef = useRef<TokenStream | null>(null)
  const loaderRef = useRef<LocalEncoderLoader | null>(null)
  const inspectedRef = useRef<number | null>(null)
  /** A text position whose token the inspector shows once the new encoding's tokens arrive. */
  const inspectAtPos = useRef<number | null>(null)
  const draftTimer = useRef<number | undefined>(undefined)
  const draftWarned = useRef(false)
  const viewportTimer = useRef<number | undefined>(undefined)

  const settingsRef = useRef(settings)
  useEffect(() => {
    settingsRef.current = settings
  }, [settings])

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
  }, [host])
  const saveDraftSoon = useCallback(() => {
    window.clearTimeout(draftTimer.current)
    draftTimer.current = window.setTimeout(() => void saveDraft(), DRAFT_SAVE_MS)
  }, [saveDraft])

  /** Shows token `index` in the inspector: its details now, its exact bytes as soon as known. */
  const inspect = useCallback((index: number | null) => {
    inspectedRef.current = index
    setInspectedState(index)
    const view = viewRef.current
    const current = streamRef.current?.current
    const doc = view?.state.doc
    const base =
      current && doc && index !== null && index < current.count
        ? describeToken((a, b) => doc.sliceString(a, Math.min(b, doc.length)), current, index, clusterBreakTest(view.state), (pos) => docCodePointOffset(doc, pos))
        : null
    if (!base || !current) {
      setInfo(null)
      setBytes(null)
      return
    }
    setInfo(base)
    setLineCost(view ? lineCostAt(view.state, base.start) : null)
    if (!(current.flags(base.index) & FLAG_PARTIAL)) {
      // A whole token's bytes are its text's UTF-8 bytes.
      const b = new TextEncoder().encode(base.text)
      setBytes({ index: base.index, hex: bytesToHex(b), count: b.length })
      return
    }
    // A partial token's bytes come from the vocabulary, never from decoding.
    setBytes(null)
    const encoding = settingsRef.current.encoding
    void clientRef.current?.tokenBytes(encoding, [base.id]).then(([b]) => {
      if (b && inspectedRef.current === base.index) setBytes({ index: base.index, hex: bytesToHex(b), count: b.length })
    })
  }, [])

  const inspectTimer = useRef<number | undefined>(undefined)
  /** What the one live region says (a token reached by keyboard, a new count after a switch). */
  const [announcement, setAnnouncement] = useState('')
  /** Ctrl+M makes Tab indent in the editor; by default Tab moves focus. */
  const [tabIndents, setTabIndents] = useState(false)
  const [sidebarWidth, setSidebarWidth] = useSidebarWidth()

  /** Tells screen readers which token the keyboard moved to. */
  const announceToken = useCallback((index: number | null) => {
    const view = viewRef.current
    const tokens = streamRef.current?.current
    if (index === null || !view || !tokens || index >= tokens.count) return
    const text = view.state.doc.sliceString(tokens.start(index), Math.min(tokens.end(index), view.state.doc.length))
    setAnnouncement(`Token ${formatCount(index + 1)} of ${formatCount(tokens.count)}: ${withVisibleWhitespace(text) || 'part of a character'}, id ${tokens.id(index)}`)
  }, [])

  /** Inspects a token; when the keyboard asked (a step button, the id list's arrows), says which. */
  const inspectAndAnnounce = useCallback(
    (index: number, source?: 'keyboard') => {
      inspect(index)
      if (source === 'keyboard') announceToken(index)
    },
    [inspect, announceToken],
  )

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

  // Models load after first paint: they are not needed to start typing.
  useEffect(() => {
    let alive = true
    const t = window.setTimeout(() => {
      loadModelList()
        .then((list) => alive && setModels(list))
        .catch(() => alive && setMessage({ tone: 'warning', text: 'The model list could not be loaded; encodings still work.' }))
    }, 50)
    return () => {
      alive = false
      window.clearTimeout(t)
    }
  }, [])

  // Persist settings; re-tokenize when the encoding or special-token mode changes.
  useEffect(() => {
    void host.saveState('settings', JSON.stringify(settings))
  }, [host, settings])
  useEffect(() => host.setDocumentState(documentState), [host, documentState])
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
  useEffect(() => {
    if (settings.theme === 'system') delete document.documentElement.dataset.theme
    else document.documentElement.dataset.theme = settings.theme
  }, [settings.theme])

  const model = useMemo(() => models?.find((m) => m.name === settings.model) ?? null, [models, settings.model])
  const rows = useMemo<LimitRow[]>(() => {
    const list: LimitRow[] = STANDARD_LIMITS.map((value) => ({
      key: (value === 1024 ? 'l1024' : 'l4096') as ActiveLimit,
      value,
      title: `${formatCount(value)} tokens`,
    }))
    if (model) list.push({ key: 'model', value: model.contextWindow, title: `${model.name} window` })
    if (settings.customLimit !== null) list.push({ key: 'custom', value: settings.customLimit, title: 'Custom limit' })
    return list
  }, [model, settings.customLimit])
  const activeRow = rows.find((r) => r.key === settings.activeLimit) ?? null

  // Tell the editor which limits to mark and which token to outline.
  useEffect(() => {
    viewRef.current?.dispatch({
      effects: setViewOptions.of({
        activeLimit: activeRow ? activeRow.value : null,
        limits: rows.map((r) => ({ value: r.value, label: formatCount(r.value) })),
        inspected,
      }),
    })
  }, [rows, activeRow, inspected])

  const complete = snapshot !== null && snapshot.pending === 0
  const tokenCount = complete ? snapshot.count : null
  useCountAnnouncement(settings.encoding, settings.specialMode, complete ? snapshot : null, setAnnouncement)

  const update = useCallback((patch: Partial<Settings>) => setSettings((s) => ({ ...s, ...patch })), [])
  // Stable callbacks, so the toolbar (with its long model list) re-renders only when settings change.
  const onEncoding = useCallback((encoding: EncodingName) => update({ encoding, model: null }), [update])
  const onModel = useCallback(
    (name: string | null) => {
      const m = name ? models?.find((x) => x.name === name) : undefined
      setSettings((s) =>
        m ? { ...s, model: m.name, encoding: m.encoding, activeLimit: 'model' } : { ...s, model: null, activeLimit: s.activeLimit === 'model' ? 'l4096' : s.activeLimit },
      )
    },
    [models],
  )
  const onSpecialMode = useCallback((specialMode: SpecialMode) => update({ specialMode }), [update])
  const onToggle = useCallback((key: ViewToggle, on: boolean) => update({ [key]: on }), [update])
  /** Closing the sampling lab: its Close button goes with it, so focus goes back to the toolbar toggle that opened it. */
  const closeSampling = useCallback(() => {
    update({ showSampling: false })
    document.querySelector<HTMLElement>('.toolbar [data-toggle="showSampling"]')?.focus()
  }, [update])

  const { applyOpened, pending: pendingFile, keepMine, loadPending, dismiss: dismissPendingFile } = useIncomingFile({ viewRef, editedRef, documentState, setDocumentState, setMessage })

  const openFile = useCallback(() => {
    void host.openTextFile().then(applyOpened)
  }, [host, applyOpened])

  useEffect(() => {
    // In Electron the native menu owns Ctrl+O.
    if (host.nativeMenu) return
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'o') {
        e.preventDefault()
        openFile()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [openFile, host])

  const onDrop = (e: React.DragEvent) => {
    const file = e.dataTransfer.files?.[0]
    if (!file) return
    e.preventDefault()
    void host.openDroppedFile(file).then((r) => applyOpened(r))
  }

  const [chatInitial] = useState(() => parseChatDraft(saved.values.chat ?? null))
  const { save: saveChat, flush: flushChat } = useChatAutosave(host, setMessage)

  /** Copies text to the clipboard and says so (or that it could not). */
  const copy = (text: string, done: string) => {
    navigator.clipboard
      .writeText(text)
      .then(() => setMessage({ tone: 'info', text: done }))
      .catch(() => setMessage({ tone: 'error', text: 'Could not write to the clipboard.' }))
  }

  const copyIds = () => {
    const ids = streamRef.current?.current?.allIds()
    if (ids) copy(JSON.stringify(Array.from(ids)), `Copied ${formatCount(ids.length)} token IDs as a JSON array.`)
  }

  const copyText = (text: string) => copy(text, 'Copied to the clipboard.')

  const docSlice = (from: number, to: number) => {
    const doc = viewRef.current?.state.doc
    return doc ? doc.sliceString(from, Math.min(to, doc.length)) : ''
  }

  /** Splits the text into chunks of at most `size` tokens, each checked by counting it alone in the worker. */
  const splitText = async (size: number, overlap: number): Promise<SplitResult> => {
    const tokens = streamRef.current?.current
    const client = clientRef.current
    if (!tokens || !client || tokens.pending > 0) return { error: 'Tokenizing is still under way; split again when the count is final.' }
    if (tokens.count === 0) return { error: 'There is no text to split.' }
    const doc = viewRef.current?.state.doc
    const { encoding, specialMode } = settingsRef.current
    try {
      const slice = (a: number, b: number) => doc?.sliceString(a, b) ?? ''
      return await splitVerified(tokens, size, overlap, slice, (texts) => client.count(encoding, specialMode, texts))
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) }
    }
  }

  /** Saves data where the user chooses and says where (or why not). */
  const saveFile = async (request: SaveFileRequest, done: string) => {
    const r = await host.saveFile(request)
    if (r.kind === 'saved') setMessage({ tone: 'info', text: `${done} (${r.name}).` })
    else if (r.kind === 'error') setMessage({ tone: 'error', text: r.message })
  }


  /** Fits the text to the active limit at token boundaries: trims it (one undo step) or copies the result. */
  const fitToLimit = async ({ mode, action, marker }: FitRequest) => {
    const tokens = streamRef.current?.current
    const view = viewRef.current
    const client = clientRef.current
    if (!tokens || !view || !client || !activeRow) return
    if (tokens.pending > 0 || view.state.field(tokenField).pending) {
      setMessage({ tone: 'warning', text: 'Tokenizing is still under way; try again when the count is final.' })
      return
    }
    const doc = view.state.doc
    const started = settingsRef.current
    let fitted
    try {
      const count = async (t: string) => (await client.count(started.encoding, started.specialMode, [t]))[0]
      fitted = await fittedText(tokens, activeRow.value, mode, marker.replace(/\\n/g, '\n'), (a, b) => doc.sliceString(a, b), count)
    } catch (err) {
      setMessage({ tone: 'error', text: err instanceof Error ? err.message : String(err) })
      return
    }
    if (!fitted) return
    const { text, kept, dropped } = fitted
    // "the first and last 1,021" read as 1,021 at each end: for both ends, say the total.
    const summary =
      mode === 'both'
        ? `${formatCount(kept)} tokens from both ends and dropped ${formatCount(dropped)} in between`
        : `the ${mode === 'head' ? 'first' : 'last'} ${formatCount(kept)} tokens and dropped ${formatCount(dropped)}`
    if (action === 'copy') {
      copy(text, `Copied ${summary.replace('and dropped', '(dropped')}).`)
      return
    }
    if (view.state.doc !== doc || settingsRef.current.encoding !== started.encoding || settingsRef.current.specialMode !== started.specialMode) {
      setMessage({ tone: 'warning', text: 'The text changed while fitting; try again.' })
      return
    }
    view.dispatch({
      changes: { from: 0, to: doc.length, insert: text },
      annotations: isolateHistory.of('full'),
      userEvent: 'delete.fit',
      scrollIntoView: true,
    })
    // The fit controls go away with the excess: focus goes to the text, where Undo works.
    view.focus()
    setMessage({ tone: 'info', text: `Kept ${summary}. Undo (Ctrl+Z) brings them back.` })
  }

  /** The line where a limit cuts the text, as the editor's markers show it (null: not known yet). */
  const cutLine = (limit: number): number | null => {
    const state = viewRef.current?.state
    const pos = state ? limitCutPosition(state, limit) : null
    return state && pos !== null ? state.doc.lineAt(pos).number : null
  }

  /** Scrolls to where a limit cuts the text and selects the first token that does not fit. */
  const showCut = (limit: number) => {
    const view = viewRef.current
    const range = view ? firstTokenPastLimit(view.state, limit) : null
    if (!view || !range) return
    // Focus first: the inspector follows the caret only in a focused editor. The caret sits at the cut.
    view.focus()
    view.dispatch({
      selection: { anchor: range.to, head: range.from },
      effects: EditorView.scrollIntoView(range.from, { y: 'center' }),
      userEvent: 'select.limit',
    })
    const line = view.state.doc.lineAt(range.from)
    setMessage({
      tone: 'info',
      text: `The ${formatCount(limit)}-token limit cuts the text at line ${formatCount(line.number)}, column ${formatCount(range.from - line.from + 1)}; the selected token is the first that does not fit.`,
    })
  }

  /** Saves every token (index, id, text, bytes, span) as CSV or JSON. */
  const exportTokens = async (format: 'csv' | 'json') => {
    const tokens = streamRef.current?.current
    const view = viewRef.current
    const client = clientRef.current
    if (!tokens || !view || !client) return
    if (tokens.pending > 0) {
      setMessage({ tone: 'warning', text: 'Tokenizing is still under way; export again when the count is final.' })
      return
    }
    const doc = view.state.doc
    const encoding = settingsRef.current.encoding
    const partial = tokens.count > MAX_EXPORT_TOKENS ? ` (the first ${formatCount(MAX_EXPORT_TOKENS)} of ${formatCount(tokens.count)}: the most one file holds)` : ''
    setMessage({ tone: partial ? 'warning' : 'info', text: `Exporting ${formatCount(Math.min(tokens.count, MAX_EXPORT_TOKENS))} tokens as ${format.toUpperCase()}${partial}…` })
    let result
    try {
      result = await tokenExport(tokens, (a, b) => doc.sliceString(a, Math.min(b, doc.length)), client, encoding, format, exportInWorker)
    } catch (err) {
      setMessage({ tone: 'error', text: `Export failed: ${err instanceof Error ? err.message : String(err)}` })
      return
    }
    const { body, exported } = result
    const cut = tokens.count > exported ? ` — only the first ${formatCount(exported)} of ${formatCount(tokens.count)} (the file name says so)` : ''
    await saveFile({ suggestedName: exportFileName(encoding, format, exported, tokens.count), data: body, kind: format }, `Exported ${formatCount(exported)} tokens as ${format.toUpperCase()}${cut}`)
  }

  // Stable callbacks for the memoized tool panels (they re-render only when their own props change).
  const stableCopyIds = useStableCallback(copyIds)
  const stableExportTokens = useStableCallback((format: 'csv' | 'json') => void exportTokens(format))
  const stableEditorText = useStableCallback(() => viewRef.current?.state.doc.toString() ?? '')
  const stableTextVersion = useStableCallback(() => viewRef.current?.state.field(tokenField).docVersion ?? -1)
  const stableVisibleText = useStableCallback((max: number) => {
    const view = viewRef.current
    if (!view) return { text: '', from: 0 }
    // From the start of the first line on screen, so the stretch begins where a line does.
    const from = view.state.doc.lineAt(view.viewport.from).from
    let to = Math.min(view.state.doc.length, from + max)
    if (to < view.state.doc.length && /[\ud800-\udbff]/.test(view.state.doc.sliceString(to - 1, to))) to-- // never half a surrogate pair
    return { text: view.state.doc.sliceString(from, to), from }
  })
  const stableStats = useStableCallback(() => {
    const tokens = streamRef.current?.current
    if (!tokens || tokens.pending > 0) return { error: 'Tokenizing is still under way; count again when it is done.' }
    return { rows: tokenFrequencies(tokens), total: tokens.count }
  })
  const stableTokenText = useStableCallback((i: number) => {
    const tokens = streamRef.current?.current
    return tokens && i < tokens.count ? docSlice(tokens.start(i), tokens.end(i)) : ''
  })
  const stableSplit = useStableCallback(splitText)
  const stablePreview = useStableCallback((c: SplitChunk) => {
    const t = docSlice(c.from, Math.min(c.to, c.from + 80))
    return c.to - c.from > 80 ? `${t}…` : t
  })
  const stableCopyChunk = useStableCallback((c: SplitChunk) => copyText(docSlice(c.from, c.to)))
  const stableExportChunks = useStableCallback((chunks: SplitChunk[], format: 'jsonl' | 'zip') => {
    const name = `chunks-${settingsRef.current.encoding}.${format}`
    const data = format === 'jsonl' ? chunksToJsonl(chunks, docSlice) : chunksToZip(chunks, docSlice)
    void saveFile({ suggestedName: name, data, kind: format }, `Exported ${formatCount(chunks.length)} chunks as ${format === 'jsonl' ? 'JSON Lines' : 'numbered text files (zip)'}`)
  })
  const stableDecode = useStableCallback(async (input: string): Promise<DecodeResult> =>
    decodeInWorker(settingsRef.current.encoding, input),
  )
  const stableCopyText = useStableCallback(copyText)
  const samplingHost = useSamplingHost(viewRef, streamRef, clientRef, settings.encoding)
  const vocabDocument = useVocabDocument(viewRef, streamRef)
  const stableSaveDecoded = useStableCallback((text: string) => void saveFile({ suggestedName: 'decoded.txt', data: text, kind: 'text' }, 'Saved the decoded text'))

  /** File > New: an empty text (undoable), no longer tied to a file. */
  const newText = () => {
    const view = viewRef.current
    if (!view) return
    view.dispatch({ changes: { from: 0, to: view.state.doc.length }, annotations: isolateHistory.of('full'), userEvent: 'delete.new' })
    view.focus()
    host.forgetFile()
    dismissPendingFile()
    editedRef.current = false
    setDocumentState({ name: null, edited: false })
    setMessage({ tone: 'info', text: 'New text. Undo (Ctrl+Z) brings back the previous one.' })
  }

  /** File > Save Text As: the text to a file the user chooses. */
  const saveTextAs = async () => {
    const view = viewRef.current
    if (!view) return
    const r = await host.saveFile({ suggestedName: documentState.name ?? 'untitled.txt', data: view.state.doc.toString(), kind: 'text' })
    if (r.kind === 'saved') {
      editedRef.current = false
      setDocumentState({ name: r.name, edited: false })
      setMessage({ tone: 'info', text: `Saved ${r.name}.` })
    } else if (r.kind === 'error') setMessage({ tone: 'error', text: r.message })
  }

  // The web build has no menu: New, Save and the theme sit in the toolbar, Ctrl+S saves.
  const stableNewText = useStableCallback(newText)
  const stableSaveText = useStableCallback(() => void saveTextAs())
  const webFileActions = useMemo(
    () => (host.nativeMenu ? undefined : { onNew: stableNewText, onSave: stableSaveText, onTheme: (theme: Settings['theme']) => update({ theme }) }),
    [host, stableNewText, stableSaveText, update],
  )
  useEffect(() => {
    if (host.nativeMenu) return
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault()
        stableSaveText()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [host, stableSaveText])

  /** What each native menu command does. */
  const runCommand = (command: MenuCommand) => {
    switch (command.type) {
      case 'new':
        return newText()
      case 'open':
        return openFile()
      case 'save-text-as':
        return void saveTextAs()
      case 'export-tokens':
        return void exportTokens(command.format)
      case 'encoding':
        return onEncoding(command.encoding)
      case 'toggle': {
        const key = ({ whitespace: 'showWhitespace', ids: 'showIds', cost: 'showCost', wrap: 'wrapLines', lines: 'lineNumbers' } as const)[command.what]
        return setSettings((s) => ({ ...s, [key]: !s[key] }))
      }
      case 'theme':
        return update({ theme: command.theme })
    }
  }
  const runCommandRef = useRef(runCommand)
  const applyOpenedRef = useRef(applyOpened)
  useEffect(() => {
    runCommandRef.current = runCommand
    applyOpenedRef.current = applyOpened
  })
  useEffect(() => {
    if (subscribedHosts.has(host)) return
    subscribedHosts.add(host)
    host.onMenuCommand((c) => runCommandRef.current(c))
    host.onFileOpened((e) => applyOpenedRef.current(e.result, e.reason))
    host.onNotice?.(setMessage)
    host.onBeforeClose(() => {
      // Save the draft and the chat now, then let the window close.
      void Promise.allSettled([draftTimer.current !== undefined ? saveDraft() : undefined, flushChat()]).finally(() => host.readyToClose())
    })
  }, [host, saveDraft, flushChat])

  return (
    <div className="app" onDragOver={(e) => e.dataTransfer.types.includes('Files') && e.preventDefault()} onDrop={onDrop}>
      <Toolbar
        settings={settings}
        models={models}
        onEncoding={onEncoding}
        onModel={onModel}
        onSpecialMode={onSpecialMode}
        onToggle={onToggle}
        onOpenFile={openFile}
        fileActions={webFileActions}
      />
      <main
        className={`workspace${settings.showSampling ? ' with-sampling' : ''}`}
        style={sidebarWidth === null ? undefined : ({ '--sidebar-width': `${sidebarWidth}px` } as React.CSSProperties)}
      >
        <div className="editor-column">
          {pendingFile && (
            <FileConflictBar
              pending={pendingFile}
              currentText={() => viewRef.current?.state.doc.toString() ?? ''}
              countTokens={(texts) => clientRef.current?.count(settingsRef.current.encoding, settingsRef.current.specialMode, texts) ?? Promise.reject(new Error('The tokenizer is not running.'))}
              onKeep={() => (keepMine(), viewRef.current?.focus())}
              onLoad={() => (loadPending(), viewRef.current?.focus())}
            />
          )}
          <div className="editor" ref={editorParent} />
          {settings.showCost && <DensityLegend />}
          <EditorKeysHint tabIndents={tabIndents} />
          {settings.showIds && (
            <TokenIdPanel
              tokens={shownIndex}
              revision={snapshot}
              screen={screen}
              inspected={inspected}
              onInspect={inspectAndAnnounce}
              onCopy={stableCopyIds}
              onExport={stableExportTokens}
            />
          )}
        </div>
        {settings.showSampling && (
          <Suspense fallback={<section className="sampling-lab" aria-label="Sampling lab" aria-busy="true" />}>
            <SamplingPanel onClose={closeSampling} host={samplingHost} revision={snapshot} encoding={settings.encoding} />
          </Suspense>
        )}
        <SidebarSplitter width={sidebarWidth} onWidth={setSidebarWidth} />
        <aside className="sidebar" id="sidebar">
          <CountsPanel
            tokens={tokenCount}
            counts={complete ? snapshot.counts : null}
            stale={!complete}
            version={snapshot?.version ?? -1}
            encoding={snapshot?.encoding ?? null}
            tokenizedBy={snapshot?.local ? 'editor' : 'worker'}
          >
            <CostLine tokens={tokenCount} model={settings.model} prices={settings.prices} reserve={settings.replyReserve} onChange={update} />
          </CountsPanel>
          <LimitsPanel
            tokens={tokenCount}
            countedSoFar={snapshot?.count}
            rows={rows}
            active={activeRow?.key ?? null}
            customLimit={settings.customLimit}
            onActive={(activeLimit) => update({ activeLimit })}
            onFit={(request) => void fitToLimit(request)}
            cutLine={cutLine}
            onShowCut={showCut}
            onCustomLimit={(customLimit) =>
              update({ customLimit, activeLimit: customLimit === null ? (settings.activeLimit === 'custom' ? 'l4096' : settings.activeLimit) : 'custom' })
            }
          />
          <Inspector onStep={(i) => inspectAndAnnounce(i, 'keyboard')} lineCost={lineCost} tokenCount={tokenCount ?? 0} info={info} bytesHex={bytes && info && bytes.index === info.index ? bytes.hex : null} byteCount={bytes && info && bytes.index === info.index ? bytes.count : null} />
          <ChatPanel models={models} initial={chatInitial} onChange={saveChat} editorText={stableEditorText} model={settings.model} onModel={onModel} />
          <ComparePanel
            current={settings.encoding}
            mode={settings.specialMode}
            models={models}
            getText={stableEditorText}
            getVisibleText={stableVisibleText}
            textVersion={snapshot?.version ?? -1}
            getTextVersion={stableTextVersion}
            model={settings.model}
            prices={settings.prices}
          />
          <StatsPanel compute={stableStats} textOf={stableTokenText} textVersion={snapshot?.version ?? -1} encoding={settings.encoding} getTextVersion={stableTextVersion} />
          <SplitPanel onSplit={stableSplit} preview={stablePreview} onCopy={stableCopyChunk} onExport={stableExportChunks} />
          <DecodePanel encoding={settings.encoding} onDecode={stableDecode} onCopy={stableCopyText} onSave={stableSaveDecoded} />
          <VocabPanel encoding={settings.encoding} revision={snapshot} document={vocabDocument} />

        </aside>
      </main>
      <div className="sr-only" aria-live="polite" role="status" aria-label="Announcements">
        {announcement}
      </div>
      <StatusBar
        work={work}
        message={message}
        onDismiss={() => {
          // The dismiss button goes away with the message: focus goes back to the text.
          setMessage(null)
          viewRef.current?.focus()
        }}
        onAction={setMessage}
        snapshot={snapshot}
        encoding={settings.encoding}
      />
    </div>
  )
}

