import type { Text } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import type { TextEdit } from '@shared/document/documentModel'
import { LOCAL_EDIT_MAX_CHARS, type OnScreen } from '@shared/document/localEdit'
import type { TokenIndex } from '@shared/document/tokenIndex'
import type { TokenView } from '@shared/document/tokenView'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import type { CoordinatorResponse } from '@shared/contract/workerProtocol'
import type { EditorCallbacks } from '../editor/createEditor'
import { tablePositions } from '../editor/positions'
import { onScreenRange } from '../editor/tokenDecorations'
import { setTokens, setViewOptions, type TokenViewOptions } from '../editor/tokenState'
import type { TokenSource } from '../editor/tokenSync'
import { LocalEncoderLoader } from '../tokens/localEncoder'
import { browserTimers, TokenStream, type Timers, type TokenSnapshot, type Work } from '../tokens/tokenStream'
import { TokenizerClient } from '../worker/tokenizerClient'
import { applyDisplay, mountEditor, type EditorDisplay } from './mountEditor'

/** What views show about the editor and its tokens; a new object whenever any of it changes. */
export interface EditorSnapshot {
  /** Counts and progress of the shown tokens (null before the first). */
  readonly tokens: TokenSnapshot | null
  /** The shown token table: the one `tokens` counts (a new encoding's swaps in once it has tokens). */
  readonly index: TokenIndex | null
  /** What the tokenizer is doing, for the status bar. */
  readonly work: Work
  /** The range on screen (first to last visible character) in the shown tokens' coordinates. */
  readonly screen: { readonly from: number; readonly to: number }
  /** Whether Tab indents in the editor (Ctrl+M), instead of moving focus. */
  readonly tabIndents: boolean
}

/** What the session tells the rest of the app. Each is optional and read at call time. */
export interface EditorSessionEvents {
  /** The text changed (typing, a paste, a command): for the draft and the "edited" mark. */
  edited?(): void
  /** The token under the pointer or caret changed (null: none). */
  inspect?(index: number | null, source: 'hover' | 'caret' | 'keyboard'): void
  /** New tokens were drawn in the editor (the inspector may catch up). */
  tokensShown?(): void
  /** Ctrl+M switched what Tab does in the editor (true: Tab indents). */
  tabIndents?(indents: boolean): void
  /** Tokenizing failed, with the reason. */
  error?(message: string): void
  /** Tokenizer `id` could not be loaded (`message` says why); `fallback` is in use again. */
  tokenizerFailed?(id: TokenizerId, fallback: TokenizerId, message: string): void
}

/** What the session is built from (injectable for tests). */
export interface EditorSessionDeps {
  /** Creates the tokenizer worker (default: the real one). */
  createWorker?: () => Worker
  /** Runs a callback once the next frame is painted (default: after the next paint). */
  afterPaint?: (fn: () => void) => void
  /** Loads an encoder on this thread for small edits. */
  loadEncoder?: (id: TokenizerId) => Promise<Tokenizer>
  /** Timers of the token stream and the viewport message. */
  timers?: Timers
  /** Runs a state update synchronously (React's flushSync), so a keystroke's count lands in its frame. */
  flushSync?: (fn: () => void) => void
}

/** How soon after the screen moves the worker is told (scrolling sends many moves). */
const SCREEN_MESSAGE_MS = 30

/** The parts that live while the session is attached. */
interface Attached {
  client: TokenizerClient
  stream: TokenStream
  loader: LocalEncoderLoader
  view: EditorView | null
}

/**
 * The editor and its tokenizer as one object: owns the CodeMirror view, the worker client,
 * the token stream and the local encoder, links them directly (edits go from the editor to
 * the stream and worker, tokens come back to the editor as effects) and publishes what the
 * views show as immutable snapshots (subscribe/getSnapshot, as useSyncExternalStore wants).
 */
export class EditorSession {
  private snapshot: EditorSnapshot = { tokens: null, index: null, work: { kind: 'idle' }, screen: { from: 0, to: 0 }, tabIndents: false }
  private readonly listeners = new Set<() => void>()
  private parts: Attached | null = null
  private config: { encoding: TokenizerId; mode: SpecialMode }
  private display: EditorDisplay | null = null
  private viewOptions: TokenViewOptions | null = null
  /** A snapshot of a keystroke tokenized here: published once its tokens are drawn, in the same frame. */
  private urgent: TokenSnapshot | null = null
  /** Token snapshots published so far: a paste's snapshot held for after the paint is dropped when a newer one came. */
  private published = 0
  private screenTimer: number | undefined
  private swaps = 0
  private readonly timers: Timers

  /** Read-only views of the parts, shaped like React refs, for code that takes refs. */
  readonly viewRef: { readonly current: EditorView | null }
  readonly streamRef: { readonly current: TokenStream | null }
  readonly clientRef: { readonly current: TokenizerClient | null }

  constructor(
    private readonly initialText: string,
    encoding: TokenizerId,
    mode: SpecialMode,
    private events: EditorSessionEvents = {},
    private readonly deps: EditorSessionDeps = {},
  ) {
    this.config = { encoding, mode }
    this.timers = deps.timers ?? browserTimers
    const parts = () => this.parts
    this.viewRef = { get current() { return parts()?.view ?? null } }
    this.streamRef = { get current() { return parts()?.stream ?? null } }
    this.clientRef = { get current() { return parts()?.client ?? null } }
  }

  /** Replaces what the session tells the app (the app's handlers change as it renders). */
  setEvents(events: EditorSessionEvents): void {
    this.events = events
  }

  /** Calls `listener` after every new snapshot; returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** What the views show now (the same object until something changes). */
  getSnapshot = (): EditorSnapshot => this.snapshot

  /** The editor view (null while detached). */
  get view(): EditorView | null {
    return this.parts?.view ?? null
  }

  /** The worker client (null while detached). */
  get client(): TokenizerClient | null {
    return this.parts?.client ?? null
  }

  /** How many times a new token table (a new encoding or mode) took over the screen so far. */
  get tableSwaps(): number {
    return this.swaps
  }

  /** The token table on screen (null before the first tokens). */
  get tokens(): TokenIndex | null {
    return this.parts?.stream.current ?? null
  }

  /**
   * Starts the worker and, given `parent`, the editor in it, with the initial text (again
   * after a detach: React's strict mode mounts twice). Without a parent only the tokenizer
   * side runs (tests).
   */
  attach(parent: HTMLElement | null): void {
    if (this.parts) return
    const stream = new TokenStream(
      {
        showTokens: (index, version) => {
          const view = this.view
          view?.dispatch({ effects: setTokens.of({ tokens: index, version }) })
          // The screen in the new table's positions: a paste's first tokens land in a table the
          // old screen range (mapped into the table before them) does not cover.
          if (view) {
            const { from, to } = onScreenRange(view)
            this.showScreen(from, to)
          }
          this.events.tokensShown?.()
        },
        // The index itself reaches views with the snapshot that counts it.
        indexChanged: () => this.swaps++,
        snapshot: (s, urgent) => {
          if (urgent) this.urgent = s
          else {
            this.published++
            this.update({ tokens: s, index: s.index })
          }
          if (s.pending > 0) loader.busy()
        },
        work: (work) => this.update({ work }),
        error: (text) => this.events.error?.(text),
        tokenizerFailed: (id, fallback, text) => this.events.tokenizerFailed?.(id, fallback, text),
      },
      this.timers,
    )
    const loader = new LocalEncoderLoader((enc) => stream.setLocalEncoder(enc), this.deps.loadEncoder)
    const client = new TokenizerClient((msg: CoordinatorResponse) => stream.handle(msg), this.deps.createWorker, this.deps.afterPaint)
    this.parts = { client, stream, loader, view: null }
    this.update({ tokens: null, index: null, work: { kind: 'idle' }, tabIndents: false })
    client.configure(this.config.encoding, this.config.mode)
    loader.want(this.config.encoding)
    const text = parent
      ? mountEditor(parent, this.initialText, this.source, this.editorCallbacks, (view) => this.afterMount(view))
      : null
    client.reset(0, text ?? this.initialText)
  }

  /** Configures the new view: display options, what is on screen. */
  private afterMount(view: EditorView): void {
    const parts = this.parts!
    parts.view = view
    if (this.display) applyDisplay(view, this.display, null)
    if (this.viewOptions) view.dispatch({ effects: setViewOptions.of(this.viewOptions) })
    // The worker learns what is on screen before the text arrives (later moves are debounced).
    const { from, to } = onScreenRange(view)
    parts.stream.setViewport(from, to)
    parts.client.viewport(from, to)
  }

  /** Stops the worker and destroys the editor; attach starts them again. */
  detach(): void {
    const parts = this.parts
    if (!parts) return
    this.parts = null
    this.timers.clearTimeout(this.screenTimer)
    this.urgent = null
    parts.view?.destroy()
    parts.client.dispose()
    parts.stream.dispose()
    parts.loader.dispose()
  }

  /** Chooses the encoding and special-token mode (the worker re-tokenizes when they change). */
  configure(encoding: TokenizerId, mode: SpecialMode): void {
    if (encoding === this.config.encoding && mode === this.config.mode) return
    this.config = { encoding, mode }
    this.parts?.client.configure(encoding, mode)
    this.parts?.loader.want(encoding)
  }

  /** Shows whitespace, the cost strip, wrapping and line numbers as asked. */
  setDisplay(display: EditorDisplay): void {
    const before = this.display
    this.display = display
    if (this.view) applyDisplay(this.view, display, before)
  }

  /** Tells the editor which limits to mark and which token to outline. */
  setViewOptions(options: TokenViewOptions): void {
    this.viewOptions = options
    this.view?.dispatch({ effects: setViewOptions.of(options) })
  }

  /** What the editor itself reports (besides edits and the screen, which go to `source`). */
  private readonly editorCallbacks: EditorCallbacks = {
    onInspect: (index, source) => this.events.inspect?.(index, source),
    onTabIndents: (tabIndents) => {
      this.update({ tabIndents })
      this.events.tabIndents?.(tabIndents)
    },
  }

  /** The token source the editor is linked to (tokenSync). */
  readonly source: TokenSource = {
    edit: (version: number, edits: TextEdit[], before: Text, onScreen: OnScreen, screen?: { from: number; to: number }): TokenView | null => {
      const parts = this.parts
      if (!parts) return null
      const { stream, client, loader } = parts
      const local = stream.editLocally(version, edits, (from, to) => before.sliceString(from, to), onScreen)
      const big = edits.some(([from, to, insert]) => to - from + insert.length > LOCAL_EDIT_MAX_CHARS)
      // A big change the worker tokenizes whole: it learns first where the screen will be (a
      // paste ends with its end on screen), so that part is tokenized first; the editor's own
      // report of its screen comes only after it has measured the new text.
      if (!local && big && screen) client.viewport(screen.from, screen.to)
      // A big paste whose screen is tokenized here: its copy to the worker waits for the first frame.
      if (local && local.pending > 0) client.editAfterPaint(version, edits)
      else client.edit(version, edits)
      // A paste or other big change: the tokenizer is about to be busy.
      if (!local && big) loader.busy()
      this.events.edited?.()
      return local
    },
    drawn: () => {
      const next = this.urgent
      this.urgent = null
      if (next && next.pending > 0) {
        // A paste: its first colours are painted before the panels redraw (they say "counting"
        // a frame later), unless a newer snapshot came meanwhile.
        const seq = ++this.published
        const afterPaint = this.deps.afterPaint ?? ((fn: () => void) => fn())
        afterPaint(() => seq === this.published && this.update({ tokens: next, index: next.index }))
      } else if (next) {
        // A keystroke: count and colours land in the same frame.
        const flush = this.deps.flushSync ?? ((fn: () => void) => fn())
        flush(() => this.update({ tokens: next, index: next.index }))
      }
      this.events.tokensShown?.()
    },
    screen: (from: number, to: number) => {
      const parts = this.parts
      if (!parts) return
      this.showScreen(from, to)
      this.timers.clearTimeout(this.screenTimer)
      this.screenTimer = this.timers.setTimeout(() => this.parts?.client.viewport(from, to), SCREEN_MESSAGE_MS)
    },
  }

  /**
   * Tells the stream and the views which part of the shown token table is on screen (document
   * range [from, to) mapped into the table: the stream and the token-id list read the shown
   * tokens; the worker, which has every edit, gets document positions).
   */
  private showScreen(from: number, to: number): void {
    const parts = this.parts
    if (!parts) return
    const table = parts.view ? tablePositions(parts.view.state) : null
    const screen = table ? { from: table.toTable(from, -1), to: table.toTable(to, 1) } : { from, to }
    if (screen.from === this.snapshot.screen.from && screen.to === this.snapshot.screen.to) return
    parts.stream.setViewport(screen.from, screen.to)
    this.update({ screen })
  }

  /** Publishes a new snapshot with `patch` applied, unless it changes nothing. */
  private update(patch: Partial<EditorSnapshot>): void {
    const prev = this.snapshot
    const changed = (Object.keys(patch) as (keyof EditorSnapshot)[]).some((k) => !sameValue(k, prev[k], patch[k]))
    if (!changed) return
    this.snapshot = { ...prev, ...patch }
    for (const listener of this.listeners) listener()
  }
}

/** Whether two values of a snapshot field show the same thing (the stream already drops repeated work states). */
function sameValue(key: keyof EditorSnapshot, a: unknown, b: unknown): boolean {
  const range = (v: unknown) => v as EditorSnapshot['screen']
  return a === b || (key === 'screen' && range(a).from === range(b).from && range(a).to === range(b).to)
}
