import type { ReactNode } from 'react'
import type { TextCounts } from '@shared/text/counts'
import { charsPerToken, lineCount } from '@shared/text/counts'
import { formatCount, formatRatio } from '@shared/text/format'
import { Value } from '../../ui/Value'

/** Props of the CountsPanel. */
export interface CountsPanelProps {
  tokens: number | null
  counts: TextCounts | null
  /** Whether the text ends in a line break (a last empty line is not counted: lineCount). */
  endsWithBreak: boolean
  /** True while the numbers describe older text than the editor shows. */
  stale: boolean
  /** Document version and encoding the numbers describe (data attributes for tests and benchmarks). */
  version: number
  encoding: string | null
  /** Where that version was tokenized: 'editor' (the UI thread, a small edit) or 'worker'. */
  tokenizedBy: 'editor' | 'worker'
  /** Shown under the counts (the cost line). */
  children?: ReactNode
}

/** Token, character, word, byte and line counts, and characters per token. */
export function CountsPanel({ tokens, counts, endsWithBreak, stale, version, encoding, tokenizedBy, children }: CountsPanelProps) {
  const lines = counts ? lineCount(counts, endsWithBreak) : null
  const show = (n: number | null) => (n === null ? '…' : formatCount(n))
  return (
    <section
      className={stale ? 'panel counts stale' : 'panel counts'}
      aria-label="Counts"
      aria-busy={stale}
      data-doc-version={version}
      data-encoding={encoding ?? ''}
      data-tokenized-by={tokenizedBy}
      data-complete={stale ? 'false' : 'true'}
    >
      <div className="count-main">
        {/* A status that is not live: it changes with every keystroke; the app announces the count once per action instead. */}
        <span className="count-value" aria-label="Token count" role="status" aria-live="off">
          {show(tokens)}
        </span>
        <span className="count-label">tokens</span>
      </div>
      <dl className="count-grid">
        <div>
          <dt>Characters</dt>
          <dd>
            <Value name="Character count">{show(counts ? counts.characters : null)}</Value>
          </dd>
        </div>
        <div>
          <dt>Words</dt>
          <dd>
            <Value name="Word count">{show(counts ? counts.words : null)}</Value>
          </dd>
        </div>
        <div>
          <dt>UTF-8 bytes</dt>
          <dd>
            <Value name="Byte count">{show(counts ? counts.bytes : null)}</Value>
          </dd>
        </div>
        <div>
          <dt>Lines</dt>
          <dd>
            <Value name="Line count">{show(lines)}</Value>
          </dd>
        </div>
        <div>
          <dt>Chars / token</dt>
          <dd>
            <Value name="Characters per token">{counts && tokens !== null ? formatRatio(charsPerToken(counts.characters, tokens)) : '…'}</Value>
          </dd>
        </div>
      </dl>
      {children}
    </section>
  )
}
