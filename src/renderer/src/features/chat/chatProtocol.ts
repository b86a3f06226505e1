import type { ChatCount, ChatMessageDraft } from '@shared/tools/chat'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import type { ToolDef } from '@shared/budget/toolDefs'

/** Asks the chat worker to count a chat; `seq` pairs the reply with the request. */
export interface ChatRequest {
  seq: number
  encoding: TokenizerId
  model: string
  /** False when gpt-tokenizer has no chat format for the model. */
  formatted: boolean
  messages: ChatMessageDraft[]
  /** Tool definitions, counted into the total (read and checked by the panel). */
  tools: ToolDef[]
}

/** The chat worker's answer: counts and the formatted stream's token labels, or an error. */
export type ChatReply =
  | { seq: number; count: ChatCount; labels: string[]; special: boolean[] }
  | { seq: number; error: string }
