import { memo } from 'react'
import { formatBytes, formatCount } from '@shared/text/format'
import type { CheckedUserTokenizer } from './applyUserTokenizer'
import './customTokenizer.css'

/** The control that opens a tokenizer file (a file chooser in the browser, the native dialog in Electron). */
export function OpenTokenizerButton({ onOpen, busy }: { onOpen(): void; busy: boolean }) {
  return (
    <button type="button" className="button" onClick={onOpen} aria-busy={busy} title="Open a tokenizer.json (with its tokenizer_config.json, or drop the model's folder) (Ctrl+Shift+O)">
      Open tokenizer
    </button>
  )
}

const ENGINE_NAMES: Record<string, string> = {
  'hf-fast': 'Fast BPE engine (exact)',
  'hf-general': 'General engine (@huggingface/tokenizers: slower, token positions approximate)',
}

/** What the last opened tokenizer file is: name, model, vocabulary, engine, chat template, size. Nothing before one is opened. */
export const OpenedTokenizer = memo(function OpenedTokenizer({ opened }: { opened: CheckedUserTokenizer | null }) {
  if (!opened) return null
  const d = opened.description
  return (
    <section className="panel opened-tokenizer" aria-label="Opened tokenizer">
      <h2>Opened tokenizer</h2>
      <dl className="opened-tokenizer-facts">
        <dt>Name</dt>
        <dd>{d.name}</dd>
        <dt>Model</dt>
        <dd>{d.modelType}</dd>
        <dt>Vocabulary</dt>
        <dd>
          {formatCount(d.vocabSize)} tokens{d.specialCount > 0 ? ` + ${formatCount(d.specialCount)} special` : ''}
        </dd>
        <dt>Engine</dt>
        <dd>{ENGINE_NAMES[d.engine] ?? d.engine}</dd>
        <dt>Chat template</dt>
        <dd>{d.hasChatTemplate ? 'Yes' : 'No'}</dd>
        <dt>File</dt>
        <dd>
          {d.fileName}, {formatBytes(d.bytes)}
        </dd>
      </dl>
      {d.notes.map((n) => (
        <p key={n} className="note">
          {n}
        </p>
      ))}
    </section>
  )
})
