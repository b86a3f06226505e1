import { useState } from 'react'
import { tokenColourSlot } from '@shared/display/palette'
import { formatCount } from '@shared/text/format'
import { MAX_STREAM_TOKENS } from '@shared/tools/chat'
import type { ChatReply } from './chatProtocol'

/** A count, with the place in the draft of each message it counted (blank ones are left out) and the model it counted for. */
export type ChatCountResult = Extract<ChatReply, { count: unknown }> & { positions: number[]; model: string }

/** The tooltip's part naming what a formatted token belongs to. */
function ownerLabel(result: ChatCountResult, k: number): string {
  const owner = result.count.owners[k]
  if (owner === -1) return ' · reply prime'
  if (owner === -2) return ''
  return ` · message ${result.positions[owner] + 1}`
}

/** The chat as the model receives it: every formatted token as a coloured chip, its id on request. */
export function ChatTokenStream({ result }: { result: ChatCountResult }) {
  /** Ids under the formatted tokens, as text (otherwise only in their tooltips). */
  const [showIds, setShowIds] = useState(false)
  // The 3,000 chips of the formatted stream are drawn only while they are shown.
  const [streamOpen, setStreamOpen] = useState(false)
  return (
    <details className="chat-stream" onToggle={(e) => setStreamOpen(e.currentTarget.open)}>
      <summary>Formatted tokens</summary>
      <label className="toggle hint">
        <input type="checkbox" checked={showIds} onChange={(e) => setShowIds(e.target.checked)} />
        Show IDs
      </label>
      {streamOpen && (
        <p className={showIds ? 'chat-stream-tokens chip-ids' : 'chat-stream-tokens'} aria-label="Formatted chat tokens">
          {result.labels.map((label, k) => (
            <span
              key={k}
              className={result.special[k] ? 'chip tok-special' : `chip tok-c${tokenColourSlot(k)}`}
              title={`#${k + 1} · ${result.count.stream[k] >= 0 ? `id ${result.count.stream[k]}` : 'format token (id not published)'}${ownerLabel(result, k)}`}
            >
              {label}
              {showIds && <span className="chip-id">{result.count.stream[k] >= 0 ? result.count.stream[k] : 'n/a'}</span>}
            </span>
          ))}
          {result.count.total > MAX_STREAM_TOKENS && <span className="hint"> …and {formatCount(result.count.total - MAX_STREAM_TOKENS)} more</span>}
        </p>
      )}
    </details>
  )
}
