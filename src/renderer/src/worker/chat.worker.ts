/// <reference lib="webworker" />
// Counts the chat composer's messages with gpt-tokenizer's chat encoding, off the UI thread.
import { countChat, type ChatMessageDraft } from '../../../shared/chat'
import { loadChatEncoding } from '../../../shared/encodingLoader'
import type { EncodingName } from '../../../shared/encodings'
import { visibleTokenBytes } from '../../../shared/visibleText'
import type { ChatReply, ChatRequest } from './chatProtocol'

declare const self: DedicatedWorkerGlobalScope

self.onmessage = async (event: MessageEvent<ChatRequest>) => {
  const { seq, encoding, model, formatted, messages } = event.data
  try {
    const enc = await loadChatEncoding(encoding as EncodingName)
    const count = countChat(enc, model, formatted, messages as ChatMessageDraft[])
    const labels = count.stream.map((id) => visibleTokenBytes(enc.tokenBytes(id)))
    const special = count.stream.map((id) => enc.isSpecial(id))
    self.postMessage({ seq, count, labels, special } satisfies ChatReply)
  } catch (err) {
    self.postMessage({ seq, error: err instanceof Error ? err.message : String(err) } satisfies ChatReply)
  }
}
