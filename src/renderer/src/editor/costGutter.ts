import { Compartment, type Extension } from '@codemirror/state'
import { gutter, GutterMarker, type BlockInfo, type EditorView } from '@codemirror/view'
import { countText } from '../../../shared/counts'
import { formatRatio } from '../../../shared/format'
import { costLevel, tokensStartingIn } from '../../../shared/stats'
import { setTokens, tokenField } from './tokenState'

/** Lines longer than this are measured in UTF-16 units, not characters (counting them on every redraw costs too much). */
const EXACT_CHARS_UP_TO = 100_000

class CostMarker extends GutterMarker {
  constructor(
    readonly level: number,
    readonly label: string,
  ) {
    super()
  }
  override eq(other: CostMarker): boolean {
    return other.level === this.level && other.label === this.label
  }
  override toDOM(): Node {
    const el = document.createElement('div')
    el.className = `cm-cost cm-cost-${this.level}`
    el.title = this.label
    return el
  }
}

/** The cost of one line (with its line break): characters per token as a level, or null when it has no tokens yet. */
function lineMarker(view: EditorView, line: BlockInfo): GutterMarker | null {
  const { tokens, pending } = view.state.field(tokenField)
  if (!tokens || line.length === 0) return null
  const doc = view.state.doc
  const to = Math.min(doc.length, line.to + 1)
  // While an edit is on its way to the tokenizer, read the tokens at the positions they describe.
  const from = pending ? pending.invertedDesc.mapPos(line.from, -1) : line.from
  const end = pending ? pending.invertedDesc.mapPos(to, 1) : to
  const n = tokensStartingIn(tokens, from, end)
  if (n === 0) return null
  const chars = line.length > EXACT_CHARS_UP_TO ? line.length : countText(doc.sliceString(line.from, line.to)).characters
  const ratio = chars / n
  const number = doc.lineAt(line.from).number
  return new CostMarker(costLevel(ratio), `Line ${number}: ${formatRatio(ratio)} characters per token (${n} tokens)`)
}

const costCompartment = new Compartment()

/** A thin strip beside each line, coloured by how many characters its tokens hold: pale for cheap text, red for expensive. */
function costStrip(show: boolean): Extension {
  if (!show) return []
  return gutter({
    class: 'cm-cost-gutter',
    lineMarker,
    lineMarkerChange: (update) => update.transactions.some((tr) => tr.effects.some((e) => e.is(setTokens))),
  })
}

/** The strip's place in the editor (off until setShowCost turns it on). */
export const costStripExtension: Extension = costCompartment.of(costStrip(false))

/** Shows or hides the density strip (called the cost strip in the code). */
export function setShowCost(view: EditorView, show: boolean): void {
  view.dispatch({ effects: costCompartment.reconfigure(costStrip(show)) })
}
