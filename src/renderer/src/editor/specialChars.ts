import { RangeSetBuilder, type Text } from '@codemirror/state'
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate, WidgetType } from '@codemirror/view'
import { TOKEN_BOX_MIN_LINE_CHARS } from '@shared/display/tokenBoxes'
import { drawRanges, type ScreenWindow } from './screenWindow'
import { screenMoved, screenWindowOf } from './tokenDecorations'

/**
 * Characters drawn as a visible placeholder: C0 and C1 controls (not tab or line feed), soft
 * hyphen, Arabic letter mark, zero-width space, bidi marks, overrides and isolates, line and
 * paragraph separators, byte order mark, interlinear annotation and object replacement
 * characters (CodeMirror's set), and the no-break space.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SPECIAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00a0\u00ad\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffc]/g

const NAMES: Record<number, string> = {
  0: 'null',
  7: 'bell',
  8: 'backspace',
  11: 'vertical tab',
  12: 'form feed',
  13: 'carriage return',
  27: 'escape',
  0xa0: 'no-break space',
  0xad: 'soft hyphen',
  0x200b: 'zero width space',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0xfeff: 'zero width no-break space',
}

/** One special character (or a run of `count` of the same one): `\r` quietly (a token of its own in Windows line ends), a control picture or a bullet for the rest. */
class SpecialCharWidget extends WidgetType {
  constructor(
    readonly code: number,
    readonly count = 1,
  ) {
    super()
  }
  override eq(other: SpecialCharWidget): boolean {
    return other.code === this.code && other.count === this.count
  }
  toDOM(): HTMLElement {
    const el = document.createElement('span')
    const name = NAMES[this.code] ?? `U+${this.code.toString(16).toUpperCase().padStart(4, '0')}`
    el.title = this.count > 1 ? `${this.count.toLocaleString('en-US')} control characters ${name} in a row` : `Control character ${name}`
    el.setAttribute('aria-label', el.title)
    if (this.code === 13) {
      el.textContent = '\\r'
      el.className = 'cm-cr-marker'
    } else {
      // Control pictures (␀-␟, ␡) for C0 controls and DEL, as CodeMirror draws them; a bullet for the rest.
      el.textContent = this.code < 32 ? String.fromCharCode(0x2400 + this.code) : this.code === 127 ? '\u2421' : '\u2022'
      if (this.count > 1) el.textContent += `\u00d7${this.count.toLocaleString('en-US')}`
      el.className = 'cm-specialChar'
    }
    return el
  }
  override ignoreEvent(): boolean {
    return false
  }
}

const widgets = new Map<number, Decoration>()
function widgetFor(code: number): Decoration {
  let d = widgets.get(code)
  if (!d) widgets.set(code, (d = Decoration.replace({ widget: new SpecialCharWidget(code) })))
  return d
}

/**
 * Runs of at least this many of the same special character (other than \r) are drawn as one
 * placeholder "•×N", everywhere in the rendered lines, not only on screen: 10,000 right-to-left
 * overrides pasted were 2,300 elements plus 7,700 raw overrides the browser laid out again on
 * every change (a 1.5 s task on paste and about 200 ms per key after it; issue 26).
 */
export const SPECIAL_RUN_MIN = 16

/** How far beyond the on-screen window runs are drawn as one placeholder. */
const RUN_MARGIN_CHARS = 100_000

/** A run of SPECIAL_RUN_MIN or more of one special character. */
const SPECIAL_RUN = new RegExp(`(${SPECIAL.source})\\1{${SPECIAL_RUN_MIN - 1},}`, 'g')

/** Placeholders for the special characters of `doc` in the parts of `visible` inside the on-screen window, and for runs of them anywhere in `visible`. */
export function specialCharDecorations(doc: Text, visible: readonly { from: number; to: number }[], screen: ScreenWindow): DecorationSet {
  const found: { from: number; to: number; deco: Decoration }[] = []
  const runs: { from: number; to: number }[] = []
  // Runs are looked for around the screen (a wrapped line of megabytes is not scanned whole per keystroke).
  const near = screen && { from: Math.max(0, screen.from - RUN_MARGIN_CHARS), to: screen.to + RUN_MARGIN_CHARS }
  for (const { from, to } of drawRanges(visible, near, doc.length)) {
    const text = doc.sliceString(from, to)
    SPECIAL_RUN.lastIndex = 0
    for (let m = SPECIAL_RUN.exec(text); m; m = SPECIAL_RUN.exec(text)) {
      const code = text.charCodeAt(m.index)
      if (code === 13) continue
      const run = { from: from + m.index, to: from + m.index + m[0].length }
      runs.push(run)
      found.push({ ...run, deco: Decoration.replace({ widget: new SpecialCharWidget(code, m[0].length) }) })
    }
  }
  let r = 0
  for (const { from, to } of drawRanges(visible, screen, doc.length)) {
    const text = doc.sliceString(from, to)
    let line = doc.lineAt(from)
    SPECIAL.lastIndex = 0
    for (let m = SPECIAL.exec(text); m; m = SPECIAL.exec(text)) {
      const pos = from + m.index
      // Inside a run drawn as one placeholder: go on after it.
      while (r < runs.length && runs[r].to <= pos) r++
      if (r < runs.length && runs[r].from <= pos) {
        SPECIAL.lastIndex = Math.max(SPECIAL.lastIndex, runs[r].to - from)
        continue
      }
      const code = text.charCodeAt(m.index)
      if (pos > line.to) line = doc.lineAt(pos)
      // Controls in a long line stay text: the browser draws them as a box with their code.
      if (isControl(code) && line.length >= TOKEN_BOX_MIN_LINE_CHARS) continue
      found.push({ from: pos, to: pos + 1, deco: widgetFor(code) })
    }
  }
  found.sort((a, b) => a.from - b.from)
  const builder = new RangeSetBuilder<Decoration>()
  for (const f of found) builder.add(f.from, f.to, f.deco)
  return builder.finish()
}

/** C0 and C1 control characters (and DEL), except carriage return (drawn quietly as \\r everywhere). */
function isControl(code: number): boolean {
  return code !== 13 && (code < 0x20 || (code >= 0x7f && code <= 0x9f))
}

/**
 * Shows control and invisible characters as placeholders, like CodeMirror's
 * highlightSpecialChars, but only in the on-screen window the token colouring draws in.
 * CodeMirror's draws every one in the rendered lines, and a wrapped line is rendered whole: a
 * 15 KB log line with 5,000 control characters became 5,000 inline elements that the browser
 * laid out again on every keystroke (a slow paste, and slow keys after it).
 */
export const specialChars = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = specialCharDecorations(view.state.doc, view.visibleRanges, screenWindowOf(view))
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged || screenMoved(update)) {
        this.decorations = specialCharDecorations(update.state.doc, update.view.visibleRanges, screenWindowOf(update.view))
      }
    }
  },
  { decorations: (v) => v.decorations },
)
