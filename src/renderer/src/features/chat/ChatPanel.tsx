import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, memo } from 'react'
import { countedMessages, isBlankMessage, MAX_CHAT_CHARS, nameProblem, withEditorText, type ChatDraft, type ChatMessageDraft } from '@shared/tools/chat'
import { formatCount } from '@shared/text/format'
import { limitStatus, meterValue, parseLimit } from '@shared/models/limits'
import type { ModelInfo } from '@shared/models/models'
import { chatTemplateAsset } from '@shared/tools/chatTemplateCount'
import { isEncodingName } from '@shared/tokenizer/openai/encodings'
import { isUserTokenizerId } from '@shared/tokenizer/tokenizerId'
import { fileChatModel, type ChatOpenedTokenizer } from './fileChatModel'
import { ChatMessageRow } from './ChatMessageRow'
import { useChatClient } from './useChatClient'
import { ErrorNote, ToolPanel } from '../../ui/ToolPanel'
import { Value } from '../../ui/Value'
import { countImages, MAX_IMAGES_PER_MESSAGE } from '@shared/budget/chatImage'
import type { ImageDetail } from '@shared/budget/imageCost'
import { readTools } from '@shared/budget/toolDefs'
import { readImageFile } from './imageFile'
import { formatCost, priceOrigin, promptCost, tablePrice } from '@shared/models/prices'
import { ChatTools } from './ChatTools'
import { ChatTokenStream, type ChatCountResult } from './ChatTokenStream'

/**
 * Chats up to this many messages show each message's share of the prompt. A share changes in
 * every row when any message changes, so longer chats leave it out: a keystroke then redraws
 * only its own row.
 */
const MAX_SHARED_ROWS = 200

/** A count, with the place in the draft of each message it counted (blank ones are left out) and the model it counted for. */
type Result = ChatCountResult

/** True when the chat of `model` is counted in a chat format: OpenAI's (gpt-tokenizer), the tokenizer's chat template, or the opened file's. */
const hasChatFormat = (model: ModelInfo) => model.chat || chatTemplateAsset(model.encoding) !== null

/** Props of the ChatPanel. */
export interface ChatPanelProps {
  models: ModelInfo[] | null
  initial: ChatDraft
  onChange(draft: ChatDraft): void
  /** The editor's text, added as a user message on request. */
  editorText(): string
  /**
   * The toolbar's model (null: none chosen): the chat follows it. Choosing a model here does not
   * change the toolbar's (the editor's tokenizer and limits stay as the user set them).
   */
  model: string | null
  /** The tokenizer opened from a file, if any: listed as a model of its own. */
  opened?: ChatOpenedTokenizer | null
}

/** Compose a chat (roles, names, messages), count it in the model's chat format, and check it plus a reply reserve against the window. */
export const ChatPanel = memo(function ChatPanel({ models, initial, onChange, editorText, model: toolbarModel, opened = null }: ChatPanelProps) {
  const [draft, setDraft] = useState(initial)
  const [open, setOpen] = useState(false)
  const [result, setResult] = useState<Result | null>(null)
  const [error, setError] = useState<string | null>(null)
  const sentPositions = useRef<number[]>([])
  const sentModel = useRef('')
  // Thumbnails of the images added in this session (the draft keeps sizes only), by image id.
  const [thumbs, setThumbs] = useState<ReadonlyMap<string, string>>(new Map())
  const [imageProblems, setImageProblems] = useState<string[]>([])
  const client = useChatClient((reply) => {
    if ('error' in reply) {
      setError(`Could not count this chat: ${reply.error}`)
      setResult(null)
    } else {
      setError(null)
      setResult({ ...reply, positions: sentPositions.current, model: sentModel.current })
    }
  })

  const fileModel = useMemo(() => (opened ? fileChatModel(opened) : null), [opened])
  const model = (fileModel?.name === draft.model ? fileModel : models?.find((m) => m.name === draft.model)) ?? null
  const names = draft.messages.map((m) => nameProblem(m.name))
  const tooLong = draft.messages.findIndex((m) => m.content.length > MAX_CHAT_CHARS)
  const reserve = parseLimit(draft.reserve.trim() === '' ? '0' : draft.reserve)
  const toolsText = draft.tools ?? ''
  const tools = useMemo(() => readTools(toolsText), [toolsText])
  const toolDefs = useMemo(() => (tools.ok ? tools.tools : []), [tools])
  const images = model ? countImages(draft.messages, model.name, model.imageInput) : null

  // Every change goes through `change`, from the draft of the moment, so the row callbacks stay
  // the same between renders and a keystroke re-renders only its own row, not all of a long conversation.
  const onChangeRef = useRef(onChange)
  const draftRef = useRef(draft)
  useEffect(() => {
    onChangeRef.current = onChange
  }, [onChange])
  const change = useCallback((edit: (d: ChatDraft) => ChatDraft) => {
    const next = edit(draftRef.current)
    draftRef.current = next
    setDraft(next)
    onChangeRef.current(next)
  }, [])
  const update = (next: ChatDraft) => change(() => next)
  // One model for the app: a model chosen in the toolbar is the chat's too.
  const [followed, setFollowed] = useState(toolbarModel)
  if (toolbarModel !== followed) {
    setFollowed(toolbarModel)
    if (toolbarModel !== null && toolbarModel !== draft.model) update({ ...draft, model: toolbarModel })
  }
  const setMessage = useCallback(
    (i: number, patch: Partial<ChatMessageDraft>) => change((d) => ({ ...d, messages: d.messages.map((m, k) => (k === i ? { ...m, ...patch } : m)) })),
    [change],
  )
  const addImages = useCallback(
    async (i: number, files: File[]) => {
      const problems: string[] = []
      for (const file of files) {
        const read = await readImageFile(file)
        if (!read.ok) {
          problems.push(read.reason)
          continue
        }
        if ((draftRef.current.messages[i]?.images?.length ?? 0) >= MAX_IMAGES_PER_MESSAGE) {
          problems.push(`${file.name}: a message holds at most ${MAX_IMAGES_PER_MESSAGE} images here.`)
          continue
        }
        if (read.thumb) setThumbs((t) => new Map(t).set(read.image.id, read.thumb!))
        change((d) => ({ ...d, messages: d.messages.map((m, k) => (k === i ? { ...m, images: [...(m.images ?? []), read.image] } : m)) }))
      }
      setImageProblems(problems)
    },
    [change],
  )
  const onAddImages = useCallback((i: number, files: File[]) => void addImages(i, files), [addImages])
  const setImageDetail = useCallback(
    (i: number, id: string, detail: ImageDetail) =>
      change((d) => ({ ...d, messages: d.messages.map((m, k) => (k === i ? { ...m, images: m.images?.map((img) => (img.id === id ? { ...img, detail } : img)) } : m)) })),
    [change],
  )
  const removeImage = useCallback(
    (i: number, id: string) => {
      setThumbs((t) => {
        const next = new Map(t)
        next.delete(id)
        return next
      })
      change((d) => ({
        ...d,
        messages: d.messages.map((m, k) => {
          if (k !== i) return m
          const rest = (m.images ?? []).filter((img) => img.id !== id)
          const { images: _gone, ...plain } = m
          return rest.length ? { ...m, images: rest } : plain
        }),
      }))
    },
    [change],
  )
  // Rows are keyed by place, so removing a message unmounts the last row: when the focused ✕ goes
  // with it, focus moves to the ✕ now at that place (or the last one, or Add message), not the page.
  const listRef = useRef<HTMLOListElement>(null)
  const refocusAt = useRef<number | null>(null)
  const removeMessage = useCallback(
    (i: number) => {
      refocusAt.current = i
      change((d) => ({ ...d, messages: d.messages.filter((_, k) => k !== i) }))
    },
    [change],
  )
  useLayoutEffect(() => {
    const at = refocusAt.current
    refocusAt.current = null
    if (at === null || (document.activeElement && document.activeElement !== document.body)) return
    const list = listRef.current
    const buttons = list ? Array.from(list.querySelectorAll<HTMLElement>('.chat-message-head button')) : []
    ;(buttons[Math.min(at, buttons.length - 1)] ?? list?.parentElement?.querySelector<HTMLElement>('.chat-actions button'))?.focus()
  }, [draft.messages])

  // Count in the worker shortly after the last change, while the panel is open.
  const valid = model !== null && names.every((p) => p === null) && tooLong < 0
  useEffect(() => {
    if (!open || !valid || !model) return
    const t = window.setTimeout(() => {
      // Blank messages (the new chat's empty user message) are slots to fill, not counted.
      const counted = countedMessages(draft.messages)
      sentPositions.current = counted.positions
      sentModel.current = model.name
      client.count({ encoding: model.encoding, model: model.name, formatted: model.chat, messages: counted.messages, tools: toolDefs })
    }, 120)
    return () => window.clearTimeout(t)
  }, [open, valid, model, draft.messages, toolDefs, client])

  // A count of another model than the one chosen is not shown: "counting…" until the new one lands.
  const counting = result !== null && model !== null && result.model !== model.name
  // The prompt's total: the worker's count (messages, format, tools) and the images' tokens.
  const imageTotal = images?.ok ? images.total : 0
  // The chat's cost at the bundled, dated table's price for its model (the editor's cost line prices the editor's text).
  const price = model ? tablePrice(model.name) : null
  const total = result && !counting ? result.count.total + imageTotal : null
  const window_ = model?.contextWindow ?? null
  const needed = total !== null && reserve !== null ? total + reserve : null
  const status = needed !== null && window_ ? limitStatus(needed, window_) : null
  const chatModels = useMemo(() => (models ?? []).filter(hasChatFormat), [models])
  const otherModels = useMemo(() => (models ?? []).filter((m) => !hasChatFormat(m)), [models])
  const template = (!counting && result?.count.template) || null

  return (
    <ToolPanel title="Chat prompt" className="chat" onToggle={setOpen}>
      <div className="chat-settings">
        <label>
          Model
          <select
            aria-label="Chat model"
            value={draft.model}
            onChange={(e) => update({ ...draft, model: e.target.value })}
            disabled={!models}
          >
            {!models && <option value={draft.model}>Loading models…</option>}
            {models && !model && <option value={draft.model}>{draft.model} (unknown)</option>}
            {fileModel && (
              <optgroup label="Opened tokenizer file">
                <option value={fileModel.name}>{fileModel.name}</option>
              </optgroup>
            )}
            <optgroup label="Chat format known">
              {chatModels.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Text only (no chat format)">
              {otherModels.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label>
          Reply reserve
          <input
            inputMode="numeric"
            aria-label="Reply reserve in tokens"
            aria-invalid={reserve === null}
            value={draft.reserve}
            onChange={(e) => update({ ...draft, reserve: e.target.value })}
            placeholder={model?.maxOutput ? `max ${formatCount(model.maxOutput)}` : 'e.g. 1000'}
          />
        </label>
      </div>
      {models && !model && <ErrorNote>{draft.model} is not in gpt-tokenizer’s model list; choose a model to count the chat.</ErrorNote>}
      {reserve === null && <ErrorNote>Enter the reply reserve as a whole number of tokens, e.g. 1000 or 4k.</ErrorNote>}
      {model?.chat && model.encoding === 'o200k_harmony' && (
        <p className="hint" role="note">
          Counted as OpenAI’s harmony renderer writes these messages; a server’s chat template may add a system message of its own.
        </p>
      )}
      {model && !hasChatFormat(model) && (
        <p className="hint chat-warning" role="note">
          {isEncodingName(model.encoding) ? `gpt-tokenizer has no chat format for ${model.name}` : isUserTokenizerId(model.encoding) ? `${model.name} has no chat template (its tokenizer_config.json was not opened with it, or has none)` : `${model.name}’s tokenizer has no chat template`}: the counts are the message texts only, without the format’s tokens.
        </p>
      )}
      {template && template.problem === null && (
        <p className="hint" role="note">
          Counted as {template.name}’s chat template renders it (apply_chat_template, with the generation prompt). Each message’s count is its text alone.
        </p>
      )}
      {template && template.problem !== null && (
        <ErrorNote>
          {template.name}’s chat template could not be rendered, so the counts are the message texts only. {template.problem}
        </ErrorNote>
      )}
      <ol className="chat-messages" aria-label="Messages" ref={listRef}>
        {draft.messages.map((m, i) => {
          // Blank messages are not counted: the count lists the others, `positions` maps them back.
          const at = result && !counting ? result.positions.indexOf(i) : -1
          const counted = at >= 0 ? result?.count.messages[at] : undefined
          const imageTokens = images?.ok ? images.perMessage[i].reduce((a, b) => a + b, 0) : null
          return (
            <ChatMessageRow
              key={i}
              index={i}
              message={m}
              blank={isBlankMessage(m)}
              nameProblem={names[i]}
              contentTokens={counted?.content ?? null}
              totalTokens={counted?.total ?? null}
              formatted={(result?.count.formatted ?? false) && !result?.count.template}
              share={counted && total && draft.messages.length <= MAX_SHARED_ROWS ? (counted.total + (imageTokens ?? 0)) / total : null}
              imageTokens={imageTokens}
              thumbs={thumbs}
              imageMethod={images?.ok ? images.method : null}
              noImages={images && !images.ok ? images.reason : null}
              onEdit={setMessage}
              onRemove={removeMessage}
              onAddImages={onAddImages}
              onImageDetail={setImageDetail}
              onRemoveImage={removeImage}
            />
          )
        })}
      </ol>
      {imageProblems.map((p, k) => (
        <ErrorNote key={k}>{p}</ErrorNote>
      ))}
      {images && !images.ok && (
        <ErrorNote>
          {images.reason} The {images.images === 1 ? 'image is' : `${images.images} images are`} not counted (the API would refuse them); remove {images.images === 1 ? 'it' : 'them'} or choose a model that takes images.
        </ErrorNote>
      )}
      {images?.ok && images.method && images.total > 0 && (
        <p className="hint" role="note">
          Images counted by {images.method.name}
          {images.method.estimate ? ' (an estimate)' : ''}: <a href={images.method.source} target="_blank" rel="noreferrer">source</a>, checked {images.method.checked}
          {images.method.verified ? '' : '; these constants were not re-checked against the page'}.
        </p>
      )}
      {tooLong >= 0 && <ErrorNote>Message {tooLong + 1} is over {formatCount(MAX_CHAT_CHARS)} characters; shorten it to count the chat.</ErrorNote>}
      <div className="chat-actions">
        <button type="button" className="button small" onClick={() => update({ ...draft, messages: [...draft.messages, { role: 'user', name: '', content: '' }] })}>
          Add message
        </button>
        <button
          type="button"
          className="button small"
          title="Put the editor's text in the empty user message, or add it as a new one"
          onClick={() => update({ ...draft, messages: withEditorText(draft.messages, editorText().slice(0, MAX_CHAT_CHARS)) })}
        >
          Add editor text
        </button>
      </div>
      <ChatTools text={toolsText} reading={tools} counted={counting ? null : (result?.count.tools ?? null)} total={total} onChange={(text) => change((d) => ({ ...d, tools: text }))} />
      {error && <ErrorNote>{error}</ErrorNote>}
      {counting && (
        <div className="chat-summary" aria-busy="true">
          <p>
            <Value name="Chat total">Counting…</Value>
          </p>
        </div>
      )}
      {result && model && !counting && (
        <div className="chat-summary" aria-busy="false">
          <p>
            <Value name="Chat total">
            <strong>{formatCount(total ?? result.count.total)}</strong> tokens in the prompt
            {result.count.formatted && !template ? ` (${formatCount(result.count.prime)} prime the reply)` : ''}
            {template && template.problem === null ? ' as the chat template renders it' : ''}
            {reserve !== null && reserve > 0 ? ` + ${formatCount(reserve)} reserved for the reply` : ''}
            </Value>
          </p>
          {(result.count.tools || imageTotal > 0) && (
            <p className="hint">
              <Value name="Prompt parts">
              Messages {formatCount(result.count.total - (result.count.tools?.total ?? 0))}
              {result.count.tools ? ` · tools ${formatCount(result.count.tools.total)}` : ''}
              {imageTotal > 0 ? ` · images ${formatCount(imageTotal)}${images?.ok && images.method?.estimate ? ' (estimate)' : ''}` : ''}
              </Value>
            </p>
          )}
          {price && total !== null && (
            <p className="hint">
              <Value name="Chat cost">
              {(() => {
                const cost = promptCost(total, reserve ?? 0, price)
                return `Costs ${formatCost(cost.input)} for the prompt${reserve ? ` + ${formatCost(cost.output)} for a ${formatCount(reserve)}-token reply = ${formatCost(cost.total)}` : ''} (${priceOrigin(price)}; images and tools included${(images?.ok && images.method?.estimate) || (result.count.tools && result.count.tools.method !== 'template') ? ', partly estimated' : ''}).`
              })()}
              </Value>
            </p>
          )}
          {status && window_ && needed !== null && (
            <>
              <div
                role="meter"
                aria-label="Chat window"
                aria-valuemin={0}
                aria-valuemax={window_}
                aria-valuenow={meterValue(needed, window_)}
                aria-valuetext={status.over > 0 ? `${formatCount(status.over)} over` : `${formatCount(status.remaining)} left`}
                className={status.over > 0 ? 'meter over' : 'meter'}
              >
                <div className="meter-fill" style={{ width: `${Math.min(100, status.fraction * 100)}%` }} />
              </div>
              <p className={status.over > 0 ? 'chat-fit over' : 'chat-fit'}>
                {formatCount(needed)} of {formatCount(window_)} ({model.name} window):{' '}
                {status.over > 0 ? `${formatCount(status.over)} over` : `${formatCount(status.remaining)} left`}
              </p>
            </>
          )}
          <ChatTokenStream result={result} />
        </div>
      )}
    </ToolPanel>
  )
})
