import type { ChangeDesc } from '@codemirror/state'
import { clampPos, mapClamped } from './positions'

/**
 * Characters coloured beyond the edges of what is on screen. Scrolling re-reads the screen
 * and redraws within the same frame when it leaves this margin (no uncoloured line was
 * painted in 60 wheel steps over 10 MB), so the margin is kept small: every coloured token
 * is an element, and a keystroke that adds a token re-creates the elements after it (their
 * index and colour shift), which the browser must style and lay out again (a smaller margin
 * made keystrokes in a long JSON line measurably faster; see docs/performance.md).
 */
export const SCREEN_MARGIN_CHARS = 300

/** A document range around what is on screen now, or null before the first layout. */
export type ScreenWindow = { from: number; to: number } | null

/**
 * The on-screen window after `changes`, until the next measure: mapped through the changes
 * (typing widens it a little), but not widened by a big insert (a paste of megabytes inside
 * it must not make every token of the paste an element), and moved to end at the caret
 * `head` when the update scrolls to a caret outside it (the end of a paste). The result
 * always lies inside the new document (0..changes.newLength).
 */
export function mapScreen(changes: ChangeDesc, head: number, scrolls: boolean, old: { from: number; to: number }): ScreenWindow {
  const length = changes.newLength
  const from = mapClamped(changes, old.from, -1, length)
  const width = Math.max(0, old.to - old.from)
  const to = Math.max(from, mapClamped(changes, old.to, 1, length))
  const window = { from, to: to - from > width + SCREEN_MARGIN_CHARS ? from + width : to }
  if (scrolls && (head < window.from || head > window.to)) {
    return { from: clampPos(head - width + SCREEN_MARGIN_CHARS, length), to: clampPos(head + SCREEN_MARGIN_CHARS, length) }
  }
  return window
}

/** The parts of `visible` (CodeMirror's visible ranges) inside the on-screen window, within 0..length. */
export function drawRanges(visible: readonly { from: number; to: number }[], screen: ScreenWindow, length: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = []
  for (const r of visible) {
    const from = clampPos(screen ? Math.max(r.from, screen.from) : r.from, length)
    const to = clampPos(screen ? Math.min(r.to, screen.to) : r.to, length)
    if (to > from) out.push({ from, to })
  }
  return out
}
