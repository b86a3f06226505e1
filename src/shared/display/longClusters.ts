import { isClusterBoundary, type FlagRunCache } from '../text/clusterBoundary'

/**
 * Grapheme clusters longer than this many UTF-16 units are drawn as a box, not laid out as
 * text. The longest clusters real text holds (emoji families with skin tones, stacked
 * Tibetan or Devanagari conjuncts, ordinary Zalgo) are under 100 units; the browser lays out
 * a cluster in time that grows faster than its length (a letter with 50,000 combining marks:
 * seconds per layout, and every keystroke in the document laid it out again).
 */
export const LONG_CLUSTER_CHARS = 256

const ZWJ = 0x200d

/**
 * The parts inside `from`..`to` of the grapheme clusters of `text` (CodeMirror's rules, as
 * isClusterBoundary) that are at least `min` UTF-16 units long there, in order. A cluster cut
 * by `from` or `to` counts only its part inside. Linear in to - from: characters below
 * U+0300 (never extending, joining or half a pair) settle most positions at once.
 */
export function findLongClusters(text: string, min: number, from = 0, to = text.length): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = []
  const flags: FlagRunCache = { text: '', start: 0, end: 0 }
  let start = from
  for (let pos = from + 1; pos <= to; pos++) {
    const boundary = pos === to || (text.charCodeAt(pos) < 0x300 && text.charCodeAt(pos - 1) !== ZWJ) || isClusterBoundary(text, pos, flags)
    if (!boundary) continue
    if (pos - start >= min) out.push({ from: start, to: pos })
    start = pos
  }
  return out
}
