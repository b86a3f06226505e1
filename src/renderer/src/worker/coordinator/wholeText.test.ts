// A tokenizer without a safe chunk cut (a tokenizer.json whose steps prove none) tokenizes the
// text as one piece. The coordinator hands that piece to a helper and never takes it back onto
// its own thread (it would stop reading edits until done); edits made meanwhile drop the stale
// run, so only the newest text is tokenized; and the status says a long text is one piece.
import { afterAll, describe, expect, it } from 'vitest'
import type { CoordinatorResponse } from '@shared/contract/workerProtocol'
import { freeOracles, oracleOrdinary } from '@shared/testing/oracle'
import { loadOpenAiTokenizer } from '@shared/tokenizer/openai/openaiTokenizer'
import type { Tokenizer } from '@shared/tokenizer/tokenizer'
import { harness } from './coordinatorHarness'
import { BIG_CHUNK_CHARS, wholeTextNoticeChars } from './limits'
import { seededText } from './seededText'

afterAll(() => freeOracles())

type Status = Extract<CoordinatorResponse, { type: 'status' }>
const statuses = (messages: CoordinatorResponse[]) => messages.filter((m): m is Status => m.type === 'status')

/** o200k_base without a cut rule, recording the length of every text this thread tokenizes. */
async function wholeTextTokenizer(): Promise<{ tok: Tokenizer; lengths: number[] }> {
  const base = await loadOpenAiTokenizer('o200k_base')
  const lengths: number[] = []
  const tok: Tokenizer = {
    ...base,
    engine: 'hf-general', // announced from WHOLE_TEXT_NOTICE_CHARS on
    chunkCuts: null,
    encodeOrdinary: (text) => base.encodeOrdinary(text),
    tokenize(text, mode) {
      lengths.push(text.length)
      return base.tokenize(text, mode)
    },
  }
  return { tok, lengths }
}

describe('a text without safe cuts', () => {
  it('goes to a helper whole; the coordinator never takes it back; the status names its length', async () => {
    const { tok, lengths } = await wholeTextTokenizer()
    const t = harness({ helpers: 1, auto: false, loadTokenizer: async () => tok })
    const text = seededText(11, wholeTextNoticeChars('hf-general') + 10_000)
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    t.send({ type: 'reset', version: 1, text })
    await t.until(() => t.live().some((h) => h.held.length > 0) && !t.coordinator.looping)
    expect(t.coordinator.model.chunks).toHaveLength(1)
    // The coordinator had nothing else to do, yet left the huge piece with the helper.
    expect(lengths.filter((n) => n > BIG_CHUNK_CHARS)).toEqual([])
    expect(statuses(t.ui.messages).at(-1)).toMatchObject({ pendingChunks: 1, wholeTextChars: text.length })
    await t.settle()
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', text))
    expect(statuses(t.ui.messages).at(-1)).toMatchObject({ pendingChunks: 0 })
    expect(statuses(t.ui.messages).at(-1)?.wholeTextChars).toBeUndefined()
  }, 60_000)

  it('edits during a run are answered at once; the stale run is dropped and only the newest text is tokenized', async () => {
    const { tok, lengths } = await wholeTextTokenizer()
    const t = harness({ helpers: 1, auto: false, loadTokenizer: async () => tok })
    let text = seededText(12, 200_000)
    t.send({ type: 'configure', encoding: 'o200k_base', mode: 'text' })
    t.send({ type: 'reset', version: 1, text })
    await t.until(() => t.live().some((h) => h.held.length > 0) && !t.coordinator.looping)
    const firstHelper = t.live()[0]
    for (let v = 2; v <= 6; v++) {
      const before = t.ui.messages.length
      const at = 1000 * v
      t.send({ type: 'edit', version: v, edits: [[at, at, `edit ${v} `]] })
      text = text.slice(0, at) + `edit ${v} ` + text.slice(at)
      // Each keystroke gets its splice at once (the coordinator is not busy with the old text).
      expect(t.ui.messages.slice(before).some((m) => m.type === 'splice' && m.version === v)).toBe(true)
      await t.until(() => !t.coordinator.looping)
    }
    // The helper that held a stale text was ended, not waited for; the one working holds the newest text.
    expect(firstHelper.terminated).toBe(true)
    const working = t.live().filter((h) => h.held.length > 0)
    expect(working).toHaveLength(1)
    expect(working[0].held.flatMap((r) => r.pieces.map((p) => p.text))).toEqual([text])
    expect(lengths.filter((n) => n > BIG_CHUNK_CHARS)).toEqual([])
    await t.settle()
    expect(t.ui.ids()).toEqual(oracleOrdinary('o200k_base', text))
    // Below wholeTextNoticeChars the status does not announce it.
    expect(statuses(t.ui.messages).every((s) => s.wholeTextChars === undefined)).toBe(true)
  }, 60_000)
})
