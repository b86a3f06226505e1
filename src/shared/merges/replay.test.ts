// The merge replay (issue 22, part 1) for every bundled tokenizer: the engines' traces checked
// against an independent re-reading of each step (the merge list of the tokenizer.json, or the
// rank table's bytes) and the traces' tokens against the reference implementations.
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { CATALOG, loadTokenizer } from '../tokenizer/catalog'
import type { Tokenizer } from '../tokenizer/tokenizer'
import { isEncodingName } from '../tokenizer/openai/encodings'
import { wellFormed } from '../tokenizer/bpe/bpeEncoder'
import { makeCorpus } from '../testing/corpus'
import { SAMPLES } from '../testing/samples'
import { oracleTokenizerPath, sourceReader } from '../testing/bundledSources'
import { freeOracles, oracleOrdinary } from '../testing/oracle'
import { oracleForTokenizer } from '../testing/tokenizerOracle'
import { byteLabel } from './byteLabel'
import { noMergeMessage, replayPiece, replayTokenAt } from './replay'

afterAll(() => freeOracles())

// Lone surrogates become U+FFFD first: Gemma 3's and DeepSeek V3's engines still differ from the
// references there (docs/exactness.md), which is not the replay's business.
const TEXT = wellFormed(makeCorpus(4000, 7) + Object.values(SAMPLES).join('\n'))
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

/** An independent rank of two adjacent parts, read from the tokenizer's own files or table; undefined when they do not merge. */
function pairRanker(tok: Tokenizer): (left: number, right: number) => number | undefined {
  if (tok.engine === 'hf-fast') {
    const json = JSON.parse(readFileSync(oracleTokenizerPath(tok.id), 'utf8')) as { model: { vocab: Record<string, number>; merges: (string | [string, string])[] } }
    const { vocab, merges } = json.model
    const rank = new Map<string, number>()
    merges.forEach((m, r) => {
      const [a, b] = typeof m === 'string' ? m.split(' ') : m
      rank.set(`${vocab[a]},${vocab[b]}`, r)
    })
    return (l, r) => rank.get(`${l},${r}`)
  }
  // tiktoken's rank table: the rank of the joined bytes, when they are a token.
  const idOfBytes = new Map<string, number>()
  for (let id = 0; id < tok.ordinaryCount; id++) {
    if (tok.isSpecial(id)) continue
    try {
      idOfBytes.set(hex(tok.tokenBytes(id)), id)
    } catch {
      // a hole in the table
    }
  }
  return (l, r) => idOfBytes.get(hex(tok.tokenBytes(l)) + hex(tok.tokenBytes(r)))
}

/**
 * The reference ids of `text`: tiktoken for the OpenAI encodings and Claude; Rust `tokenizers`
 * for one byte-level and one SentencePiece-style file (loading it takes seconds: the other
 * files' engine is held to it by tokenizer/oracle/*.oracle.test.ts, so they compare with it).
 */
async function referenceIds(tok: Tokenizer, text: string): Promise<number[]> {
  const id = tok.id
  if (isEncodingName(id)) return oracleOrdinary(id, text)
  if (!['claude-legacy', 'llama3', 'gemma3'].includes(id)) return tok.encodeOrdinary(text)
  const oracle = oracleForTokenizer(id)
  try {
    return await oracle.encode(text, 'text')
  } finally {
    oracle.free()
  }
}

describe.each(CATALOG.map((e) => e.id))('merge replay: %s', (id) => {
  it('replays every pre-token of a mixed corpus in the engine order, ending in the reference tokens', async () => {
    const tok = await loadTokenizer(id, sourceReader)
    expect(tok.mergeTrace).toBeDefined()
    const rankOf = pairRanker(tok)
    const traces = tok.mergeTrace!(TEXT)
    expect(traces.flatMap((t) => t.ids)).toEqual(await referenceIds(tok, TEXT))
    let steps = 0
    for (const trace of traces) {
      const replay = replayPiece(tok, trace) // throws when the steps do not end in the engine's tokens
      const last = replay.steps.length > 0 ? replay.steps[replay.steps.length - 1].parts : replay.start
      expect(last.map((p) => p.id)).toEqual(trace.ids)
      // (The independent re-reading is quadratic per piece: long pieces, such as the corpus's long lines, are left to the first check.)
      if (trace.kind === 'added' || trace.symbols.length > 64) continue
      // Each step joins the lowest-ranked adjacent pair, the leftmost among equals (re-read independently).
      let parts = trace.symbols.slice()
      for (const s of trace.steps) {
        let best = -1
        let bestRank = Infinity
        for (let i = 0; i + 1 < parts.length; i++) {
          const r = rankOf(parts[i], parts[i + 1])
          if (r !== undefined && r < bestRank) [best, bestRank] = [i, r]
        }
        expect([s.left, s.rank]).toEqual([best, bestRank])
        parts = [...parts.slice(0, s.left), s.id, ...parts.slice(s.left + 2)]
        steps++
      }
      // Nothing is left to merge.
      for (let i = 0; i + 1 < parts.length; i++) expect(rankOf(parts[i], parts[i + 1])).toBeUndefined()
    }
    expect(steps).toBeGreaterThan(1000)
  }, 300_000)
})

describe('hand-checked replays', () => {
  it("builds ' tokenization' in cl100k_base from its 13 bytes to ' token' + 'ization'", async () => {
    const cl = await loadTokenizer('cl100k_base', sourceReader)
    const r = replayTokenAt(cl, 'Explain tokenization.', 9, 4037)
    expect(r.kind).toBe('replay')
    if (r.kind !== 'replay') return
    expect(r.piece).toBe('␣tokenization')
    expect(r.start).toHaveLength(13)
    expect(r.steps[0]).toMatchObject({ rank: 259, left: { label: '␣' }, right: { label: 't' }, made: { id: 259, label: '␣t' } })
    expect(r.steps.map((s) => s.made.label)).toEqual(['␣t', 'on', 'at', 'en', 'ion', '␣to', 'ation', 'iz', 'ization', 'ken', '␣token'])
    expect(r.final.map((p) => [p.id, p.label])).toEqual([
      [4037, '␣token'],
      [2065, 'ization'],
    ])
    expect(r.tokenInPiece).toBe(0)
    // The second token of the same piece has the same replay.
    expect(replayTokenAt(cl, 'Explain tokenization.', 16, 2065)).toMatchObject({ kind: 'replay', tokenInPiece: 1 })
  })

  it('shows the bytes of an emoji split across tokens as hex, never U+FFFD', async () => {
    const cl = await loadTokenizer('cl100k_base', sourceReader)
    const r = replayTokenAt(cl, 'a 🦙', 2)
    expect(r.kind).toBe('replay')
    if (r.kind !== 'replay') return
    expect(r.start.map((p) => p.label)).toEqual(['␣', '<F0>', '<9F>', '<A6>', '<99>'])
    expect(r.final.map((p) => p.label)).toEqual(['␣<F0><9F>', '<A6>', '<99>'])
    expect(JSON.stringify(r)).not.toContain('\ufffd')
  })

  it('starts Gemma 3 from characters and byte fallbacks (SentencePiece style)', async () => {
    const g = await loadTokenizer('gemma3', sourceReader)
    // U+10FFFD is in no vocabulary: four byte-fallback tokens that never merge.
    const r = replayTokenAt(g, 'x\u{10FFFD}', 1)
    expect(r.kind).toBe('replay')
    if (r.kind !== 'replay') return
    expect(r.start.map((p) => p.label)).toEqual(['x', '<F4>', '<8F>', '<BF>', '<BD>'])
    expect(r.final.map((p) => p.label)).toEqual(['x', '<F4>', '<8F>', '<BF>', '<BD>'])
    expect(r.tokenInPiece).toBe(1)
    expect(r.steps).toEqual([])
    // A word starts from its characters, the space as the marker's bytes.
    const w = replayTokenAt(g, 'Explain tokenization', 8)
    if (w.kind !== 'replay') throw new Error('no replay')
    expect(w.start.map((p) => p.label).join('')).toBe('␣tokenization')
    expect(w.final.map((p) => p.label)).toEqual(['␣token', 'ization'])
    expect(w.rankMeaning).toMatch(/merge list/)
  })

  it('explains tokenizers and tokens that do not merge', async () => {
    expect(noMergeMessage({ engine: 'hf-general', modelType: 'WordPiece' })).toMatch(/WordPiece.*does not merge.*longest/)
    expect(noMergeMessage({ engine: 'hf-general', modelType: 'Unigram' })).toMatch(/Unigram.*does not merge.*probab/)
    const cl = await loadTokenizer('cl100k_base', sourceReader)
    expect(replayTokenAt(cl, '<|endoftext|>', 0, 100257)).toMatchObject({ kind: 'message', message: expect.stringMatching(/special token/) })
    expect(replayTokenAt(cl, 'abc', 5)).toEqual({ kind: 'message', message: 'No token there.' })
    expect(replayTokenAt(cl, 'abc', 0, 999)).toMatchObject({ kind: 'message' })
  })

  it('labels bytes: whole characters as text, other bytes as hex', () => {
    expect(byteLabel(new TextEncoder().encode(' a\n\té'))).toBe('␣a↵→é')
    expect(byteLabel(Uint8Array.of(0xe2, 0x82))).toBe('<E2><82>')
    expect(byteLabel(Uint8Array.of(0x41, 0xed, 0xa0, 0x80))).toBe('A<ED><A0><80>')
  })
})
