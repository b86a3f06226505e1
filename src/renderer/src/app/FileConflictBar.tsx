import { useState } from 'react'
import { countText } from '@shared/text/counts'
import { formatCount } from '@shared/text/format'

/** A file text that would replace unsaved text, waiting for the user's choice. */
export interface PendingFile {
  name: string
  text: string
  warning: string | null
  /** 'changed': the open file changed on disk; 'launched': a launch of the app named it. */
  reason: 'changed' | 'launched'
}

/** Props of the FileConflictBar. */
export interface FileConflictBarProps {
  pending: PendingFile
  /** The editor's text now. */
  currentText(): string
  /** Token counts of the texts, in order (the current encoding). */
  countTokens(texts: string[]): Promise<number[]>
  onKeep(): void
  onLoad(): void
}

interface Comparison {
  mine: { tokens: number; characters: number }
  theirs: { tokens: number; characters: number }
}

/**
 * The question editors ask when a file would replace unsaved text: keep mine, load the
 * file's, or first compare the two by tokens and characters. Nothing changes until the
 * user chooses (and the autosave keeps the user's text meanwhile).
 */
export function FileConflictBar({ pending, currentText, countTokens, onKeep, onLoad }: FileConflictBarProps) {
  const [comparison, setComparison] = useState<{ of: string; result: Comparison | string } | null>(null)
  const compare = () => {
    const mine = currentText()
    const theirs = pending.text
    countTokens([mine, theirs]).then(
      ([a, b]) =>
        setComparison({
          of: theirs,
          result: { mine: { tokens: a, characters: countText(mine).characters }, theirs: { tokens: b, characters: countText(theirs).characters } },
        }),
      (err: unknown) => setComparison({ of: theirs, result: `Could not count: ${err instanceof Error ? err.message : String(err)}` }),
    )
  }
  const question =
    pending.reason === 'changed'
      ? `${pending.name} changed on disk, and this window has edits that are not in it.`
      : `You opened ${pending.name}, and this window has text that is in no file.`
  const shown = comparison && comparison.of === pending.text ? comparison.result : null
  return (
    <div className="file-conflict" role="alertdialog" aria-label="File changed" aria-describedby="file-conflict-question">
      <p id="file-conflict-question">{question} Which text do you want?</p>
      <div className="file-conflict-actions">
        <button type="button" className="button small" onClick={onKeep}>
          Keep my text
        </button>
        <button type="button" className="button small" onClick={onLoad}>
          Load the file’s text
        </button>
        <button type="button" className="button small" onClick={compare}>
          Compare counts
        </button>
      </div>
      {typeof shown === 'string' && <p role="status">{shown}</p>}
      {shown && typeof shown !== 'string' && (
        <p role="status" aria-label="Comparison">
          Yours: {formatCount(shown.mine.tokens)} tokens, {formatCount(shown.mine.characters)} characters. The file’s: {formatCount(shown.theirs.tokens)} tokens,{' '}
          {formatCount(shown.theirs.characters)} characters.
        </p>
      )}
    </div>
  )
}
