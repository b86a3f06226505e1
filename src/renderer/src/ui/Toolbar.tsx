import { memo, useMemo, type ReactNode } from 'react'
import { tokenizerGroups, type TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { ModelInfo } from '@shared/models/models'
import { groupModels } from '@shared/models/modelFamilies'
import { THEMES, type Settings, type Theme, type ViewToggle } from '@shared/contract/settings'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import { formatCount } from '@shared/text/format'

/** Props of the Toolbar. */
export interface ToolbarProps {
  settings: Settings
  models: ModelInfo[] | null
  onEncoding(encoding: TokenizerId): void
  /** A tokenizer opened from disk (File > Open Tokenizer…): listed under "Opened" while the app runs. */
  openedTokenizer?: { id: TokenizerId; name: string } | null
  onModel(model: string | null): void
  onSpecialMode(mode: SpecialMode): void
  onToggle(key: ViewToggle, on: boolean): void
  onOpenFile(): void
  /** The Open tokenizer control, beside Open file. */
  openTokenizer?: ReactNode
  /** Where there is no native menu (the web build): New, Save and the theme in the toolbar. */
  fileActions?: { onNew(): void; onSave(): void; onTheme(theme: Theme): void }
}

/** The tokenizer picker's groups (the catalog is fixed, so once). */
const TOKENIZER_GROUPS = tokenizerGroups()
const TOKENIZER_TITLES = new Map(TOKENIZER_GROUPS.flatMap((g) => g.options.map((o) => [o.id, o.title] as const)))

/** The view checkboxes, in toolbar order. */
const TOGGLES: { key: ViewToggle; label: string; title?: string }[] = [
  { key: 'showWhitespace', label: 'Whitespace' },
  { key: 'showIds', label: 'Token IDs' },
  { key: 'showDensity', label: 'Density strip', title: 'A strip beside each line coloured by its characters per token: green where a token holds many characters (prose), yellow to red where it holds few (digits, base64, non-Latin scripts, emoji)' },
  { key: 'lineNumbers', label: 'Line numbers' },
  { key: 'showSampling', label: 'Sampling lab', title: 'Next-token sampling: temperature, top-k, top-p and min-p made visible' },
  { key: 'showTrainer', label: 'Train a tokenizer', title: 'Train a byte-level BPE tokenizer on your text and watch its merges' },
  { key: 'showEmbeddings', label: 'Embeddings', title: 'Sentences as vectors: similarity, nearest neighbours, a map, and a search of the text by meaning (a small model on this computer)' },
  { key: 'showLanguages', label: 'Languages', title: 'What the same text costs in each language: the Universal Declaration of Human Rights in 500+ languages, counted' },
  { key: 'wrapLines', label: 'Wrap', title: 'Wrap long lines. Off: very long lines (minified JSON) scroll sideways and edit faster.' },
]

/** The top bar: encoding and model pickers, special-token mode, view toggles, Open file. */
export const Toolbar = memo(function Toolbar(props: ToolbarProps) {
  const { settings, models } = props
  const groups = useMemo(() => groupModels(models ?? []), [models])
  return (
    // A banner landmark, not role=toolbar: a toolbar promises arrow-key navigation between its controls, and Tab moves between these.
    <header className="toolbar" aria-label="Tokenizer settings">
      <h1 className="app-title">Tokenizer Explorer</h1>
      <label className="field">
        <span>Tokenizer</span>
        {/* Named "Tokenizer", as it reads (DESIGN.md section 3); it lists every tokenizer. */}
        <select
          aria-label="Tokenizer"
          value={settings.encoding}
          onChange={(e) => props.onEncoding(e.target.value as TokenizerId)}
          title={TOKENIZER_TITLES.get(settings.encoding) ?? settings.encoding}
        >
          {TOKENIZER_GROUPS.map((g) => (
            <optgroup key={g.family} label={g.family}>
              {g.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
          {props.openedTokenizer && (
            <optgroup label="Opened or trained">
              <option value={props.openedTokenizer.id}>{props.openedTokenizer.name} (tokenizer.json)</option>
            </optgroup>
          )}
        </select>
      </label>
      <label className="field">
        <span>Model</span>
        <select
          className="model-select"
          title={settings.model ?? 'Any model: the encoding alone'}
          aria-label="Model"
          value={settings.model ?? ''}
          onChange={(e) => props.onModel(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">Any (encoding only)</option>
          {settings.model && !models?.some((m) => m.name === settings.model) && (
            <option value={settings.model}>{settings.model}</option>
          )}
          {groups.map((g) => (
            <optgroup key={g.family} label={g.family}>
              {g.models.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name} — {formatCount(m.contextWindow)} tokens
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Special tokens</span>
        <select
          aria-label="Special tokens"
          value={settings.specialMode}
          onChange={(e) => props.onSpecialMode(e.target.value as SpecialMode)}
          title="How strings such as <|endoftext|> in your text are counted"
        >
          <option value="text">As plain text</option>
          <option value="special">As special tokens</option>
        </select>
      </label>
      <div className="toggles">
        {TOGGLES.map(({ key, label, title }) => (
          <label key={key} className="toggle" title={title}>
            <input type="checkbox" data-toggle={key} checked={settings[key]} onChange={(e) => props.onToggle(key, e.target.checked)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
      {props.fileActions && (
        <label className="field">
          <span>Theme</span>
          <select aria-label="Theme" value={settings.theme} onChange={(e) => props.fileActions!.onTheme(e.target.value as Theme)}>
            {THEMES.map((t) => (
              <option key={t} value={t}>
                {t === 'system' ? 'As the system' : t === 'light' ? 'Light' : 'Dark'}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="file-actions">
        {props.fileActions && (
          <button type="button" className="button" onClick={props.fileActions.onNew} title="Start an empty text (Undo brings the old one back)">
            New text
          </button>
        )}
        <button type="button" className="button" onClick={props.onOpenFile} title="Open a text file (Ctrl+O)">
          Open file
        </button>
        {props.openTokenizer}
        {props.fileActions && (
          <button type="button" className="button" onClick={props.fileActions.onSave} title="Save the text to a file (Ctrl+S)">
            Save text
          </button>
        )}
      </span>
    </header>
  )
})
