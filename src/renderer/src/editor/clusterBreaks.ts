import type { EditorState, Line } from '@codemirror/state'
import { isClusterBoundary, type FlagRunCache } from '@shared/text/clusterBoundary'
import type { ClusterBreakTest } from '@shared/display/tokenGroups'
import { tablePositions } from './positions'

/**
 * A ClusterBreakTest over the editor's document for positions in the token table's
 * coordinates (mapped over edits not yet re-tokenized). ASCII neighbours take a fast path.
 */
export function clusterBreakTest(state: EditorState): ClusterBreakTest {
  const { toDoc } = tablePositions(state)
  const doc = state.doc
  let line: Line | null = null
  const flagRuns: FlagRunCache = { text: '', start: 0, end: 0 }
  return (tablePos) => {
    const pos = toDoc(tablePos, 1)
    if (pos <= 0 || pos >= doc.length) return true
    if (!line || pos < line.from || pos > line.to) line = doc.lineAt(pos)
    if (pos === line.from || pos === line.to) return true
    const off = pos - line.from
    const text = line.text
    if (text.charCodeAt(off - 1) < 0x80 && text.charCodeAt(off) < 0x80) return true
    return isClusterBoundary(text, off, flagRuns)
  }
}
