import { type EditorState, Facet, RangeSetBuilder, StateEffect } from '@codemirror/state'
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate, WidgetType } from '@codemirror/view'
import { tokenColourSlot } from '@shared/display/palette'
import { FLAG_PARTIAL, FLAG_SPECIAL } from '@shared/tokenizer/tokenSpans'
import { cleanBoundaryBefore } from '@shared/display/tokenGroups'
import { clusterBreakTest } from './clusterBreaks'
import { limitCutPosition } from './limitCut'
import { BIDI_SCAN_CHARS, drawsTokenBoxes } from '@shared/display/tokenBoxes'
import { drawRanges, mapScreen, SCREEN_MARGIN_CHARS, type ScreenWindow } from './screenWindow'
import { tablePositions } from './positions'
import { setTokens, viewOptionsField } from './tokenState'

/** Marks rendered beyond this many tokens per visible range are skipped (a safety valve). */
const MAX_MARKS_PER_RANGE = 20_000

class LimitMarker extends WidgetType {
  constructor(
    readonly label: string,
    readonly active: boolean,
  ) {
    super()
  }
  override eq(other: LimitMarker): boolean {
    return other.label === this.label && other.active === this.active
  }
  toDOM(): HTMLElement {
    const el = document.createElement('span')
    el.className = this.active ? 'cm-limit-marker cm-limit-active' : 'cm-limit-marker'
    el.dataset.label = this.label
    el.setAttribute('role', 'note')
    el.setAttribute('aria-label', `Limit ${this.label} tokens ends here`)
    el.title = `The ${this.label}-token limit ends here: tokens after this mark do not fit.`
    return el
  }
  override ignoreEvent(): boolean {
    return true
  }
}

function classFor(first: number, last: number, flags: number, activeLimit: number | null, inspected: number | null, box: boolean): string {
  let cls = `tok tok-c${tokenColourSlot(first)}`
  if (box) cls += ' tok-box'
  if (flags & FLAG_SPECIAL) cls += ' tok-special'
  // Several tokens share these characters (split bytes or a split grapheme cluster).
  if (last > first || flags & FLAG_PARTIAL) cls += ' tok-partial'
  if (activeLimit !== null && first >= activeLimit) cls += ' tok-over'
  if (inspected !== null && inspected >= first && inspected <= last) cls += ' tok-focus'
  return cls
}

/** Told the document range that is on screen (first to last visible character) whenever it changes (see onScreenRange). */
export const screenListener = Facet.define<(visible: { from: number; to: number }) => void>()

/**
 * Reads which document range is on screen (a layout read: call it in a measure phase).
 * CodeMirror's viewport also renders a margin and whole long lines; colouring only what
 * can be seen keeps the DOM small, so a keystroke in a 10 MB document or a megabyte-long
 * line re-renders a screenful of tokens, not thousands.
 */
export function readScreen(view: EditorView): { visible: { from: number; to: number }; window: ScreenWindow } | null {
  const rect = view.scrollDOM.getBoundingClientRect()
  if (rect.height === 0) return null
  const content = view.contentDOM.getBoundingClientRect()
  let top: number
  let bottom: number
  try {
    top = view.posAtCoords({ x: content.left + 1, y: Math.max(rect.top, content.top) + 1 }, false)
    bottom = view.posAtCoords({ x: content.right - 1, y: Math.min(rect.bottom, content.bottom) - 1 }, false)
  } catch {
    // CodeMirror's hit test can throw on a line it cannot scan (a letter under 50,000 combining
    // marks: "Cannot read properties of null (reading 'length')" in scanTile): use its viewport.
    ;({ from: top, to: bottom } = view.viewport)
  }
  return {
    visible: { from: top, to: bottom },
    window: { from: Math.max(0, top - SCREEN_MARGIN_CHARS), to: Math.min(view.state.doc.length, bottom + SCREEN_MARGIN_CHARS) },
  }
}

/**
 * The token colouring and limit markers for `state`, drawn in the parts of `visible`
 * (CodeMirror's visible ranges) inside the on-screen window. Pure over the editor state:
 * every range lies inside the document, sorted, whatever the token table holds.
 */
export function buildTokenDecorations(state: EditorState, visible: readonly { from: number; to: number }[], screen: ScreenWindow): DecorationSet {
  const { tokens, toDoc: toNew, toTable: toOld } = tablePositions(state)
  const options = state.field(viewOptionsField)
  const builder = new RangeSetBuilder<Decoration>()
  if (!tokens) return builder.finish()
  const n = tokens.count
  const docLength = state.doc.length
  // Limit markers, by new-document position.
  const markers = new Map<number, LimitMarker[]>()
  for (const limit of options.limits) {
    const pos = limitCutPosition(state, limit.value)
    if (pos === null) continue
    const list = markers.get(pos) ?? []
    list.push(new LimitMarker(limit.label, limit.value === options.activeLimit))
    markers.set(pos, list)
  }
  const markerPositions = [...markers.keys()].sort((a, b) => a - b)
  let nextMarker = 0
  const addMarkersUpTo = (pos: number) => {
    while (nextMarker < markerPositions.length && markerPositions[nextMarker] <= pos) {
      const at = markerPositions[nextMarker++]
      for (const w of markers.get(at)!) builder.add(at, at, Decoration.widget({ widget: w, side: -1 }))
    }
  }
  const isBreak = clusterBreakTest(state)
  const clean = (k: number) => cleanBoundaryBefore(tokens, k, isBreak)
  const doc = state.doc
  for (const { from, to } of drawRanges(visible, screen, docLength)) {
    // Whether the line being drawn shows its tokens as boxes (see tokenBoxes.ts).
    let lineTo = -1
    let boxes = false
    let i = tokens.indexAt(toOld(from, -1))
    if (i < 0) continue
    while (i > 0 && !clean(i)) i--
    for (let count = 0; i < n && count < MAX_MARKS_PER_RANGE; count++) {
      // Tokens that share a character or grapheme cluster are drawn as one piece,
      // so an emoji is never torn apart; the piece carries the first token's index.
      let last = i
      while (last + 1 < n && !clean(last + 1)) last++
      const start = toNew(tokens.start(i), 1)
      if (start >= to) break
      const end = toNew(tokens.end(last), -1)
      const s = Math.max(start, from)
      if (end > s) {
        if (s > lineTo) {
          const line = doc.lineAt(s)
          lineTo = line.to
          boxes = drawsTokenBoxes(line.length, () => doc.sliceString(Math.max(line.from, from - BIDI_SCAN_CHARS), Math.min(line.to, to + BIDI_SCAN_CHARS)))
        }
        addMarkersUpTo(s)
        builder.add(
          s,
          end,
          Decoration.mark({
            class: classFor(i, last, tokens.flags(i), options.activeLimit, options.inspected, boxes),
            attributes: last > i ? { 'data-token-index': String(i), 'data-token-last': String(last) } : { 'data-token-index': String(i) },
          }),
        )
      }
      i = last + 1
    }
  }
  addMarkersUpTo(docLength)
  return builder.finish()
}

/** Asks the token colouring to redraw (after the on-screen window moved). */
const redrawTokens = StateEffect.define<null>()

/** Colours every token on screen, dims tokens past the active limit and marks where each limit falls. */
export const tokenDecorations = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    screen: ScreenWindow = null
    /** The visible range last told to the screen listeners. */
    visible: { from: number; to: number } | null = null
    destroyed = false
    readonly onScroll = () => this.measureScreen()
    constructor(readonly view: EditorView) {
      this.decorations = buildTokenDecorations(view.state, view.visibleRanges, null)
      view.scrollDOM.addEventListener('scroll', this.onScroll, { passive: true })
      this.measureScreen()
    }
    /** Re-reads what is on screen and tells the listeners; redraws when it moved outside the coloured window. */
    measureScreen() {
      this.view.requestMeasure({
        key: this,
        read: (view) => readScreen(view),
        write: (read, view) => {
          const visible = read?.visible
          if (visible && (visible.from !== this.visible?.from || visible.to !== this.visible?.to)) {
            this.visible = visible
            for (const listener of view.state.facet(screenListener)) listener(visible)
          }
          const screen = read?.window ?? null
          const old = this.screen
          const inside = old && screen && screen.from >= old.from && screen.to <= old.to && screen.from - old.from < 2 * SCREEN_MARGIN_CHARS
          if (inside && old.to - screen.to < 2 * SCREEN_MARGIN_CHARS) return
          this.screen = screen
          // No dispatch inside a measure: redraw right after it.
          queueMicrotask(() => this.destroyed || view.dispatch({ effects: redrawTokens.of(null) }))
        },
      })
    }
    update(update: ViewUpdate) {
      const redraw = update.transactions.some((tr) => tr.effects.some((e) => e.is(redrawTokens)))
      if (this.screen && update.docChanged) {
        const scrolls = update.transactions.some((tr) => tr.scrollIntoView)
        this.screen = mapScreen(update.changes, update.state.selection.main.head, scrolls, this.screen)
      }
      const rebuild =
        redraw ||
        update.viewportChanged ||
        update.geometryChanged ||
        update.startState.field(viewOptionsField) !== update.state.field(viewOptionsField) ||
        update.transactions.some((tr) => tr.effects.some((e) => e.is(setTokens)))
      if (rebuild) {
        this.decorations = buildTokenDecorations(update.state, update.view.visibleRanges, this.screen)
        if (update.viewportChanged || update.geometryChanged) this.measureScreen()
      } else if (update.docChanged) {
        // A keystroke before the tokenizer answers: move the marks with the text (cheap), redraw when the tokens come.
        this.decorations = this.decorations.map(update.changes)
      }
    }
    destroy() {
      this.destroyed = true
      this.view.scrollDOM.removeEventListener('scroll', this.onScroll)
    }
  },
  { decorations: (v) => v.decorations },
)

/** The on-screen window the token colouring draws in (null before the first measure): other extensions draw in the same part of the text. */
export function screenWindowOf(view: EditorView): ScreenWindow {
  return view.plugin(tokenDecorations)?.screen ?? null
}

/**
 * What is on screen: the one answer every part of the app uses (the token colouring, the
 * local tokenizing of an edit, the worker's priorities, the token-id list). The first to
 * last visible character as last measured; before the first measure, CodeMirror's viewport.
 */
export function onScreenRange(view: EditorView): { from: number; to: number } {
  const visible = view.plugin(tokenDecorations)?.visible
  const length = view.state.doc.length
  const { from, to } = visible ?? view.viewport
  return { from: Math.min(from, length), to: Math.min(to, length) }
}

/** Whether `update` redraws the token colouring because the on-screen window moved. */
export function screenMoved(update: ViewUpdate): boolean {
  return update.transactions.some((tr) => tr.effects.some((e) => e.is(redrawTokens)))
}
