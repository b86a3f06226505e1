import type { Text } from '@codemirror/state'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { ReplayTarget } from '../features/mergeReplay'

/** Characters of a long line kept on each side of the token for its replay. */
const REACH = 2000

/**
 * The merge replay's target for the token starting at `start`: its line (with the line break,
 * which some pre-tokenizers look at) or, in a long line, the REACH characters each side. The
 * old target is kept when nothing changed, so the replay is not asked again.
 */
export function replayTargetOf(old: ReplayTarget | null, doc: Text, encoding: TokenizerId, start: number, id: number): ReplayTarget {
  const line = doc.lineAt(start)
  const from = Math.max(line.from, start - REACH)
  const to = Math.min(doc.length, line.to + 1, start + REACH)
  const text = doc.sliceString(from, to)
  const offset = start - from
  if (old && old.encoding === encoding && old.id === id && old.offset === offset && old.text === text) return old
  return { encoding, text, offset, id }
}
