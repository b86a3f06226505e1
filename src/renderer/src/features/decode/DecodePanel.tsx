import { useMemo, useState, memo } from 'react'
import { textPreview } from '@shared/tools/decodeIds'
import { formatCount } from '@shared/text/format'
import { ToolPanel } from '../../ui/ToolPanel'

/** What decoding a pasted id list gave. */
export interface DecodeResult {
  text: string
  problems: string[]
}

/** Props of the DecodePanel. */
export interface DecodePanelProps {
  encoding: string
  onDecode(input: string): Promise<DecodeResult>
  onCopy(text: string): void
  /** Saves the whole decoded text to a file. */
  onSave(text: string): void
}

/**
 * Paste token ids, get the text back; bad items are reported by position. A long text shows
 * its start only (laying out a megabyte in one block froze the window for minutes); Copy and
 * Save take all of it.
 */
export const DecodePanel = memo(function DecodePanel({ encoding, onDecode, onCopy, onSave }: DecodePanelProps) {
  const [input, setInput] = useState('')
  const [result, setResult] = useState<DecodeResult | null>(null)
  const preview = useMemo(() => (result ? textPreview(result.text) : null), [result])
  const [busy, setBusy] = useState(false)
  const empty = input.trim() === ''
  const decode = async () => {
    if (busy || empty) return
    setBusy(true)
    try {
      setResult(await onDecode(input))
    } finally {
      setBusy(false)
    }
  }
  return (
    <ToolPanel title="Decode token ids" className="decode">
      <label className="hint" htmlFor="decode-input">
        Ids separated by commas, spaces or newlines, or a JSON array ({encoding}).
      </label>
      <textarea
        id="decode-input"
        aria-label="Token IDs to decode"
        rows={3}
        value={input}
        placeholder="[9906, 1917, 0]"
        onChange={(e) => setInput(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void decode()
        }}
      />
      <div className="decode-actions">
        {/* aria-disabled, not disabled, while busy: a disabled button drops the keyboard focus to the page. */}
        <button type="button" className="button small" onClick={() => void decode()} aria-disabled={busy || empty}>
          Decode
        </button>
        {result && result.text !== '' && (
          <>
            <button type="button" className="button small" onClick={() => onCopy(result.text)}>
              Copy text
            </button>
            <button type="button" className="button small" onClick={() => onSave(result.text)}>
              Save text
            </button>
          </>
        )}
      </div>
      {result && preview && (
        <>
          <pre className="decode-output" aria-label="Decoded text">
            {preview.shown}
          </pre>
          {preview.hidden > 0 && (
            <p className="hint">
              … {formatCount(preview.hidden)} more characters ({formatCount(preview.hidden + Array.from(preview.shown).length)} in all; Copy text and Save text take all of them)
            </p>
          )}
          {result.problems.length > 0 && (
            <div role="alert">
              <ul className="decode-problems">
                {result.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </ToolPanel>
  )
})
