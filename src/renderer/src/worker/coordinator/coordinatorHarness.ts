// Test support (not shipped): fake helper workers and a fake UI that applies the
// coordinator's messages the way the token stream does, to drive TokenizerCoordinator in Node.
import type { CoordinatorRequest, CoordinatorResponse, HelperRequest, HelperResponse } from '@shared/contract/workerProtocol'
import type { ChunkTokens } from '@shared/document/tokenize'
import { tokenizeChunk } from '@shared/document/tokenize'
import { loadAppTokenizer } from '../../tokens/bundledTokenizers'
import type { HelperPort } from './helperPool'
import { TokenizerCoordinator, type CoordinatorDeps } from './tokenizerCoordinator'

type EncodeRequest = Extract<HelperRequest, { type: 'encode' }>

/** A helper that encodes for real, but only when the test says so (or at once, with `auto`). */
export class FakeHelper implements HelperPort {
  onmessage: ((event: { data: HelperResponse }) => void) | null = null
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null = null
  terminated = false
  readonly requests: HelperRequest[] = []
  /** Encode requests not answered yet. */
  readonly held: EncodeRequest[] = []

  constructor(private readonly auto: boolean) {}

  postMessage(msg: HelperRequest): void {
    if (this.terminated) throw new Error('message to a terminated helper')
    this.requests.push(msg)
    if (msg.type !== 'encode') return
    this.held.push(msg)
    if (this.auto) setTimeout(() => void this.answerAll(), 0)
  }

  terminate(): void {
    this.terminated = true
  }

  /** Answers every held batch with real tokens (a terminated helper says nothing, like a Worker). */
  async answerAll(): Promise<void> {
    for (const req of this.held.splice(0)) {
      const enc = await loadAppTokenizer(req.encoding)
      const results = req.pieces.map((p) => ({ stamp: p.stamp, tokens: tokenizeChunk(p.text, 0, p.text.length, enc, req.mode) }))
      if (!this.terminated) this.onmessage?.({ data: { type: 'encoded', batch: req.batch, results } })
    }
  }

  /** Answers the held batches with an error message. */
  failAll(message: string): void {
    for (const req of this.held.splice(0)) this.onmessage?.({ data: { type: 'error', batch: req.batch, message } })
  }

  /** Dies with an uncaught error, like a worker's error event. */
  crash(message: string): void {
    this.held.length = 0
    this.onerror?.({ message, preventDefault: () => undefined })
  }
}

interface ShownChunk {
  start: number
  end: number
  tokens: ChunkTokens | null
}

/** The UI side: the chunk list of the newest generation, built only from the coordinator's messages. */
export class FakeUi {
  readonly messages: CoordinatorResponse[] = []
  chunks: ShownChunk[] = []
  generation = -1
  /** How often each chunk (by start, in the generation) was filled while already holding tokens. */
  refills = 0

  receive(msg: CoordinatorResponse): void {
    this.messages.push(msg)
    if (msg.type !== 'splice' && msg.type !== 'fill') return
    if (msg.generation < this.generation) return // an old encoding's tokens: the stream drops them too
    if (msg.generation > this.generation) {
      this.generation = msg.generation
      if (msg.type === 'fill') throw new Error('a fill before the splice of its generation')
    }
    if (msg.type === 'splice') {
      const { from, remove, shift, insert } = msg.splice
      for (let k = from + remove; k < this.chunks.length; k++) this.chunks[k] = { ...this.chunks[k], start: this.chunks[k].start + shift, end: this.chunks[k].end + shift }
      this.chunks.splice(from, remove, ...insert.map((c) => ({ ...c })))
    } else {
      for (const f of msg.fills) {
        const c = this.chunks[f.index]
        if (!c) throw new Error(`fill of missing chunk ${f.index}`)
        if (f.tokens.starts[f.tokens.ids.length] !== c.end - c.start) throw new Error(`fill of chunk ${f.index} with tokens of another length`)
        if (c.tokens) this.refills++
        this.chunks[f.index] = { ...c, tokens: f.tokens }
      }
    }
  }

  /** Chunks still without tokens. */
  get pendingChunks(): number {
    return this.chunks.filter((c) => !c.tokens).length
  }

  /** Every token id in order. */
  ids(): number[] {
    return this.chunks.flatMap((c) => (c.tokens ? Array.from(c.tokens.ids) : []))
  }

  errors(): string[] {
    return this.messages.flatMap((m) => (m.type === 'error' ? [m.message] : []))
  }
}

/** A coordinator with fake helpers and a fake UI. */
export function harness(options: { helpers?: number; auto?: boolean } & Partial<CoordinatorDeps> = {}) {
  const ui = new FakeUi()
  const helpers: FakeHelper[] = []
  const coordinator = new TokenizerCoordinator({
    post: (msg) => ui.receive(msg),
    spawnHelper: () => {
      const h = new FakeHelper(options.auto ?? true)
      helpers.push(h)
      return h
    },
    helperCount: options.helpers ?? 1,
    warmDelayMs: 0,
    ...options,
  })
  const send = (req: CoordinatorRequest) => coordinator.handle(req)
  /** The helpers alive now (replaced ones are left out). */
  const live = () => helpers.filter((h) => !h.terminated)
  /** Waits (a macrotask at a time) until `done` holds. */
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 20_000; i++) {
      if (done()) return
      await new Promise((r) => setTimeout(r, 0))
    }
    throw new Error('timed out waiting for the coordinator')
  }
  /** Waits until no work is left, answering whatever manual helpers hold from now on. */
  const settle = () =>
    until(() => {
      for (const h of live()) if (h.held.length > 0) void h.answerAll()
      return !coordinator.busy
    })
  return { coordinator, ui, helpers, live, send, settle, until }
}
