import { isAbsolute } from 'node:path'

/** How many recent files File > Open Recent lists. */
export const MAX_RECENT = 10

/** The recent list with `path` moved (or added) to the top, without duplicates, at most MAX_RECENT long. */
export function addRecent(list: readonly string[], path: string): string[] {
  return [path, ...list.filter((p) => p !== path)].slice(0, MAX_RECENT)
}

/** The recent list from its saved JSON: absolute paths only, no duplicates, at most MAX_RECENT; [] for anything malformed. */
export function parseRecent(json: string | null): string[] {
  if (!json) return []
  try {
    const v = JSON.parse(json) as unknown
    if (!Array.isArray(v)) return []
    const out: string[] = []
    for (const p of v) if (typeof p === 'string' && p.length < 4096 && isAbsolute(p) && !out.includes(p)) out.push(p)
    return out.slice(0, MAX_RECENT)
  } catch {
    return []
  }
}
