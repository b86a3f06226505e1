// Unreachable tokens (issue 22, part 4) against tiktoken: for cl100k_base every token's bytes
// decoded and re-encoded by tiktoken itself is the oracle.
import { afterAll, describe, expect, it } from 'vitest'
import { loadEncoding } from '../tokenizer/openai/encodingLoader'
import { openAiTokenizer } from '../tokenizer/openai/openaiTokenizer'
import { runToEnd } from '../tokenizer/steps'
import { freeOracles, oracleFor } from '../testing/oracle'
import { UNREACHABLE_SLICE, unreachableSteps } from './unreachable'

afterAll(() => freeOracles())

describe('unreachableSteps', () => {
  it('finds in cl100k_base exactly the tokens whose text tiktoken encodes otherwise', async () => {
    const tok = openAiTokenizer(await loadEncoding('cl100k_base'))
    const progress: number[] = []
    const steps = unreachableSteps(tok, (done) => progress.push(done))
    const result = runToEnd(steps)
    const oracle = oracleFor('cl100k_base')
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
    const want: number[] = []
    let whole = 0
    for (let id = 0; id < tok.ordinaryCount; id++) {
      let bytes: Uint8Array
      try {
        bytes = oracle.decode_single_token_bytes(id)
      } catch {
        continue
      }
      let text: string
      try {
        text = strict.decode(bytes)
      } catch {
        continue
      }
      whole++
      const ids = oracle.encode_ordinary(text)
      if (ids.length !== 1 || ids[0] !== id) want.push(id)
    }
    expect(result.unreachable.map((t) => t.id)).toEqual(want)
    expect(result.checked).toBe(whole)
    // (cl100k_base has none: tiktoken takes any piece that is a token whole, and its merges never span pre-tokens.)
    expect(whole).toBeGreaterThan(99_000)
    // What each encodes to is tiktoken's answer too.
    for (const t of result.unreachable.slice(0, 50)) expect(t.encodesAs).toEqual(Array.from(oracle.encode_ordinary(strict.decode(oracle.decode_single_token_bytes(t.id)))))
    // Progress rises to the total, a report every slice.
    expect(progress.at(-1)).toBe(tok.ordinaryCount)
    expect(progress.length).toBeGreaterThanOrEqual(Math.floor(tok.ordinaryCount / UNREACHABLE_SLICE))
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true)
  }, 300_000)

  it('stops when its caller stops asking (cancellation between slices)', async () => {
    const tok = openAiTokenizer(await loadEncoding('cl100k_base'))
    const steps = unreachableSteps(tok)
    steps.next()
    steps.next()
    expect(steps.return(undefined as never).done).toBe(true)
  })
})
