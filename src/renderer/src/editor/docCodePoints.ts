import type { Text } from '@codemirror/state'
import { pairsIn } from '@shared/text/codePoints'

/** Surrogate pairs in each node of a document tree; nodes are immutable and shared between versions. */
const pairsOfNode = new WeakMap<Text, number>()

function pairsOf(node: Text): number {
  let n = pairsOfNode.get(node)
  if (n === undefined) {
    n = node.children ? node.children.reduce((s, c) => s + pairsOf(c), 0) : pairsIn(node.sliceString(0))
    pairsOfNode.set(node, n)
  }
  return n
}

/** Surrogate pairs that end before `pos` in `node` (a pair never spans a line break). */
function pairsBefore(node: Text, pos: number): number {
  if (!node.children) return pairsIn(node.sliceString(0, pos))
  let pairs = 0
  let from = 0
  for (const child of node.children) {
    const end = from + child.length
    if (pos <= end) return pairs + pairsBefore(child, pos - from)
    pairs += pairsOf(child)
    from = end + 1 // the line break between two children
  }
  return pairs
}

/**
 * The code-point offset of UTF-16 offset `pos` in a CodeMirror document (how many code points
 * start before it): the unit of the Characters count and of the exports' codepoint_start.
 * Counts per tree node are cached, so after an edit only the path to the edit is counted again
 * (a 10 MB document is not rescanned on every hover).
 */
export function docCodePointOffset(doc: Text, pos: number): number {
  return pos - pairsBefore(doc, Math.max(0, Math.min(pos, doc.length)))
}
