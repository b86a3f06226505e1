import { tokenColourSlot } from '../../../shared/palette'
import type { TokenTable } from '../../../shared/tokenize'
import { formatCount } from '../../../shared/format'
import { FLAG_SPECIAL } from '../../../shared/tokenSpans'
import { tokenAt } from '../../../shared/tokenSpans'

/** Most id chips drawn at once; the panel follows the editor's viewport. */
const MAX_CHIPS = 4000

/** Props of the TokenIdPanel. */
export interface TokenIdPanelProps {
  table: TokenTable | null
  /** The editor's visible document range (in the table's coordinates). */
  viewport: { from: number; to: number }
  inspected: number | null
  onInspect(index: number): void
  onCopy(): void
}

/** Token ids in order, coloured like their tokens, for the part of the text on screen. */
export function TokenIdPanel({ table, viewport, inspected, onInspect, onCopy }: TokenIdPanelProps) {
  const n = table?.ids.length ?? 0
  const first = table && n > 0 ? Math.max(0, tokenAt(table.starts, n, viewport.from)) : 0
  let last = first
  if (table) while (last < n && last - first < MAX_CHIPS && table.starts[last] < viewport.to) last++
  const chips = []
  for (let i = first; table && i < last; i++) {
    const special = (table.flags[i] & FLAG_SPECIAL) !== 0
    chips.push(
      <span
        key={i}
        className={`id-chip tok-c${tokenColourSlot(i)}${special ? ' tok-special' : ''}${i === inspected ? ' tok-focus' : ''}`}
        data-token-index={i}
        data-token-id={table.ids[i]}
        onMouseEnter={() => onInspect(i)}
      >
        {table.ids[i]}
      </span>,
    )
  }
  return (
    <section className="panel id-panel" aria-label="Token IDs">
      <div className="id-head">
        <h2>Token IDs</h2>
        <span className="hint">
          {n === 0 ? 'No tokens' : `Tokens ${formatCount(first)}–${formatCount(Math.max(first, last - 1))} of ${formatCount(n)} (what is on screen)`}
        </span>
        <button type="button" className="button small" onClick={onCopy} disabled={n === 0}>
          Copy all IDs
        </button>
      </div>
      <div className="id-list">{chips}</div>
    </section>
  )
}
