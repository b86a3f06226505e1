import { useEffect, useMemo, useState, memo } from 'react'
import { countIdItems, MAX_DECODE_IDS, textPreview } from '@shared/tools/decodeIds'
import { formatBytes, formatCount } from '@shared/text/format'
import { ToolPanel } from '../../ui/ToolPanel'

/** What decoding a pasted id list gave. */
export interface DecodeResult {
  text: string
  problems: string[]
}

/** Props of the DecodePanel. */
export interface DecodePanelProps {
  encoding: string
  /** Decodes typed ids, or a file of ids (read in the worker). */
  onDecode(input: string | Blob): Promise<DecodeResult>
  /** The placeholder for `encoding`: ids of an example phrase in it (null: none could be made). */
  onPlaceholder(encoding: string): Promise<string | null>
  onCopy(text: string): void
  /** Saves the whole decoded text to a file. */
  onSave(text: string): void
}

/** A typed list this long may hold more than MAX_DECODE_IDS ids (one digit and one separator each): only then are they counted. */
const MAY_BE_OVER = 2 * MAX_DECODE_IDS - 1

/** Shows the browser's file chooser for a file of ids; resolves to the file, or null when none was chosen. */
function chooseIdFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.txt,.json,.csv,text/plain,application/json'
    input.style.display = 'none'
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    })
    input.addEventListener('cancel', () => {
      resolve(null)
      input.remove()
    })
    document.body.append(input)
    input.click()
  })
}

/**
 * Paste token ids or open a file of them, get the text back; bad items are reported by
 * position. A long text shows its start only (laying out a megabyte in one block froze the
 * window for minutes); Copy and Save take all of it. A list over MAX_DECODE_IDS is told so
 * before it is decoded, and what the text leaves out after.
 */
export const DecodePanel = memo(function DecodePanel({ encoding, onDecode, onPlaceholder, onCopy, onSave }: DecodePanelProps) {
  const [input, setInput] = useState('')
  /** A file of ids chosen instead of typing (read and parsed in the worker). */
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<DecodeResult | null>(null)
  const preview = useMemo(() => (result ? textPreview(result.text) : null), [result])
  const [busy, setBusy] = useState(false)
  const [open, setOpen] = useState(false)
  const [placeholder, setPlaceholder] = useState<{ encoding: string; text: string } | null>(null)
  // The example's ids in the encoding in use, made once the panel is open.
  useEffect(() => {
    if (!open || placeholder?.encoding === encoding) return
    let live = true
    void onPlaceholder(encoding).then((text) => live && text !== null && setPlaceholder({ encoding, text }))
    return () => {
      live = false
    }
  }, [open, encoding, placeholder, onPlaceholder])
  const typedIds = useMemo(() => (input.length >= MAY_BE_OVER ? countIdItems(input) : 0), [input])
  const empty = file === null && input.trim() === ''
  const decode = async () => {
    if (busy || empty) return
    setBusy(true)
    try {
      setResult(await onDecode(file ?? input))
    } finally {
      setBusy(false)
    }
  }
  const chooseFile = async () => {
    const chosen = await chooseIdFile()
    if (!chosen) return
    setFile(chosen)
    // The box is not decoded while a file is chosen: emptied, so it never looks as if it were.
    setInput('')
    setResult(null)
  }
  const cap = formatCount(MAX_DECODE_IDS)
  return (
    <ToolPanel title="Decode token ids" className="decode" onToggle={setOpen}>
      <label className="hint" htmlFor="decode-input">
        Ids separated by commas, spaces or newlines, or a JSON array ({encoding}); up to {cap} at a time.
      </label>
      <textarea
        id="decode-input"
        aria-label="Token IDs to decode"
        rows={3}
        value={input}
        placeholder={placeholder?.encoding === encoding ? placeholder.text : ''}
        onChange={(e) => {
          setInput(e.target.value)
          setFile(null)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void decode()
        }}
      />
      {file && (
        <p className="hint" role="status">
          Decoding the file {file.name} ({formatBytes(file.size)}), not the box above.{' '}
          {file.size >= MAY_BE_OVER && `If it holds more than ${cap} ids, the first ${cap} are decoded and the result says how many are left out. `}
          <button type="button" className="button small" onClick={() => setFile(null)}>
            Use the box
          </button>
        </p>
      )}
      {!file && typedIds > MAX_DECODE_IDS && (
        <p className="hint" role="status">
          This list has {formatCount(typedIds)} ids: Decode takes the first {cap}; the text, Copy text and Save text will leave out the last{' '}
          {formatCount(typedIds - MAX_DECODE_IDS)}.
        </p>
      )}
      <div className="decode-actions">
        {/* aria-disabled, not disabled, while busy: a disabled button drops the keyboard focus to the page. */}
        <button type="button" className="button small" onClick={() => void decode()} aria-disabled={busy || empty}>
          Decode
        </button>
        <button type="button" className="button small" onClick={() => void chooseFile()}>
          Open a file of ids…
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
          {/* Focusable: a long text scrolls, and the keyboard must reach it (axe: scrollable-region-focusable). */}
          <pre className="decode-output" aria-label="Decoded text" tabIndex={0}>
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
