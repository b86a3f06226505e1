import { memo, useRef } from 'react'
import type { ImageCostMethod, ImageDetail } from '@shared/budget/imageCost'
import { ChatImages } from './ChatImages'
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
  /** The message's share of the whole prompt (0-1), or null while counting. */
  share: number | null
  /** Tokens of the message's images (added to its count), or null when the model takes none. */
  imageTokens: number | null
  thumbs: ReadonlyMap<string, string>
  imageMethod: ImageCostMethod | null
  noImages: string | null
  onEdit(index: number, patch: Partial<ChatMessageDraft>): void
  onRemove(index: number): void
  onAddImages(index: number, files: File[]): void
  onImageDetail(index: number, id: string, detail: ImageDetail): void
  onRemoveImage(index: number, id: string): void
}

const percent = (share: number) => (share > 0 && share < 0.001 ? '<0.1%' : `${(share * 100).toFixed(1)}%`)

/** One message of the composer: role, name, text and its count; redrawn only when its own props change. */
export const ChatMessageRow = memo(function ChatMessageRow(props: ChatMessageRowProps) {
  const { index, message: m, blank, nameProblem, contentTokens, totalTokens, formatted, share, imageTokens, onEdit, onRemove, onAddImages } = props
  const n = index + 1
  const fileInput = useRef<HTMLInputElement>(null)
  const images = m.images ?? []
  const withImages = totalTokens !== null && imageTokens ? ` + ${formatCount(imageTokens)} image${images.length === 1 ? '' : 's'}` : ''
  return (
    <li
      className="chat-message"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault()
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return
        e.preventDefault()
        e.stopPropagation()
        onAddImages(index, Array.from(e.dataTransfer.files))
      }}
    >
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
      <textarea
        aria-label={`Message ${n}`}
        rows={3}
        value={m.content}
        onChange={(e) => onEdit(index, { content: e.target.value })}
        onPaste={(e) => {
          // A pasted picture (a screenshot) becomes an image of this message; pasted text stays text.
          const files = Array.from(e.clipboardData.files)
          if (!files.length) return
          e.preventDefault()
          onAddImages(index, files)
        }}
        spellCheck={false}
      />
      <ChatImages
        n={n}
        images={images}
        thumbs={props.thumbs}
        method={props.imageMethod}
        noImages={props.noImages}
        onDetail={(id, detail) => props.onImageDetail(index, id, detail)}
        onRemove={(id) => props.onRemoveImage(index, id)}
      />
      <div className="chat-message-foot">
        <div className="chat-message-count">
          <Value className="hint" name={`Tokens of message ${n}`}>
            {blank
              ? 'Empty: not counted'
              : totalTokens !== null && contentTokens !== null
              ? formatted
                ? `${formatCount(totalTokens + (imageTokens ?? 0))} tokens (${formatCount(contentTokens)} text + ${formatCount(totalTokens - contentTokens)} format${withImages})`
                : `${formatCount(totalTokens + (imageTokens ?? 0))} tokens${withImages ? ` (${formatCount(contentTokens)} text${withImages})` : ''}`
              : '…'}
          </Value>
          {!blank && share !== null && <div className="hint">{percent(share)} of the prompt</div>}
        </div>
        <button type="button" className="button small" aria-label={`Add image to message ${n}`} title="Add an image (or drop or paste one here)" onClick={() => fileInput.current?.click()}>
          Add image
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp,image/bmp,image/svg+xml"
          multiple
          hidden
          tabIndex={-1}
          aria-label={`Image file for message ${n}`}
          onChange={(e) => {
            onAddImages(index, Array.from(e.target.files ?? []))
            e.target.value = ''
          }}
        />
      </div>
    </li>
  )
})
