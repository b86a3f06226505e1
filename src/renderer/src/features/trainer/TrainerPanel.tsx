import { useId, useRef, useState } from 'react'
import type { SaveFileRequest } from '@shared/contract/ipc'
import { formatCount } from '@shared/text/format'
import { MAX_MERGES } from '@shared/training/bpeTrainer'
import { readMerges } from '@shared/training/mergesInput'
import { isSplitPatternName, SPLIT_PATTERN_LABELS, SPLIT_PATTERNS, type SplitPatternName } from '@shared/training/preTokens'
import type { UserTokenizerFiles } from '@shared/tokenizer/userTokenizer'
import { useStableCallback } from '../../ui/useStableCallback'
import type { TrainingSource } from './trainerProtocol'
import { SHOWN_MERGES, useTrainer } from './useTrainer'
import './trainer.css'

/** Files larger than this in all are refused before reading (the worker holds their text and counts). */
const MAX_SOURCE_BYTES = 200 * 1024 * 1024

/** Props of the TrainerPanel. */
export interface TrainerPanelProps {
  onClose(): void
  /** The editor's text now. */
  getText(): string
  /** Saves where the user chooses (the workspace's helper). */
  saveFile(request: SaveFileRequest, done: string): Promise<void>
  /** Opens the trained tokenizer like a tokenizer.json from disk and switches the editor to it. */
  onUseInEditor(files: UserTokenizerFiles): void
}

/** The Train a tokenizer panel: source, merges, split pattern, Train/Cancel, the merges as learned, save and use. */
export default function TrainerPanel({ onClose, getText, saveFile, onUseInEditor }: TrainerPanelProps) {
  const id = useId()
  const { state, start, cancel } = useTrainer()
  const [source, setSource] = useState<'editor' | 'files'>('editor')
  const [files, setFiles] = useState<File[]>([])
  const [merges, setMerges] = useState('1000')
  const [pattern, setPattern] = useState<SplitPatternName>('o200k')
  const [problem, setProblem] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const mergesCheck = readMerges(merges)
  const busy = state.phase === 'counting' || state.phase === 'training'

  const train = useStableCallback(async () => {
    if ('error' in mergesCheck) return setProblem(mergesCheck.error)
    let sources: TrainingSource[]
    let name: string
    if (source === 'editor') {
      const text = getText()
      if (text.length === 0) return setProblem('The editor is empty: type or paste some text to train on, or choose files.')
      sources = [{ kind: 'text', name: 'editor text', text }]
      name = 'editor text'
    } else {
      if (files.length === 0) return setProblem('Choose one or more text files to train on.')
      const size = files.reduce((sum, f) => sum + f.size, 0)
      if (size > MAX_SOURCE_BYTES) return setProblem(`The files hold ${formatCount(Math.round(size / 1048576))} MB; training takes at most ${MAX_SOURCE_BYTES / 1048576} MB at once.`)
      sources = await Promise.all(files.map(async (f) => ({ kind: 'file' as const, name: f.name, bytes: await f.arrayBuffer() })))
      name = files.length === 1 ? files[0].name : `${files[0].name} and ${files.length - 1} more`
    }
    setProblem(null)
    start(sources, name, pattern, mergesCheck.value)
  })

  const result = state.phase === 'done' ? state.result : null
  const save = () => result && void saveFile({ suggestedName: 'tokenizer.json', data: result.json, kind: 'json' }, 'Saved the trained tokenizer')
  const use = () => result && onUseInEditor({ tokenizer: result.json, config: null, sourceName: `Trained on ${result.source}`, fileName: 'tokenizer.json' })

  const status =
    state.phase === 'counting'
      ? 'Counting pre-tokens…'
      : state.phase === 'training'
        ? `Learned ${formatCount(state.learned)} of ${formatCount(state.total)} merges from ${formatCount(state.preTokens ?? 0)} distinct pre-tokens…`
        : state.phase === 'done' && result
          ? `Learned ${formatCount(result.learned)} merges in ${(result.ms / 1000).toFixed(2)} s: ${formatCount(result.vocabSize)} tokens (256 bytes + merges).${result.stoppedEarly ? ' Stopped early: no pair of tokens was left to merge.' : ''}`
          : state.phase === 'cancelled'
            ? `Cancelled after ${formatCount(state.learned)} merges.`
            : null

  return (
    <section className="trainer-lab lab-column" aria-labelledby={`${id}-title`}>
      <div className="trainer-head">
        <h2 id={`${id}-title`}>Train a tokenizer</h2>
        <button type="button" className="button small" onClick={onClose} aria-label="Close the trainer">
          Close
        </button>
      </div>
      <p className="hint">
        Byte-level BPE: start from the 256 bytes and repeatedly join the most frequent adjacent pair inside each pre-token (ties: the
        pair of earliest tokens). The vocabulary is the 256 bytes plus one token per merge.
      </p>
      <fieldset className="trainer-source">
        <legend>Source</legend>
        <label>
          <input type="radio" name={`${id}-source`} checked={source === 'editor'} onChange={() => setSource('editor')} /> The editor’s text
        </label>
        <label>
          <input type="radio" name={`${id}-source`} checked={source === 'files'} onChange={() => setSource('files')} /> Files
        </label>
        {source === 'files' && (
          <label className="trainer-files">
            <span>Training files</span>
            <input ref={fileInput} type="file" multiple accept=".txt,.md,.json,.csv,.html,.xml,.js,.ts,.py,text/*" onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
          </label>
        )}
      </fieldset>
      <div className="trainer-fields">
        <label className="trainer-field">
          <span>Merges</span>
          <input
            type="number"
            min={1}
            max={MAX_MERGES}
            step={1}
            value={merges}
            aria-invalid={'error' in mergesCheck ? true : undefined}
            aria-describedby={'error' in mergesCheck ? `${id}-merges-error` : undefined}
            onChange={(e) => setMerges(e.target.value)}
          />
        </label>
        <label className="trainer-field">
          <span>Split pattern</span>
          <select value={pattern} onChange={(e) => isSplitPatternName(e.target.value) && setPattern(e.target.value)}>
            {SPLIT_PATTERNS.map((p) => (
              <option key={p} value={p}>
                {SPLIT_PATTERN_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {'error' in mergesCheck && (
        <p className="trainer-error" id={`${id}-merges-error`}>
          {mergesCheck.error}
        </p>
      )}
      <div className="trainer-actions">
        <button type="button" className="button" onClick={() => void train()} disabled={busy}>
          Train
        </button>
        {busy && (
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
        )}
        <button type="button" className="button" onClick={save} disabled={!result}>
          Save tokenizer.json
        </button>
        <button type="button" className="button" onClick={use} disabled={!result}>
          Use in editor
        </button>
      </div>
      {busy && <progress aria-label="Training progress" max={state.phase === 'training' ? state.total : undefined} value={state.phase === 'training' ? state.learned : undefined} />}
      <p className="trainer-status" role="status" aria-live="polite">
        {status}
      </p>
      {(problem || state.message) && (
        <p className={state.phase === 'error' || problem ? 'trainer-error' : 'hint'} role={state.phase === 'error' || problem ? 'alert' : undefined}>
          {problem ?? state.message}
        </p>
      )}
      {state.rows.length > 0 && (
        <div className="trainer-merges" tabIndex={0} role="region" aria-labelledby={`${id}-merges`}>
          <table aria-labelledby={`${id}-merges`}>
            <caption id={`${id}-merges`}>
              Merges {state.learned > SHOWN_MERGES ? `(the latest ${SHOWN_MERGES} of ${formatCount(state.learned)})` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Pair</th>
                <th scope="col">Count</th>
                <th scope="col">New token</th>
              </tr>
            </thead>
            <tbody>
              {state.rows.map((r) => (
                <tr key={r.rank}>
                  <td>{formatCount(r.rank)}</td>
                  <td>
                    <code>{r.left}</code> + <code>{r.right}</code>
                  </td>
                  <td>{formatCount(r.count)}</td>
                  <td>
                    <code>{r.token}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
