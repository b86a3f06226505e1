import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate, WidgetType } from '@codemirror/view'

class NewlineWidget extends WidgetType {
  constructor(readonly crlf: boolean) {
    super()
  }
  override eq(other: NewlineWidget): boolean {
    return other.crlf === this.crlf
  }
  toDOM(): HTMLElement {
    const el = document.createElement('span')
    el.className = 'cm-newline-marker'
    el.textContent = this.crlf ? '␍↵' : '↵'
    el.setAttribute('aria-hidden', 'true')
    return el
  }
}

const lf = Decoration.widget({ widget: new NewlineWidget(false), side: 1 })

function build(view: EditorView): DecorationSet {
  const ranges = []
  const doc = view.state.doc
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = doc.lineAt(pos)
      if (line.number < doc.lines) ranges.push(lf.range(line.to))
      pos = line.to + 1
    }
  }
  return Decoration.set(ranges)
}

/** Shows a ↵ at the end of every visible line that has a newline (with whitespace shown). */
export const newlineMarkers = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = build(view)
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = build(update.view)
    }
  },
  { decorations: (v) => v.decorations },
)
