import { memo, useDeferredValue, useMemo, type KeyboardEvent, type MouseEvent } from 'react'
import { useDebouncedValue } from '../../ui/useDebouncedValue'
import { useThrottledValue } from '../../ui/useThrottledValue'
import { tokenColourSlot } from '@shared/display/palette'
import { formatCount } from '@shared/text/format'
import { FLAG_SPECIAL } from '@shared/tokenizer/tokenSpans'
import type { TokenView } from '@shared/document/tokenView'

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
  /** Inspects a token: by hovering its chip, or with the arrow keys in the focused list ('keyboard'). */
  onInspect(index: number, source?: 'keyboard'): void
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
  // The focused list: arrow keys, Home and End move the inspected token among the chips listed.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (last <= first) return
    const at = inspected !== null && inspected >= first && inspected < last ? inspected : null
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }
    let next: number | null = null
    if (e.key in step) next = at === null ? first : Math.max(first, Math.min(last - 1, at + step[e.key]))
    else if (e.key === 'Home') next = first
    else if (e.key === 'End') next = last - 1
    if (next === null) return
    e.preventDefault()
    onInspect(next, 'keyboard')
    e.currentTarget.querySelector(`[data-token-index="${next}"]`)?.scrollIntoView({ block: 'nearest' })
  }
  return (
    <section className="panel id-panel" aria-label="Token IDs">
      <div className="id-head">
        <h2>Token IDs</h2>
        <span className="hint">
          {n === 0 ? 'No tokens' : `Tokens ${formatCount(first + 1)}–${formatCount(Math.max(first + 1, last))} of ${formatCount(n)} (what is on screen)`}
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
      {/* One tab stop for all chips: focus it and use the arrow keys to inspect a token (as hovering a chip does). */}
      <div className="id-list" onMouseOver={onMouseOver} onKeyDown={onKeyDown} tabIndex={0} role="group" aria-label="Token IDs on screen" aria-describedby="id-list-hint">
        {chips}
      </div>
      <p id="id-list-hint" className="sr-only">
        Arrow keys inspect the previous or next token; the inspector shows its text and bytes.
      </p>
    </section>
  )
})
