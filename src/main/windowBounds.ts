/** A window's saved place and size. */
export interface WindowBounds {
  x: number
  y: number
  width: number
  height: number
  maximized: boolean
}

/** A display's usable area. */
export interface WorkArea {
  x: number
  y: number
  width: number
  height: number
}

const MIN_WIDTH = 640
const MIN_HEIGHT = 420
const MIN_VISIBLE = 100

/**
 * The saved bounds from their JSON when they are sane and at least partly on a display
 * that exists now (a monitor may have been unplugged), else null (use the default).
 */
export function restoreBounds(json: string | null, displays: readonly WorkArea[]): WindowBounds | null {
  if (!json) return null
  let v: Record<string, unknown>
  try {
    const parsed = JSON.parse(json) as unknown
    if (typeof parsed !== 'object' || parsed === null) return null
    v = parsed as Record<string, unknown>
  } catch {
    return null
  }
  const nums = [v.x, v.y, v.width, v.height]
  if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 100_000)) return null
  const b: WindowBounds = {
    x: Math.round(v.x as number),
    y: Math.round(v.y as number),
    width: Math.max(MIN_WIDTH, Math.round(v.width as number)),
    height: Math.max(MIN_HEIGHT, Math.round(v.height as number)),
    maximized: v.maximized === true,
  }
  const visible = displays.some((d) => {
    const w = Math.min(b.x + b.width, d.x + d.width) - Math.max(b.x, d.x)
    const h = Math.min(b.y + b.height, d.y + d.height) - Math.max(b.y, d.y)
    return w >= MIN_VISIBLE && h >= MIN_VISIBLE
  })
  return visible ? b : null
}
