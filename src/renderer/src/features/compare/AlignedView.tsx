import { Fragment, useEffect, useRef, useState } from 'react'
import { tokenColourSlot } from '@shared/display/palette'
import { tokenizerShortName, type TokenizerId } from '@shared/tokenizer/tokenizerId'
import { countText } from '@shared/text/counts'
import { formatCount } from '@shared/text/format'
import { withVisibleWhitespace } from '@shared/display/visibleText'
import type { AlignedSide, CompareResponse } from './compareProtocol'

/** Stretches drawn at most; the rest is summarised. */
const SHOWN_GROUPS = 4000

type Aligned = Extract<CompareResponse, { type: 'aligned' }>

/** Props of the AlignedView. */
export interface AlignedViewProps {
  text: string
  /** Where `text` starts in the document (for the caption). */
  offset: number
  names: [TokenizerId, TokenizerId]
  aligned: Aligned
  onClose(): void
}

function chips(text: string, side: AlignedSide, from: number, to: number, showIds: boolean) {
  const out = []
  for (let k = from; k < to; k++) {
    const piece = text.slice(side.starts[k], side.starts[k + 1])
    out.push(
      <span key={k} className={`chip tok-c${tokenColourSlot(k)}`} title={`#${k + 1} · id ${side.ids[k]}`}>
        {side.partial[k] ?? withVisibleWhitespace(piece)}
        {showIds && <span className="chip-id">{side.ids[k]}</span>}
      </span>,
    )
  }
  return out
}

/** Two encodings' tokens of the same text, one above the other, with the stretches where they cut differently marked. */
export function AlignedView({ text, offset, names: ids, aligned, onClose }: AlignedViewProps) {
  // Catalog tokenizers by their short names (OpenAI's encodings by theirs), an opened file by its name.
  const names = [tokenizerShortName(ids[0]), tokenizerShortName(ids[1])]
  const dialog = useRef<HTMLDialogElement>(null)
  /** Ids under each token, as text (otherwise only in the tooltip, which the keyboard never reaches). */
  const [showIds, setShowIds] = useState(false)
  useEffect(() => {
    const d = dialog.current
    if (d && !d.open) d.showModal()
  }, [])
  const { groups, a, b } = aligned
  const differing = groups.filter((g) => !g.same).length
  return (
    <dialog ref={dialog} className="aligned-dialog" aria-label="Segmentations side by side" onClose={onClose}>
      <header className="aligned-head">
        <h2>
          {names[0]} <span className="hint">vs</span> {names[1]}
        </h2>
        <button type="button" className="button small" onClick={() => dialog.current?.close()} autoFocus>
          Close
        </button>
      </header>
      <p className="hint" aria-label="Alignment summary">
        {formatCount(countText(text).characters)} characters from position {formatCount(offset)}: {names[0]} {formatCount(a.ids.length)} tokens,{' '}
        {names[1]} {formatCount(b.ids.length)} tokens; {formatCount(differing)} of {formatCount(groups.length)} stretches cut differently
        (outlined).
      </p>
      <div className="aligned-legend hint">
        <span className="aligned-key">top: {names[0]}</span>
        <span className="aligned-key">bottom: {names[1]}</span>
        <label className="toggle">
          <input type="checkbox" checked={showIds} onChange={(e) => setShowIds(e.target.checked)} />
          Show IDs
        </label>
      </div>
      {/* Focusable, so the keyboard can scroll it. */}
      <div className={showIds ? 'aligned-body chip-ids' : 'aligned-body'} tabIndex={0} role="group" aria-label="Both segmentations">
        {groups.slice(0, SHOWN_GROUPS).map((g, n) => (
          <Fragment key={n}>
            <span className={g.same ? 'aligned-group' : 'aligned-group differ'} data-differ={g.same ? undefined : ''}>
              <span className="aligned-row">{chips(text, a, g.a0, g.a1, showIds)}</span>
              <span className="aligned-row">{chips(text, b, g.b0, g.b1, showIds)}</span>
            </span>
            {text.charCodeAt(g.to - 1) === 10 && <span className="aligned-break" />}
          </Fragment>
        ))}
        {groups.length > SHOWN_GROUPS && <p className="hint">…and {formatCount(groups.length - SHOWN_GROUPS)} more stretches.</p>}
      </div>
    </dialog>
  )
}
