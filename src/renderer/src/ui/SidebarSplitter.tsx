import { useCallback, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { clampSidebarWidth, DEFAULT_SIDEBAR_WIDTH, maxSidebarWidth, MIN_SIDEBAR_WIDTH, parseSidebarWidth, sidebarWidthAfterKey } from '@shared/display/sidebarWidth'

/** Where the chosen width is kept (this window's storage: a view preference, not a document setting). */
const STORAGE_KEY = 'tokenizer-explorer.sidebarWidth'

/** The sidebar width the user chose (null: the default), kept across restarts. */
export function useSidebarWidth(): [number | null, (width: number) => void] {
  const [width, setWidth] = useState<number | null>(() => {
    try {
      return parseSidebarWidth(localStorage.getItem(STORAGE_KEY))
    } catch {
      return null
    }
  })
  const set = useCallback((w: number) => {
    setWidth(w)
    try {
      localStorage.setItem(STORAGE_KEY, String(w))
    } catch {
      // Storage unavailable: the width lasts this session.
    }
  }, [])
  return [width, set]
}

/** The workspace's width (the splitter's parent), for the largest width allowed. */
function workspaceWidth(el: HTMLElement): number {
  return el.parentElement?.getBoundingClientRect().width ?? window.innerWidth
}

/**
 * The handle between the editor and the sidebar: drag it, or focus it and use the arrow keys
 * (Shift: bigger steps), Home/End (narrowest/widest) and Enter (default width). Hidden on
 * narrow windows, where the sidebar sits below the editor.
 */
export function SidebarSplitter({ width, onWidth }: { width: number | null; onWidth(width: number): void }) {
  const current = width ?? DEFAULT_SIDEBAR_WIDTH
  const [max, setMax] = useState(() => maxSidebarWidth(window.innerWidth))
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const total = workspaceWidth(e.currentTarget)
    const next = sidebarWidthAfterKey(current, e.key, e.shiftKey, total)
    if (next === null) return
    e.preventDefault()
    setMax(maxSidebarWidth(total))
    onWidth(next)
  }
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return
    const el = e.currentTarget
    el.setPointerCapture(e.pointerId)
    const right = el.parentElement?.getBoundingClientRect().right ?? window.innerWidth
    const total = workspaceWidth(el)
    setMax(maxSidebarWidth(total))
    const move = (ev: globalThis.PointerEvent) => onWidth(clampSidebarWidth(right - ev.clientX - el.offsetWidth / 2, total))
    const up = () => {
      el.removeEventListener('pointermove', move)
      el.removeEventListener('pointerup', up)
      el.removeEventListener('pointercancel', up)
    }
    el.addEventListener('pointermove', move)
    el.addEventListener('pointerup', up)
    el.addEventListener('pointercancel', up)
  }
  return (
    <div
      className="sidebar-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Sidebar width"
      aria-controls="sidebar"
      aria-valuemin={MIN_SIDEBAR_WIDTH}
      aria-valuemax={Math.max(max, current)}
      aria-valuenow={current}
      aria-valuetext={`${current} pixels`}
      title="Drag, or use the arrow keys, to resize the sidebar (Enter: default width)"
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    />
  )
}
