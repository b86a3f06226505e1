import { isolateHistory } from '@codemirror/commands'
import type { EditorView } from '@codemirror/view'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { formatCount } from '../../shared/format'
import { STANDARD_LIMITS } from '../../shared/limits'
import { loadModelList, type ModelInfo } from '../../shared/models'
import { parseSettings, type ActiveLimit, type Settings } from '../../shared/settings'
import { describeToken, type TokenInfo } from '../../shared/tokenInfo'
import { FLAG_PARTIAL } from '../../shared/tokenSpans'
import { bytesToHex } from '../../shared/utf8'
import { CountsPanel } from './components/CountsPanel'
import { Inspector } from './components/Inspector'
import { LimitsPanel, type LimitRow } from './components/LimitsPanel'
import { StatusBar, type StatusMessage } from './components/StatusBar'
import { TokenIdPanel } from './components/TokenIdPanel'
import { Toolbar } from './components/Toolbar'
import { createEditor, setShowWhitespace } from './editor/createEditor'
import { setTokens, setViewOptions } from './editor/tokenState'
import { limitLabel } from './editor/tokenDecorations'
import { clusterBreakTest } from './editor/clusterBreaks'
import { readDroppedFile } from './host/browserHost'
import type { Host } from './host/host'
import { SAMPLE_TEXT } from './sampleText'
import { TokenizerClient, type TokenizedText } from './worker/tokenizerClient'
import type { OpenTextFileResult } from '../../shared/ipc'

const DRAFT_KEY = 'draft'
const SETTINGS_KEY = 'settings'
/** Drafts larger than this are not autosaved in browser storage (it holds about 5 MB). */
const MAX_DRAFT_CHARS = 2_000_000

/** Work state shown in the status bar. */
type Work = { kind: 'idle' } | { kind: 'loading'; encoding: string } | { kind: 'working'; fraction: number | null }

/** The whole app: toolbar, editor with token colouring, counts, limits, inspector, token ids. */
export function App({ host }: { host: Host }) {
  const [settings, setSettings] = useState<Settings>(() => parseSettings(host.load(SETTINGS_KEY)))
  const [models, setModels] = useState<ModelInfo[] | null>(null)
  const [result, setResult] = useState<TokenizedText | null>(null)
  const [work, setWork] = useState<Work>({ kind: 'idle' })
  const [stale, setStale] = useState(true)
  const [message, setMessage] = useState<StatusMessage | null>(null)
  const [inspected, setInspectedState] = useState<number | null>(null)
  const [info, setInfo] = useState<TokenInfo | null>(null)
  const [viewport, setViewport] = useState({ from: 0, to: 0 })
  const [bytes, setBytes] = useState<{ index: number; hex: string; count: number } | null>(null)
  const editorParent = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const clientRef = useRef<TokenizerClient | null>(null)
  const latestJob = useRef(0)
  const settingsRef = useRef(settings)
  useEffect(() => {
    settingsRef.current = settings
  }, [settings])
  const resultRef = useRef<TokenizedText | null>(null)
  const inspectedRef = useRef<number | null>(null)
  const draftTimer = useRef<number | undefined>(undefined)
  const busyTimer = useRef<number | undefined>(undefined)
  const draftWarned = useRef(false)

  const requestTokens = useCallback(() => {
    const view = viewRef.current
    const client = clientRef.current
    if (!view || !client) return
    const s = settingsRef.current
    setStale(true)
    const job = client.tokenize(view.state.doc.toString(), s.encoding, s.specialMode)
    latestJob.current = job
    // Say so when a job takes long enough to notice (one huge word reports no progress).
    window.clearTimeout(busyTimer.current)
    busyTimer.current = window.setTimeout(() => {
      if (latestJob.current === job && resultRef.current?.job !== job) setWork((w) => (w.kind === 'idle' ? { kind: 'working', fraction: null } : w))
    }, 200)
  }, [])

  const saveDraftSoon = useCallback(() => {
    window.clearTimeout(draftTimer.current)
    draftTimer.current = window.setTimeout(() => {
      const view = viewRef.current
      if (!view) return
      if (view.state.doc.length > MAX_DRAFT_CHARS || !host.save(DRAFT_KEY, view.state.doc.toString())) {
        if (!draftWarned.current) {
          draftWarned.current = true
          setMessage({ tone: 'warning', text: 'This text is too large to autosave here; save it to a file to keep it.' })
        }
      } else draftWarned.current = false
    }, 600)
  }, [host])

  /** Shows token `index` in the inspector: its details now, its exact bytes as soon as known. */
  const inspect = useCallback((index: number | null) => {
    inspectedRef.current = index
    setInspectedState(index)
    const view = viewRef.current
    const current = resultRef.current
    const base = current && index !== null && view ? describeToken('', current.table, index, clusterBreakTest(view.state)) : null
    if (!base || !view || !current) {
      setInfo(null)
      setBytes(null)
      return
    }
    // Read only this token's text from the editor (joining a big document is costly).
    const next = { ...base, text: view.state.doc.sliceString(base.start, Math.min(base.end, view.state.doc.length)) }
    setInfo(next)
    if (!(current.table.flags[next.index] & FLAG_PARTIAL)) {
      // A whole token's bytes are its text's UTF-8 bytes.
      const b = new TextEncoder().encode(next.text)
      setBytes({ index: next.index, hex: bytesToHex(b), count: b.length })
      return
    }
    // A partial token's bytes come from the vocabulary, never from decoding.
    setBytes(null)
    void clientRef.current?.tokenBytes(current.encoding, [next.id]).then(([b]) => {
      if (b && inspectedRef.current === next.index) setBytes({ index: next.index, hex: bytesToHex(b), count: b.length })
    })
  }, [])

  // Editor and worker: created once.
  useEffect(() => {
    const client = new TokenizerClient((event) => {
      if (event.type === 'loading') setWork({ kind: 'loading', encoding: event.encoding })
      else if (event.type === 'progress') setWork({ kind: 'working', fraction: event.fraction })
      else if (event.type === 'error') {
        setWork({ kind: 'idle' })
        setMessage({ tone: 'error', text: `Tokenizing failed: ${event.message}` })
      } else if (event.result.job === latestJob.current) {
        viewRef.current?.dispatch({ effects: setTokens.of(event.result.table) })
        resultRef.current = event.result
        setResult(event.result)
        inspect(inspectedRef.current)
        setStale(false)
        setWork({ kind: 'idle' })
      }
    })
    clientRef.current = client
    const view = createEditor(editorParent.current!, host.load(DRAFT_KEY) ?? SAMPLE_TEXT, {
      onDocChanged: () => {
        requestTokens()
        saveDraftSoon()
      },
      onInspect: (index) => inspect(index),
      onViewport: (from, to) => setViewport({ from, to }),
    })
    viewRef.current = view
    setViewport({ from: view.viewport.from, to: view.viewport.to })
    requestTokens()
    view.focus()
    return () => {
      view.destroy()
      client.dispose()
      viewRef.current = null
      clientRef.current = null
    }
  }, [host, requestTokens, saveDraftSoon, inspect])

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
    host.save(SETTINGS_KEY, JSON.stringify(settings))
  }, [host, settings])
  useEffect(() => {
    requestTokens()
  }, [settings.encoding, settings.specialMode, requestTokens])
  useEffect(() => {
    if (viewRef.current) setShowWhitespace(viewRef.current, settings.showWhitespace)
  }, [settings.showWhitespace])

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
        limits: rows.map((r) => ({ value: r.value, label: limitLabel(r.value) })),
        inspected,
      }),
    })
  }, [rows, activeRow, inspected])

  const table = result?.table ?? null
  const tokenCount = table ? table.ids.length : null
  const update = useCallback((patch: Partial<Settings>) => setSettings((s) => ({ ...s, ...patch })), [])

  const applyOpened = useCallback((opened: OpenTextFileResult) => {
    const view = viewRef.current
    if (opened.kind === 'cancelled' || !view) return
    if (opened.kind === 'error') {
      setMessage({ tone: 'error', text: opened.message })
      return
    }
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: opened.file.text },
      selection: { anchor: 0 },
      scrollIntoView: true,
      // Its own undo step, so Undo brings back exactly the text that was replaced.
      annotations: isolateHistory.of('full'),
      userEvent: 'input.file',
    })
    view.focus()
    setMessage(
      opened.file.warning
        ? { tone: 'warning', text: `${opened.file.warning} Undo (Ctrl+Z) brings back the previous text.` }
        : { tone: 'info', text: `Opened ${opened.file.name}. Undo (Ctrl+Z) brings back the previous text.` },
    )
  }, [])

  const openFile = useCallback(() => {
    void host.openTextFile().then(applyOpened)
  }, [host, applyOpened])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'o') {
        e.preventDefault()
        openFile()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [openFile])

  const onDrop = (e: React.DragEvent) => {
    const file = e.dataTransfer.files?.[0]
    if (!file) return
    e.preventDefault()
    void readDroppedFile(file).then(applyOpened)
  }

  const copyIds = () => {
    if (!table) return
    navigator.clipboard
      .writeText(JSON.stringify(Array.from(table.ids)))
      .then(() => setMessage({ tone: 'info', text: `Copied ${formatCount(table.ids.length)} token IDs as a JSON array.` }))
      .catch(() => setMessage({ tone: 'error', text: 'Could not write to the clipboard.' }))
  }

  return (
    <div className="app" onDragOver={(e) => e.dataTransfer.types.includes('Files') && e.preventDefault()} onDrop={onDrop}>
      <Toolbar
        settings={settings}
        models={models}
        onEncoding={(encoding) => update({ encoding, model: null })}
        onModel={(name) => {
          const m = models?.find((x) => x.name === name)
          if (!name || !m) update({ model: null, activeLimit: settings.activeLimit === 'model' ? 'l4096' : settings.activeLimit })
          else update({ model: m.name, encoding: m.encoding, activeLimit: 'model' })
        }}
        onSpecialMode={(specialMode) => update({ specialMode })}
        onShowWhitespace={(showWhitespace) => update({ showWhitespace })}
        onShowIds={(showIds) => update({ showIds })}
        onOpenFile={openFile}
      />
      <main className="workspace">
        <div className="editor-column">
          <div className="editor" ref={editorParent} />
          {settings.showIds && (
            <TokenIdPanel table={table} viewport={viewport} inspected={inspected} onInspect={inspect} onCopy={copyIds} />
          )}
        </div>
        <aside className="sidebar">
          <CountsPanel tokens={tokenCount} counts={result?.counts ?? null} stale={stale} />
          <LimitsPanel
            tokens={tokenCount}
            rows={rows}
            active={activeRow?.key ?? null}
            customLimit={settings.customLimit}
            onActive={(activeLimit) => update({ activeLimit })}
            onCustomLimit={(customLimit) =>
              update({ customLimit, activeLimit: customLimit === null ? (settings.activeLimit === 'custom' ? 'l4096' : settings.activeLimit) : 'custom' })
            }
          />
          <Inspector onStep={inspect} tokenCount={tokenCount ?? 0} info={info} bytesHex={bytes && info && bytes.index === info.index ? bytes.hex : null} byteCount={bytes && info && bytes.index === info.index ? bytes.count : null} />
        </aside>
      </main>
      <StatusBar
        work={work}
        message={message}
        onDismiss={() => setMessage(null)}
        result={result}
        encoding={settings.encoding}
      />
    </div>
  )
}

export type { Work }
