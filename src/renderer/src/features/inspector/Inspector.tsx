import { formatCount, formatRatio } from '@shared/text/format'
import type { TokenInfo } from '@shared/display/tokenInfo'
import { withVisibleWhitespace } from '@shared/display/visibleText'
import { tokenColourSlot } from '@shared/display/palette'
import type { ReactNode } from 'react'
import type { LineDensity } from '../../editor/densityStrip'
import { GlyphLabel, Value } from '../../ui/Value'

/** Props of the Inspector. */
export interface InspectorProps {
  /** Moves the inspector to another token index. */
  onStep(index: number): void
  tokenCount: number
  info: TokenInfo | null
  /** The token's bytes in hex (from the vocabulary), or null while they load. */
  bytesHex: string | null
  byteCount: number | null
  /** The token's line: its characters per token (the cost strip's colour, in words). */
  lineCost?: LineDensity | null
  /** More about the token, below its details (the merge replay's disclosure). */
  children?: ReactNode
}

/** Details of the token under the pointer or caret: number (from 1), id, text, bytes, range. */
export function Inspector({ info, bytesHex, byteCount, onStep, tokenCount, lineCost, children }: InspectorProps) {
  if (!info) {
    return (
      <section className="panel inspector" aria-label="Token inspector">
        <h2>Token</h2>
        <p className="hint">Hover a token or put the caret in it to see its id, bytes and position.</p>
        {children}
      </section>
    )
  }
  const shown = info.text === '' ? '' : withVisibleWhitespace(info.text)
  const atFirst = info.index === 0
  const atLast = info.index + 1 >= tokenCount
  // Not a live region: the Alt+arrow keys announce the token once (the app's announcer), and hovering is silent.
  // The step buttons are aria-disabled, not disabled, so focus stays on them at either end.
  return (
    <section className="panel inspector" aria-label="Token inspector">
      <div className="inspector-head">
        <h2>
          Token <span className="mono">#{formatCount(info.index + 1)}</span>
        </h2>
        <button type="button" className="button small" title="Previous token" aria-disabled={atFirst} onClick={() => !atFirst && onStep(info.index - 1)}>
          <GlyphLabel glyph="‹" name="Previous token" />
        </button>
        <button type="button" className="button small" title="Next token" aria-disabled={atLast} onClick={() => !atLast && onStep(info.index + 1)}>
          <GlyphLabel glyph="›" name="Next token" />
        </button>
      </div>
      <div className={`inspector-chip tok tok-c${tokenColourSlot(info.index)}${info.special ? ' tok-special' : ''}`}>
        {shown !== '' ? shown : <span className="hint">(part of a character)</span>}
      </div>
      <dl className="inspector-grid">
        <dt>ID</dt>
        <dd className="mono">
          <Value name="Token ID">{info.id}</Value>
        </dd>
        <dt>Bytes</dt>
        <dd className="mono bytes">
          <Value name="Token bytes">
            {bytesHex ?? '…'}
            {byteCount !== null && <span className="hint"> ({byteCount} byte{byteCount === 1 ? '' : 's'})</span>}
          </Value>
        </dd>
        <dt title="In characters (code points), as the Characters count and the exports' codepoint_start/end count them">Range</dt>
        <dd className="mono">
          <Value name="Character range">
            {formatCount(info.codePointStart)}–{formatCount(info.codePointEnd)}
          </Value>
        </dd>
        {lineCost && (
          <>
            <dt>Line</dt>
            <dd className="line-cost">
              {formatCount(lineCost.line)}: {formatRatio(lineCost.charsPerToken)} characters per token ({formatCount(lineCost.tokens)} tokens)
            </dd>
          </>
        )}
        <dt>Kind</dt>
        <dd>
          {info.special ? 'Special token' : info.partial ? 'Partial character' : 'Text'}
        </dd>
      </dl>
      {info.group && (
        <p className="note">
          {info.partial
            ? 'This token holds only some of a character’s UTF-8 bytes.'
            : 'This token is part of one visible character (an emoji sequence or a letter with marks).'}{' '}
          Tokens {formatCount(info.group.first + 1)}–{formatCount(info.group.last + 1)} make it up together; the text shows them as one
          piece with a dashed underline. Use the arrows to step through them.
        </p>
      )}
      {children}
    </section>
  )
}
