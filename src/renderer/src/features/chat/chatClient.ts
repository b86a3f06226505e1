import type { ChatReply, ChatRequest } from './chatProtocol'
import { shareOpenedTokenizer } from '../../tokens/openedTokenizer'

/** Counts chats in one worker of its own (started on the first count); only the newest request is answered. */
export class ChatClient {
  private worker: Worker | null = null
  /** Stops handing the worker newly opened tokenizer files. */
  private unshare: () => void = () => undefined
  private seq = 0

  private onReply: (reply: ChatReply) => void = () => {}

  /** Sets who gets the answer to the newest request (older answers are dropped). */
  listen(onReply: (reply: ChatReply) => void): void {
    this.onReply = onReply
  }

  /** Asks for a count; a request sent before it is no longer answered. */
  count(request: Omit<ChatRequest, 'seq'>): void {
    const worker = (this.worker ??= this.start())
    worker.postMessage({ ...request, seq: ++this.seq } satisfies ChatRequest)
  }

  /** Stops the worker (a later count starts a new one). */
  dispose(): void {
    this.worker?.terminate()
    this.unshare()
    this.worker = null
  }

  private start(): Worker {
    const worker = new Worker(new URL('./chat.worker.ts', import.meta.url), { type: 'module', name: 'chat' })
    worker.onmessage = (e: MessageEvent<ChatReply>) => {
      if (e.data.seq === this.seq) this.onReply(e.data)
    }
    this.unshare = shareOpenedTokenizer(worker)
    return worker
  }
}
