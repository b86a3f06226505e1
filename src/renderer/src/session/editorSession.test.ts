import { Text } from '@codemirror/state'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadOpenAiTokenizer, type OpenAiTokenizer } from '@shared/tokenizer/openai/openaiTokenizer'
import { tokenizeChunk } from '@shared/document/tokenize'
import type { CoordinatorRequest, CoordinatorResponse } from '@shared/contract/workerProtocol'
import { EditorSession, type EditorSnapshot } from './editorSession'

const TEXT = 'Hello there\nWorld'

/** A session with the tokenizer side attached (no editor: no DOM here), on a fake worker and fake timers. */
function setup(enc?: OpenAiTokenizer) {
  let now = 0
  const timers: { at: number; fn: () => void; id: number }[] = []
  let nextId = 1
  const sent: CoordinatorRequest[] = []
  const paints: (() => void)[] = []
  const worker = { postMessage: (req: CoordinatorRequest) => sent.push(req), terminate: () => undefined } as unknown as Worker
  const flushes: EditorSnapshot[] = []
  const events: string[] = []
  const session = new EditorSession(
    TEXT,
    'o200k_base',
    'text',
    { edited: () => events.push('edited'), tokensShown: () => events.push('tokensShown'), error: (m) => events.push(`error: ${m}`) },
    {
      createWorker: () => worker,
      afterPaint: (fn) => paints.push(fn),
      // The encoder is given by hand below; the loader must not load one by itself.
      loadEncoder: () => new Promise(() => undefined),
      flushSync: (fn) => {
        fn()
        flushes.push(session.getSnapshot())
      },
      timers: {
        now: () => now,
        setTimeout: (fn, ms) => {
          timers.push({ at: now + ms, fn, id: nextId })
          return nextId++
        },
        clearTimeout: (id) => {
          const i = timers.findIndex((t) => t.id === id)
          if (i >= 0) timers.splice(i, 1)
        },
      },
    },
  )
  const published: EditorSnapshot[] = []
  const unsubscribe = session.subscribe(() => published.push(session.getSnapshot()))
  session.attach(null)
  const receive = (msg: CoordinatorResponse) => (worker as unknown as { onmessage: (e: { data: CoordinatorResponse }) => void }).onmessage({ data: msg })
  const advance = (ms: number) => {
    now += ms
    for (const t of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(t), 1)
      t.fn()
    }
  }
  /** The worker's answer to the start: TEXT as one chunk of real o200k tokens, complete. */
  const answerStart = (e: OpenAiTokenizer) => {
    receive({ type: 'splice', version: 0, generation: 1, splice: { from: 0, remove: 0, shift: 0, insert: [{ start: 0, end: TEXT.length, tokens: tokenizeChunk(TEXT, 0, TEXT.length, e, 'text') }] }, last: true })
    receive({ type: 'status', version: 0, generation: 1, encoding: 'o200k_base', mode: 'text', pendingChunks: 0, totalChunks: 1, elapsedMs: 3 })
  }
  if (enc) answerStart(enc)
  return { session, sent, paints, published, flushes, events, receive, advance, unsubscribe, answerStart }
}

describe('EditorSession', () => {
  let enc: OpenAiTokenizer
  beforeAll(async () => {
    enc = await loadOpenAiTokenizer('o200k_base')
  })

  it('starts the worker with the encoding, then the text', () => {
    const t = setup()
    expect(t.sent).toEqual([
      { type: 'configure', encoding: 'o200k_base', mode: 'text' },
      { type: 'reset', version: 0, text: TEXT },
    ])
    expect(t.session.getSnapshot()).toMatchObject({ tokens: null, index: null, work: { kind: 'idle' } })
  })

  it('publishes a new snapshot object for each change and the same object while nothing changes', () => {
    const t = setup()
    const first = t.session.getSnapshot()
    expect(t.session.getSnapshot()).toBe(first)
    t.receive({ type: 'loading', encoding: 'o200k_base' })
    const loading = t.session.getSnapshot()
    expect(loading).not.toBe(first)
    expect(loading.work).toEqual({ kind: 'loading', encoding: 'o200k_base' })
    // The old snapshot was not changed in place.
    expect(first.work).toEqual({ kind: 'idle' })
    t.answerStart(enc)
    const done = t.session.getSnapshot()
    expect(done.tokens).toMatchObject({ version: 0, count: tokenizeChunk(TEXT, 0, TEXT.length, enc, 'text').ids.length, pending: 0, encoding: 'o200k_base' })
    expect(done.index).toBe(t.session.tokens)
    expect(t.published.at(-1)).toBe(done)
    // The same status again shows nothing new: no snapshot, no notification.
    const n = t.published.length
    t.receive({ type: 'status', version: 0, generation: 1, encoding: 'o200k_base', mode: 'text', pendingChunks: 0, totalChunks: 1, elapsedMs: 3 })
    expect(t.session.getSnapshot()).toBe(done)
    expect(t.published.length).toBe(n)
    // Unsubscribed listeners are not called.
    t.unsubscribe()
    t.receive({ type: 'loading', encoding: 'cl100k_base' })
    expect(t.published.length).toBe(n)
  })

  it('says what is on screen at once in the snapshot and the stream, and to the worker once scrolling pauses', () => {
    const t = setup()
    t.session.source.screen(0, 100)
    t.session.source.screen(50, 150)
    expect(t.session.getSnapshot().screen).toEqual({ from: 50, to: 150 })
    const before = t.session.getSnapshot()
    t.session.source.screen(50, 150)
    expect(t.session.getSnapshot()).toBe(before)
    expect(t.sent.filter((r) => r.type === 'viewport')).toEqual([])
    t.advance(30)
    expect(t.sent.filter((r) => r.type === 'viewport')).toEqual([{ type: 'viewport', from: 50, to: 150 }])
  })

  it('sends an edit the stream cannot tokenize here to the worker and waits for its tokens', () => {
    const t = setup(enc)
    const tokens = t.session.source.edit(1, [[5, 5, ', dear']], Text.of(TEXT.split('\n')), () => true)
    expect(tokens).toBeNull()
    expect(t.sent.at(-1)).toEqual({ type: 'edit', version: 1, edits: [[5, 5, ', dear']] })
    expect(t.events).toContain('edited')
  })

  it('tokenizes a small edit here and publishes its snapshot synchronously once the editor drew it', () => {
    const t = setup(enc)
    t.session.streamRef.current!.setLocalEncoder(enc)
    const before = t.session.getSnapshot()
    const tokens = t.session.source.edit(1, [[5, 5, ', dear']], Text.of(TEXT.split('\n')), () => true)
    const after = 'Hello, dear there\nWorld'
    expect(tokens?.count).toBe(tokenizeChunk(after, 0, after.length, enc, 'text').ids.length)
    // Held until the editor has drawn the tokens, so count and colours land together.
    expect(t.session.getSnapshot()).toBe(before)
    expect(t.sent.at(-1)).toEqual({ type: 'edit', version: 1, edits: [[5, 5, ', dear']] })
    t.session.source.drawn()
    expect(t.flushes).toHaveLength(1)
    expect(t.flushes[0]).toBe(t.session.getSnapshot())
    expect(t.session.getSnapshot().tokens).toMatchObject({ version: 1, local: true, count: tokens!.count, pending: 0 })
    expect(t.events.slice(-2)).toEqual(['edited', 'tokensShown'])
    // Drawn again with nothing new: nothing is flushed.
    t.session.source.drawn()
    expect(t.flushes).toHaveLength(1)
  })

  it('publishes a paste tokenized here (on screen only, the rest pending) after the paint, not in the frame of its colours', () => {
    const t = setup(enc)
    t.session.streamRef.current!.setLocalEncoder(enc)
    const pasted = 'Paste me. '.repeat(6_000)
    const before = t.session.getSnapshot()
    // Only the first chunk is on screen: the rest is left to the worker.
    const tokens = t.session.source.edit(1, [[0, 0, pasted]], Text.of(TEXT.split('\n')), (start) => start === 0)
    expect(tokens?.pending).toBeGreaterThan(0)
    t.session.source.drawn()
    expect(t.flushes).toHaveLength(0)
    // (The work state may already say "working"; the tokens shown to the panels are the old ones.)
    expect(t.session.getSnapshot().tokens).toBe(before.tokens)
    // The edit's copy to the worker and the snapshot both wait for the paint.
    expect(t.paints.length).toBeGreaterThan(0)
    for (const paint of t.paints.splice(0)) paint()
    expect(t.session.getSnapshot().tokens).toMatchObject({ version: 1, local: true, pending: tokens!.pending })
    expect(t.sent.at(-1)).toMatchObject({ type: 'edit', version: 1 })
  })

  it('a big paste the worker tokenizes: the worker is told the screen the paste will show before the edit', () => {
    const t = setup(enc)
    const pasted = 'Paste me. '.repeat(6_000)
    const sent = t.sent.length
    // No encoder on this thread yet: the worker has it all; the caret (and so the screen) ends at the paste's end.
    expect(t.session.source.edit(1, [[0, 0, pasted]], Text.of(TEXT.split('\n')), () => false, { from: pasted.length - 1_000, to: pasted.length + 1 })).toBeNull()
    expect(t.sent.slice(sent)).toMatchObject([
      { type: 'viewport', from: pasted.length - 1_000, to: pasted.length + 1 },
      { type: 'edit', version: 1 },
    ])
    // A keystroke does not move the worker's screen.
    const before = t.sent.length
    t.session.source.edit(2, [[0, 0, 'x']], Text.of(('x' + pasted + TEXT).split('\n')), () => true, { from: 0, to: 1 })
    expect(t.sent.slice(before).map((m) => m.type)).toEqual(['edit'])
  })

  it('drops a held paste snapshot when a newer one was published before the paint', () => {
    const t = setup(enc)
    t.session.streamRef.current!.setLocalEncoder(enc)
    t.session.source.edit(1, [[0, 0, 'Paste me. '.repeat(6_000)]], Text.of(TEXT.split('\n')), (start) => start === 0)
    t.session.source.drawn()
    // The worker answers the whole paste before the frame is painted (a status brings a new snapshot).
    t.receive({ type: 'status', version: 1, generation: 1, encoding: 'o200k_base', mode: 'text', pendingChunks: 0, totalChunks: 1, elapsedMs: 60 })
    const newer = t.session.getSnapshot()
    for (const paint of t.paints.splice(0)) paint()
    expect(t.session.getSnapshot()).toBe(newer)
  })

  it('sends a new encoding to the worker only when it changes, and counts the token tables swapped in', () => {
    const t = setup(enc)
    const sent = t.sent.length
    t.session.configure('o200k_base', 'text')
    expect(t.sent.length).toBe(sent)
    t.session.configure('cl100k_base', 'text')
    expect(t.sent.at(-1)).toEqual({ type: 'configure', encoding: 'cl100k_base', mode: 'text' })
    const swaps = t.session.tableSwaps
    const old = t.session.getSnapshot().index
    t.receive({ type: 'splice', version: 0, generation: 2, splice: { from: 0, remove: 0, shift: 0, insert: [{ start: 0, end: TEXT.length, tokens: tokenizeChunk(TEXT, 0, TEXT.length, enc, 'text') }] }, last: true })
    expect(t.session.tableSwaps).toBe(swaps + 1)
    expect(t.session.getSnapshot().index).not.toBe(old)
  })

  it('detaches: stops the worker, forgets its parts, and attaches again with the text', () => {
    const t = setup(enc)
    t.session.detach()
    expect(t.session.client).toBeNull()
    expect(t.session.tokens).toBeNull()
    expect(t.session.source.edit(1, [[0, 0, 'x']], Text.of([TEXT]), () => true)).toBeNull()
    t.session.attach(null)
    expect(t.sent.slice(-2)).toEqual([
      { type: 'configure', encoding: 'o200k_base', mode: 'text' },
      { type: 'reset', version: 0, text: TEXT },
    ])
    expect(t.session.getSnapshot()).toMatchObject({ tokens: null, index: null })
  })
})
