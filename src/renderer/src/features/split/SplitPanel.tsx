import { useState, memo } from 'react'
import { formatCount } from '@shared/text/format'
import type { SplitChunk } from '@shared/tools/split'
import { ErrorNote, ToolPanel } from '../../ui/ToolPanel'

/** Chunks listed on screen at most (all of them are exported). */
const SHOWN = 200

/** Props of the SplitPanel. */
export interface SplitPanelProps {
  /** Splits the current text; resolves to the chunks with each one's standalone token count, or an error message. */
  onSplit(size: number, overlap: number): Promise<SplitResult>
  preview(chunk: SplitChunk): string
  onCopy(chunk: SplitChunk): void
  onExport(chunks: SplitChunk[], format: 'jsonl' | 'zip'): void
}

/** Chunks with their token counts when encoded alone, or why there are none. */
export type SplitResult = { chunks: SplitChunk[]; counts: number[] } | { error: string }

/** Split the text into chunks of N tokens with an overlap of M; copy one or export all as JSONL. */
export const SplitPanel = memo(function SplitPanel({ onSplit, preview, onCopy, onExport }: SplitPanelProps) {
  const [size, setSize] = useState('512')
  const [overlap, setOverlap] = useState('0')
  const [result, setResult] = useState<SplitResult | null>(null)
  const [busy, setBusy] = useState(false)
  // An error about the numbers no longer holds once they are changed.
  const edit = (set: (v: string) => void, value: string) => {
    set(value)
    if (result && 'error' in result) setResult(null)
  }
  const split = () => {
    if (busy) return
    const n = Number(size.replace(/[,_\s]/g, ''))
    const m = Number(overlap.replace(/[,_\s]/g, '') || '0')
    setBusy(true)
    void onSplit(n, m)
      .then(setResult)
      .finally(() => setBusy(false))
  }
  return (
    <ToolPanel title="Split into chunks" className="split">
      <div className="split-fields">
        <label>
          Chunk size
          <input inputMode="numeric" value={size} onChange={(e) => edit(setSize, e.target.value)} aria-label="Chunk size in tokens" />
        </label>
        <label>
          Overlap
          <input inputMode="numeric" value={overlap} onChange={(e) => edit(setOverlap, e.target.value)} aria-label="Overlap in tokens" />
        </label>
        <button type="button" className="button small" onClick={split} aria-disabled={busy}>
          {busy ? 'Splitting…' : 'Split'}
        </button>
      </div>
      {result && 'error' in result && (
        <ErrorNote>{result.error}</ErrorNote>
      )}
      {result && 'chunks' in result && (
        <>
          <div className="split-head">
            <span className="hint">
              {formatCount(result.chunks.length)} chunk{result.chunks.length === 1 ? '' : 's'}
            </span>
            <span className="split-exports">
              <button type="button" className="button small" onClick={() => onExport(result.chunks, 'jsonl')}>
                Export JSONL
              </button>
              <button type="button" className="button small" onClick={() => onExport(result.chunks, 'zip')} title="A zip of numbered text files: chunk-001.txt, chunk-002.txt, …">
                Export .txt files
              </button>
            </span>
          </div>
          <ol className="split-list" aria-label="Chunks">
            {result.chunks.slice(0, SHOWN).map((c) => (
              <li key={c.index}>
                <span className="mono">
                  #{c.index + 1} · {formatCount(result.counts[c.index])} tokens
                </span>
                <span className="split-preview">{preview(c)}</span>
                <button type="button" className="button small" aria-label={`Copy chunk ${c.index + 1}`} onClick={() => onCopy(c)}>
                  Copy
                </button>
              </li>
            ))}
          </ol>
          {result.chunks.length > SHOWN && <p className="hint">…and {formatCount(result.chunks.length - SHOWN)} more (all are in the export).</p>}
        </>
      )}
    </ToolPanel>
  )
})
