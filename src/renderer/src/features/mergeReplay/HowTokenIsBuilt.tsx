import { Fragment, memo, useId, useState } from 'react'
import type { ReplayPart } from '@shared/merges/replay'
import { formatCount } from '@shared/text/format'
import type { ReplayTarget } from './mergeReplayProtocol'
import { useMergeReplay } from './useMergeReplay'
import './mergeReplay.css'

/** Steps listed at most (a long piece has thousands); the rest are counted. */
const MAX_STEPS = 300
/** Parts shown per row at most. */
const MAX_PARTS = 40

/** Props of HowTokenIsBuilt. */
export interface HowTokenIsBuiltProps {
  /** The inspected token (its line, its place there, its id) and the tokenizer, or null. */
  target: ReplayTarget | null
}

/** Parts as labels separated by a middle dot; `mark` (an index) is shown strong. */
function Parts({ parts, mark }: { parts: readonly ReplayPart[]; mark?: number }) {
  const shown = parts.slice(0, MAX_PARTS)
  return (
    <span className="mono merge-parts">
      {shown.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="merge-sep"> · </span>}
          {i === mark ? <strong>{p.label}</strong> : p.label}
        </Fragment>
      ))}
      {parts.length > MAX_PARTS && <span className="hint"> … ({formatCount(parts.length - MAX_PARTS)} more)</span>}
    </span>
  )
}

/**
 * The inspector's `How this token is built` disclosure: the merges that build the inspected
 * token from its pre-token's bytes (or characters and byte fallbacks), one row per merge in
 * the tokenizer's order, with the two parts joined, the merge's rank and the parts after it.
 * Computed in a worker (features/mergeReplay) while open.
 */
export const HowTokenIsBuilt = memo(function HowTokenIsBuilt({ target }: HowTokenIsBuiltProps) {
  const [open, setOpen] = useState(false)
  const state = useMergeReplay(target, open)
  const bodyId = useId()
  return (
    <div className="merge-replay">
      <button type="button" className="button small" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> How this token is built
      </button>
      <div id={bodyId} hidden={!open}>
        {open && !target && <p className="hint">Hover a token or put the caret in it.</p>}
        {open && target && state.status === 'loading' && <p className="hint">Replaying the merges…</p>}
        {open && target && state.status === 'error' && <p className="note">Could not replay the merges: {state.message}</p>}
        {open && target && state.status === 'done' && state.replay.kind === 'message' && <p className="note">{state.replay.message}</p>}
        {open && target && state.status === 'done' && state.replay.kind === 'replay' && (
          <>
            <p className="hint">
              Its pre-token <span className="mono">{state.replay.piece}</span> starts as {formatCount(state.replay.start.length)} part
              {state.replay.start.length === 1 ? '' : 's'}: <Parts parts={state.replay.start} />. Bytes that are not a whole character show as hex. The
              lowest rank merges first ({state.replay.rankMeaning}).
            </p>
            {state.replay.tooLong && <p className="note">This pre-token is too long to replay step by step.</p>}
            {state.replay.steps.length === 0 && !state.replay.tooLong && <p className="note">No merge applies: the starting parts are the tokens.</p>}
            {state.replay.steps.length > 0 && (
              <ol className="merge-steps" aria-label="Merge steps" tabIndex={0}>
                {state.replay.steps.slice(0, MAX_STEPS).map((s, i) => (
                  <li key={i}>
                    {s.kind === 'merge' && s.left && s.right ? (
                      <>
                        <span className="mono">{s.left.label}</span> + <span className="mono">{s.right.label}</span> →{' '}
                        <span className="mono merge-made">{s.made.label}</span> <span className="hint">(rank {formatCount(s.rank)}, id {s.made.id})</span>
                      </>
                    ) : (
                      <>
                        The whole pre-token is a token: the engine takes <span className="mono merge-made">{s.made.label}</span> (id {s.made.id}) as it is.
                      </>
                    )}
                    <br />
                    <Parts parts={s.parts} />
                  </li>
                ))}
              </ol>
            )}
            {state.replay.steps.length > MAX_STEPS && <p className="hint">{formatCount(state.replay.steps.length - MAX_STEPS)} more steps not listed.</p>}
            <p className="hint">
              Tokens: <Parts parts={state.replay.final} mark={state.replay.tokenInPiece} /> (this one in bold).
            </p>
          </>
        )}
      </div>
    </div>
  )
})
