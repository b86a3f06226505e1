/** The sidebar's width in CSS pixels when the user has not chosen one. */
export const DEFAULT_SIDEBAR_WIDTH = 320
/** The narrowest sidebar the splitter allows. */
export const MIN_SIDEBAR_WIDTH = 240
/** The widest sidebar: never more than this share of the window, so the editor keeps room. */
export const MAX_SIDEBAR_SHARE = 0.6
/** How far one arrow key moves the splitter (Shift: ten times). */
export const SIDEBAR_STEP = 16

/** The largest sidebar width for a workspace `total` pixels wide (never below the minimum). */
export function maxSidebarWidth(total: number): number {
  return Math.max(MIN_SIDEBAR_WIDTH, Math.floor(total * MAX_SIDEBAR_SHARE))
}

/** `width` rounded and kept within the bounds for a workspace `total` pixels wide. */
export function clampSidebarWidth(width: number, total: number): number {
  if (!Number.isFinite(width)) return DEFAULT_SIDEBAR_WIDTH
  return Math.min(maxSidebarWidth(total), Math.max(MIN_SIDEBAR_WIDTH, Math.round(width)))
}

/**
 * The sidebar width after a key on the splitter (the sidebar is on the right, so ArrowLeft
 * widens it), or null for a key the splitter does not take. Enter restores the default width.
 */
export function sidebarWidthAfterKey(width: number, key: string, shift: boolean, total: number): number | null {
  const step = shift ? SIDEBAR_STEP * 10 : SIDEBAR_STEP
  let next: number
  switch (key) {
    case 'ArrowLeft':
      next = width + step
      break
    case 'ArrowRight':
      next = width - step
      break
    case 'Home':
      next = MIN_SIDEBAR_WIDTH
      break
    case 'End':
      next = maxSidebarWidth(total)
      break
    case 'Enter':
      next = DEFAULT_SIDEBAR_WIDTH
      break
    default:
      return null
  }
  return clampSidebarWidth(next, total)
}

/** Reads a saved width: a number within the absolute bounds, else null (use the default). */
export function parseSidebarWidth(saved: string | null): number | null {
  if (saved === null || !/^\d{1,5}$/.test(saved)) return null
  const n = Number(saved)
  return n >= MIN_SIDEBAR_WIDTH && n <= 10_000 ? n : null
}
