import { tokenizerShortName, type TokenizerId } from '@shared/tokenizer/tokenizerId'
import { formatCount } from '@shared/text/format'
import type { TokenSnapshot, Work } from '../tokens/tokenStream'
import { GlyphLabel } from './Value'

/** A message for the user, with how loudly to show it, and optionally one thing they can do about it. */
export interface StatusMessage {
  tone: 'info' | 'warning' | 'error'
  text: string
  /** A button after the text; `run` returns the message to show next (null: none). */
  action?: { label: string; run(): StatusMessage | null }
}

/** Props of the StatusBar. */
export interface StatusBarProps {
  work: Work
  message: StatusMessage | null
  onDismiss(): void
  /** Runs a message's action and shows what it returns (default: the message is dismissed). */
  onAction?(next: StatusMessage | null): void
  snapshot: TokenSnapshot | null
  encoding: TokenizerId
}

/** The bottom bar: what the tokenizer is doing, the last message, and the last run's timing. */
export function StatusBar({ work, message, onDismiss, onAction, snapshot, encoding }: StatusBarProps) {
  let state: string
  // The chunking and timing are for the curious (a tooltip), not words a user needs to read.
  let details: string | undefined
  if (work.kind === 'loading') state = `Loading ${tokenizerShortName(work.encoding)} tokenizer…`
  else if (work.kind === 'working' && work.wholeChars) {
    // One piece: no percentage to show, so say what is happening and why it takes a while.
    state = `Tokenizing ${formatCount(work.wholeChars)} characters as one piece…`
    details = 'This tokenizer has no safe place to cut the text, so every edit re-tokenizes the whole text.'
  } else if (work.kind === 'working') state = work.fraction === null ? 'Tokenizing…' : `Tokenizing… ${Math.floor(work.fraction * 100)}%`
  else if (snapshot && snapshot.encoding) {
    state = `${tokenizerShortName(snapshot.encoding)}${snapshot.encoding !== encoding ? ' (switching…)' : ''} · ${formatCount(snapshot.count)} token${snapshot.count === 1 ? '' : 's'}`
    details = `Counted in ${formatCount(snapshot.total)} chunk${snapshot.total === 1 ? '' : 's'}; the last tokenizer run took ${snapshot.elapsedMs < 10 ? snapshot.elapsedMs.toFixed(1) : formatCount(Math.round(snapshot.elapsedMs))} ms.`
  }
  else state = 'Starting…'
  return (
    <footer className="statusbar">
      {/* Not a live region: it changes with every keystroke, which a screen reader would read out each time. */}
      <span className="status-work" title={details}>
        {work.kind !== 'idle' && <span className="spinner" aria-hidden="true" />}
        {state}
        {work.kind === 'working' && (
          <progress className="status-progress" max={1} value={work.wholeChars ? undefined : (work.fraction ?? undefined)} aria-label="Tokenizing progress" />
        )}
      </span>
      {message && (
        <span className={`status-message ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
          {message.action && (
            <button type="button" className="button small" onClick={() => (onAction ? onAction(message.action!.run()) : (message.action!.run(), onDismiss()))}>
              {message.action.label}
            </button>
          )}
          <button type="button" className="link" onClick={onDismiss} title="Dismiss message">
            <GlyphLabel glyph="×" name="Dismiss message" />
          </button>
        </span>
      )}
    </footer>
  )
}
