import { memo, useDeferredValue, useMemo, type MouseEvent } from 'react'
import { useDebouncedValue } from '../useDebouncedValue'
import { useThrottledValue } from '../useThrottledValue'
import { tokenColourSlot } from '../../../shared/palette'
import { formatCount } from '../../../shared/format'
import { FLAG_SPECIAL } from '../../../shared/tokenSpans'
import type { TokenView } from '../../../shared/tokenView'

/** Most id chips drawn at once (a screen of dense text holds one to two thousand tokens). */
const MAX_CHIPS = 4000

/** Props of the TokenIdPanel. */
export interface TokenIdPanelProps {
  /** The tokens (a mutable index: `revision` says when it changed). */
  tokens: TokenView | null
  /** Changes whenever the tokens do. */
  revision: unknown
  /** The document range on screen in the editor. */
  screen: { from: number; to: number }
  inspected: number | null
  onInspect(index: number): void
  onCopy(): void
  onExport(format: 'csv' | 'json'): void
}

/** The chips follow scrolling at most this often (ms). */
const REFRESH_MS = 100
/** The chips catch up with typing once it pauses this long (ms). */
const TYPING_PAUSE_MS = 150

/**
 * Token ids in order, coloured like their tokens, for the part of the text on screen. The
 * chips follow scrolling at most every REFRESH_MS and typing when it pauses, and are drawn
 * at low priority (React's deferred value): a keystroke's count and colours come first, and
 * no keystroke waits for hundreds of chips to change (a key that adds a token changes them all).
 */
export const TokenIdPanel = memo(function TokenIdPanel({ tokens, revision, screen, inspected, onInspect, onCopy, onExport }: TokenIdPanelProps) {
  // While typing, the tokens and the screen range (its positions shift) change with every key: hold the chips.
  const settled = useDebouncedValue(revision, TYPING_PAUSE_MS)
  const shown = useDeferredValue(useThrottledValue({ revision: settled, screen, inspected }, REFRESH_MS, settled !== revision))
  const n = tokens?.count ?? 0
  const { first, last, chips } = useMemo(() => {
    const count = tokens?.count ?? 0
    const from = tokens && count > 0 ? Math.max(0, tokens.indexAt(shown.screen.from)) : 0
    let to = from
    if (tokens) while (to < count && to - from < MAX_CHIPS && (to === from || tokens.start(to) < shown.screen.to)) to++
    const list = []
    for (let i = from; tokens && i < to; i++) {
      const special = (tokens.flags(i) & FLAG_SPECIAL) !== 0
      list.push(
        <span
          key={i}
          className={`id-chip tok-c${tokenColourSlot(i)}${special ? ' tok-special' : ''}${i === shown.inspected ? ' tok-focus' : ''}`}
          data-token-index={i}
          data-token-id={tokens.id(i)}
        >
          {tokens.id(i)}
        </span>,
      )
    }
    return { first: from, last: to, chips: list }
    // `revision` stands for the tokens' content (the index is mutated in place).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tokens, shown.revision, shown.screen, shown.inspected])
  // One listener for all chips: hovering a chip inspects its token.
  const onMouseOver = (e: MouseEvent<HTMLDivElement>) => {
    const chip = (e.target as HTMLElement).closest<HTMLElement>('[data-token-index]')
    if (chip) onInspect(Number(chip.dataset.tokenIndex))
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
      <div className="id-list" onMouseOver={onMouseOver}>
        {chips}
      </div>
    </section>
  )
})
