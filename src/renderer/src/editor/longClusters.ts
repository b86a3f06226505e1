import { EditorSelection, type EditorState, type Extension, Prec, RangeSetBuilder } from '@codemirror/state'
import { Decoration, type DecorationSet, Direction, EditorView, keymap, ViewPlugin, type ViewUpdate, WidgetType } from '@codemirror/view'
import { formatCount } from '@shared/text/format'
import { findLongClusters, LONG_CLUSTER_CHARS } from '@shared/display/longClusters'
import { tablePositions } from './positions'
import { setTokens } from './tokenState'

/** A long grapheme cluster drawn as a box: its first character, its length and its tokens. */
class LongClusterWidget extends WidgetType {
  constructor(
    readonly base: string,
    readonly length: number,
    /** The first and last token inside, or null before the tokens are known. */
    readonly tokens: { first: number; last: number } | null,
  ) {
    super()
  }
  override eq(other: LongClusterWidget): boolean {
    return other.base === this.base && other.length === this.length && other.tokens?.first === this.tokens?.first && other.tokens?.last === this.tokens?.last
  }
  toDOM(): HTMLElement {
    const el = document.createElement('span')
    el.className = 'cm-long-cluster'
    const count = this.tokens ? this.tokens.last - this.tokens.first + 1 : null
    const what = `${formatCount(this.length)} characters${count === null ? '' : `, ${formatCount(count)} tokens`}`
    el.textContent = `${this.base} ⋯ ${what}`
    el.title = `One grapheme cluster of ${what} (combining marks or joiners on one character), drawn as a box: laid out as text it would freeze the window. Hover or Alt+Right to inspect its tokens.`
    el.setAttribute('aria-label', `Long grapheme cluster: ${what}`)
    if (this.tokens) {
      el.dataset.tokenIndex = String(this.tokens.first)
      if (this.tokens.last > this.tokens.first) el.dataset.tokenLast = String(this.tokens.last)
    }
    return el
  }
  override ignoreEvent(): boolean {
    return false
  }
}

/** The first and last token of document range from..to, or null when there are no tokens. */
function tokensIn(state: EditorState, from: number, to: number): { first: number; last: number } | null {
  const { tokens, toTable } = tablePositions(state)
  if (!tokens || tokens.count === 0) return null
  const first = tokens.indexAt(toTable(from, 1))
  const last = tokens.indexAt(Math.max(0, toTable(to, -1) - 1))
  return first < 0 || last < first ? null : { first, last }
}

/** Boxes for the long clusters in `ranges` (CodeMirror's visible ranges). */
export function longClusterDecorations(state: EditorState, ranges: readonly { from: number; to: number }[]): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  const doc = state.doc
  for (const r of ranges) {
    for (let pos = r.from; pos <= r.to; ) {
      const line = doc.lineAt(pos)
      const from = Math.max(line.from, r.from)
      const to = Math.min(line.to, r.to)
      // Only a line at least this long can hold a long cluster.
      if (to - from >= LONG_CLUSTER_CHARS) {
        for (const c of findLongClusters(line.text, LONG_CLUSTER_CHARS, from - line.from, to - line.from)) {
          const a = line.from + c.from
          const b = line.from + c.to
          const base = String.fromCodePoint(line.text.codePointAt(c.from)!)
          builder.add(a, b, Decoration.replace({ widget: new LongClusterWidget(base, b - a, tokensIn(state, a, b)) }))
        }
      }
      pos = line.to + 1
    }
  }
  return builder.finish()
}

const plugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = longClusterDecorations(view.state, view.visibleRanges)
    }
    update(update: ViewUpdate) {
      const tokens = update.transactions.some((tr) => tr.effects.some((e) => e.is(setTokens)))
      if (update.docChanged || update.viewportChanged || tokens) this.decorations = longClusterDecorations(update.state, update.view.visibleRanges)
    }
  },
  { decorations: (v) => v.decorations },
)

/**
 * Moves the caret (or the selection's head, with `extend`) from the end of a long cluster to
 * its start. CodeMirror's own backward motion searches for the cluster's start by walking
 * forward from ever earlier positions, which is quadratic in its length (seconds for tens of
 * thousands of marks). Left-to-right lines only; elsewhere CodeMirror moves.
 */
function moveBeforeCluster(extend: boolean) {
  return (view: EditorView): boolean => {
    const sel = view.state.selection.main
    if (!sel.empty && !extend) return false
    const line = view.state.doc.lineAt(sel.head)
    if (view.textDirectionAt(line.from) !== Direction.LTR) return false
    let start = -1
    view.plugin(plugin)?.decorations.between(sel.head, sel.head, (from, to) => {
      if (to === sel.head) start = from
    })
    if (start < 0) return false
    const range = extend ? EditorSelection.range(sel.anchor, start) : EditorSelection.cursor(start)
    view.dispatch({ selection: view.state.selection.replaceRange(range), scrollIntoView: true, userEvent: 'select' })
    return true
  }
}

/**
 * Draws every grapheme cluster longer than LONG_CLUSTER_CHARS as one box (its first
 * character, length and token count; hovering it inspects its first token) that the caret
 * steps over whole. The browser's layout of such a cluster (Zalgo text: a letter with tens of
 * thousands of combining marks) takes seconds and was repeated on every keystroke, and
 * CodeMirror's backward motion over it is quadratic.
 */
export const longClusters: Extension = [
  plugin,
  EditorView.atomicRanges.of((view) => view.plugin(plugin)?.decorations ?? Decoration.none),
  Prec.high(
    keymap.of([
      { key: 'ArrowLeft', run: moveBeforeCluster(false), shift: moveBeforeCluster(true) },
      { key: 'Mod-ArrowLeft', run: moveBeforeCluster(false), shift: moveBeforeCluster(true) },
    ]),
  ),
]
