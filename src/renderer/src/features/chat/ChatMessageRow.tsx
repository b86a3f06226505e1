import { memo } from 'react'
import { CHAT_ROLES, type ChatMessageDraft, type ChatRole } from '@shared/tools/chat'
import { formatCount } from '@shared/text/format'
import { ErrorNote } from '../../ui/ToolPanel'
import { GlyphLabel, Value } from '../../ui/Value'

/** Props of one message row. */
export interface ChatMessageRowProps {
  index: number
  message: ChatMessageDraft
  /** An empty message: a slot to fill, not counted. */
  blank: boolean
  nameProblem: string | null
  /** Tokens of the text and of the whole message, or null while counting. */
  contentTokens: number | null
  totalTokens: number | null
  formatted: boolean
  onEdit(index: number, patch: Partial<ChatMessageDraft>): void
  onRemove(index: number): void
}

/** One message of the composer: role, name, text and its count; redrawn only when its own props change. */
export const ChatMessageRow = memo(function ChatMessageRow({ index, message: m, blank, nameProblem, contentTokens, totalTokens, formatted, onEdit, onRemove }: ChatMessageRowProps) {
  const n = index + 1
  return (
    <li className="chat-message">
      <div className="chat-message-head">
        <select aria-label={`Role of message ${n}`} value={m.role} onChange={(e) => onEdit(index, { role: e.target.value as ChatRole })}>
          {CHAT_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <input
          aria-label={`Name of message ${n}`}
          placeholder="name (optional)"
          value={m.name}
          aria-invalid={nameProblem !== null}
          onChange={(e) => onEdit(index, { name: e.target.value })}
        />
        <button type="button" className="button small" title={`Remove message ${n}`} onClick={() => onRemove(index)}>
          <GlyphLabel glyph="✕" name={`Remove message ${n}`} />
        </button>
      </div>
      {nameProblem && <ErrorNote>{nameProblem}</ErrorNote>}
      <textarea aria-label={`Message ${n}`} rows={3} value={m.content} onChange={(e) => onEdit(index, { content: e.target.value })} spellCheck={false} />
      <Value className="hint chat-message-count" name={`Tokens of message ${n}`}>
        {blank
          ? 'Empty: not counted'
          : totalTokens !== null && contentTokens !== null
          ? formatted
            ? `${formatCount(totalTokens)} tokens (${formatCount(contentTokens)} text + ${formatCount(totalTokens - contentTokens)} format)`
            : `${formatCount(totalTokens)} tokens`
          : '…'}
      </Value>
    </li>
  )
})
