import { RangeSetBuilder } from '@codemirror/state'
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate, WidgetType } from '@codemirror/view'
import { tokenColourSlot } from '../../../shared/palette'
import { FLAG_PARTIAL, FLAG_SPECIAL } from '../../../shared/tokenSpans'
import { cleanBoundaryBefore } from '../../../shared/tokenGroups'
import { clusterBreakTest } from './clusterBreaks'
import { formatCount } from '../../../shared/format'
import { tokenField, viewOptionsField } from './tokenState'

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

function classFor(first: number, last: number, flags: number, activeLimit: number | null, inspected: number | null): string {
  let cls = `tok tok-c${tokenColourSlot(first)}`
  if (flags & FLAG_SPECIAL) cls += ' tok-special'
  // Several tokens share these characters (split bytes or a split grapheme cluster).
  if (last > first || flags & FLAG_PARTIAL) cls += ' tok-partial'
  if (activeLimit !== null && first >= activeLimit) cls += ' tok-over'
  if (inspected !== null && inspected >= first && inspected <= last) cls += ' tok-focus'
  return cls
}

function build(view: EditorView): DecorationSet {
  const { tokens, pending } = view.state.field(tokenField)
  const options = view.state.field(viewOptionsField)
  const builder = new RangeSetBuilder<Decoration>()
  if (!tokens) return builder.finish()
  const n = tokens.count
  const docLength = view.state.doc.length
  const toNew = (pos: number, assoc: -1 | 1) => (pending ? pending.mapPos(pos, assoc) : pos)
  const toOld = (pos: number, assoc: -1 | 1) => (pending ? pending.invertedDesc.mapPos(pos, assoc) : pos)
  // Limit markers, by new-document position.
  const markers = new Map<number, LimitMarker[]>()
  for (const limit of options.limits) {
    if (limit.value >= n) continue
    const pos = Math.min(docLength, toNew(tokens.start(limit.value), -1))
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
  const isBreak = clusterBreakTest(view.state)
  const clean = (k: number) => cleanBoundaryBefore(tokens, k, isBreak)
  for (const { from, to } of view.visibleRanges) {
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
      const end = Math.min(toNew(tokens.end(last), -1), docLength)
      const s = Math.max(start, from)
      if (end > s) {
        addMarkersUpTo(s)
        builder.add(
          s,
          end,
          Decoration.mark({
            class: classFor(i, last, tokens.flags(i), options.activeLimit, options.inspected),
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

/** Colours every visible token, dims tokens past the active limit and marks where each limit falls. */
export const tokenDecorations = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = build(view)
    }
    update(update: ViewUpdate) {
      if (
        update.docChanged ||
        update.viewportChanged ||
        update.startState.field(tokenField) !== update.state.field(tokenField) ||
        update.startState.field(viewOptionsField) !== update.state.field(viewOptionsField)
      ) {
        this.decorations = build(update.view)
      }
    }
  },
  { decorations: (v) => v.decorations },
)

/** Label for a limit marker ("1,024"). */
export function limitLabel(value: number): string {
  return formatCount(value)
}
