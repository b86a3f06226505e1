/// <reference lib="webworker" />
// Counts the chat composer's messages in the model's chat format, off the UI thread.
import { ChatTextCache, countChat, type ChatMessageDraft } from '@shared/tools/chat'
import { loadEncoding } from '@shared/tokenizer/openai/encodingLoader'
import { isEncodingName } from '@shared/tokenizer/openai/encodings'
import { tokenizerName } from '@shared/tokenizer/tokenizerId'
import { visibleTokenBytes } from '@shared/display/visibleText'
import type { ChatReply, ChatRequest } from './chatProtocol'

declare const self: DedicatedWorkerGlobalScope

// Message texts' tokens from the last count: a keystroke in one of 2,000 messages re-encodes that one.
const cache = new ChatTextCache()

self.onmessage = async (event: MessageEvent<ChatRequest>) => {
  const { seq, encoding, model, formatted, messages } = event.data
  try {
    // The chat formats counted here are OpenAI's (gpt-tokenizer's); other tokenizers' chat
    // templates (tokenizer/chatTemplate.ts) are not wired into this panel yet.
    if (!isEncodingName(encoding)) throw new Error(`Chats are counted only with OpenAI’s encodings for now; ${tokenizerName(encoding)}’s chat template is not rendered here yet. The text’s own count above is exact.`)
    const enc = await loadEncoding(encoding)
    const count = countChat(enc, model, formatted, messages as ChatMessageDraft[], cache)
    const labels = count.stream.map((id, k) => count.marks[k] ?? visibleTokenBytes(enc.tokenBytes(id)))
    const special = count.marks.map((mark) => mark !== null)
    self.postMessage({ seq, count, labels, special } satisfies ChatReply)
  } catch (err) {
    self.postMessage({ seq, error: err instanceof Error ? err.message : String(err) } satisfies ChatReply)
  }
}
