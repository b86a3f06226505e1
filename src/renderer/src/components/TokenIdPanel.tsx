import { tokenColourSlot } from '../../../shared/palette'
import { formatCount } from '../../../shared/format'
import { FLAG_SPECIAL } from '../../../shared/tokenSpans'
import type { TokenView } from '../../../shared/tokenView'

/** Most id chips drawn at once; the panel follows the editor's viewport. */
const MAX_CHIPS = 4000

/** Props of the TokenIdPanel. */
export interface TokenIdPanelProps {
  tokens: TokenView | null
  /** The editor's visible document range. */
  viewport: { from: number; to: number }
  inspected: number | null
  onInspect(index: number): void
  onCopy(): void
  onExport(format: 'csv' | 'json'): void
}

/** Token ids in order, coloured like their tokens, for the part of the text on screen. */
export function TokenIdPanel({ tokens, viewport, inspected, onInspect, onCopy, onExport }: TokenIdPanelProps) {
  const n = tokens?.count ?? 0
  const first = tokens && n > 0 ? Math.max(0, tokens.indexAt(viewport.from)) : 0
  let last = first
  if (tokens) while (last < n && last - first < MAX_CHIPS && tokens.start(last) < viewport.to) last++
  const chips = []
  for (let i = first; tokens && i < last; i++) {
    const id = tokens.id(i)
    const special = (tokens.flags(i) & FLAG_SPECIAL) !== 0
    chips.push(
      <span
        key={i}
        className={`id-chip tok-c${tokenColourSlot(i)}${special ? ' tok-special' : ''}${i === inspected ? ' tok-focus' : ''}`}
        data-token-index={i}
        data-token-id={id}
        onMouseEnter={() => onInspect(i)}
      >
        {id}
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
        <button type="button" className="button small" onClick={() => onExport('csv')} disabled={n === 0}>
          Export CSV
        </button>
        <button type="button" className="button small" onClick={() => onExport('json')} disabled={n === 0}>
          Export JSON
        </button>
      </div>
      <div className="id-list">{chips}</div>
    </section>
  )
}
