import { Compartment, type EditorState, type Extension } from '@codemirror/state'
import { gutter, GutterMarker, type BlockInfo, type EditorView } from '@codemirror/view'
import { countText } from '@shared/text/counts'
import { formatRatio } from '@shared/text/format'
import { costLevel, tokensStartingIn } from '@shared/tools/stats'
import { tablePositions } from './positions'
import { setTokens } from './tokenState'

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

/** What one line costs: its number (from 1), its tokens, and characters per token. */
export interface LineDensity {
  line: number
  tokens: number
  charsPerToken: number
}

/**
 * The cost of the line at `pos` (with its line break), as the strip beside it shows it, or
 * null when it has no tokens yet. The inspector says it in text, for the keyboard.
 */
export function lineDensityAt(state: EditorState, pos: number): LineDensity | null {
  const { tokens, toTable } = tablePositions(state)
  const doc = state.doc
  const line = doc.lineAt(Math.min(pos, doc.length))
  if (!tokens || line.length === 0) return null
  const to = Math.min(doc.length, line.to + 1)
  // While an edit is on its way to the tokenizer, read the tokens at the positions they describe.
  const from = toTable(line.from, -1)
  const end = toTable(to, 1)
  const n = tokensStartingIn(tokens, from, end)
  if (n === 0) return null
  const chars = line.length > EXACT_CHARS_UP_TO ? line.length : countText(line.text).characters
  return { line: line.number, tokens: n, charsPerToken: chars / n }
}

/** The cost of one line: characters per token as a level, or null when it has no tokens yet. */
function lineMarker(view: EditorView, line: BlockInfo): GutterMarker | null {
  const cost = lineDensityAt(view.state, line.from)
  if (!cost) return null
  return new CostMarker(costLevel(cost.charsPerToken), `Line ${cost.line}: ${formatRatio(cost.charsPerToken)} characters per token (${cost.tokens} tokens)`)
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

/** The strip's place in the editor (off until setShowDensity turns it on). */
export const densityStripExtension: Extension = costCompartment.of(costStrip(false))

/** Shows or hides the density strip (called the cost strip in the code). */
export function setShowDensity(view: EditorView, show: boolean): void {
  view.dispatch({ effects: costCompartment.reconfigure(costStrip(show)) })
}
