import { formatCount } from '@shared/text/format'
import { tokenizerFileNamePart } from '@shared/tools/exportTokens'
import { chunksToJsonl, chunksToZip, splitVerified, type SplitChunk } from '@shared/tools/split'
import { useStableCallback } from '../../ui/useStableCallback'
import { stillCounting, stillCountingMessage } from '../../workspace/countingGuard'
import type { Workspace } from '../../workspace/workspace'
import type { SplitResult } from './SplitPanel'

/** The split panel's actions on the current text (stable callbacks for a memoized panel). */
export function useSplit(ws: Workspace) {
  /** Splits the text into chunks of at most `size` tokens, each checked by counting it alone in the worker. */
  const split = useStableCallback(async (size: number, overlap: number): Promise<SplitResult> => {
    const tokens = ws.streamRef.current?.current
    const client = ws.clientRef.current
    if (!tokens || !client || stillCounting(tokens)) return { error: stillCountingMessage('split') }
    if (tokens.count === 0) return { error: 'There is no text to split.' }
    const doc = ws.viewRef.current?.state.doc
    const { encoding, specialMode } = ws.settingsRef.current
    try {
      const slice = (a: number, b: number) => doc?.sliceString(a, b) ?? ''
      return await splitVerified(tokens, size, overlap, slice, (texts) => client.count(encoding, specialMode, texts))
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) }
    }
  })
  const preview = useStableCallback((c: SplitChunk) => {
    const t = ws.slice(c.from, Math.min(c.to, c.from + 80))
    return c.to - c.from > 80 ? `${t}…` : t
  })
  const copyChunk = useStableCallback((c: SplitChunk) => ws.copy(ws.slice(c.from, c.to), 'Copied to the clipboard.'))
  const exportChunks = useStableCallback((chunks: SplitChunk[], format: 'jsonl' | 'zip') => {
    const name = `chunks-${tokenizerFileNamePart(ws.settingsRef.current.encoding)}.${format}`
    const data = format === 'jsonl' ? chunksToJsonl(chunks, ws.slice) : chunksToZip(chunks, ws.slice)
    void ws.saveFile({ suggestedName: name, data, kind: format }, `Exported ${formatCount(chunks.length)} chunks as ${format === 'jsonl' ? 'JSON Lines' : 'numbered text files (zip)'}`)
  })
  return { split, preview, copyChunk, exportChunks }
}
