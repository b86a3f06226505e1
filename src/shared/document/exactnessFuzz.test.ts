// The differential fuzz (issue 25): every bundled tokenizer, in both special-token modes, gives
// its reference's ids (tiktoken for OpenAI's encodings and Claude's legacy file, Hugging Face's
// Rust `tokenizers` for the others) on seeded random texts over every plane and the classes
// that once differed; chunked tokenizing equals whole-text tokenizing, and so does a document
// after random edits. `npm test` runs a short pass; `FUZZ_TEXTS=200000 npm run fuzz` a long
// one (FUZZ_TOKENIZERS=id,id to pick tokenizers). A failure reports the shortest text that
// still differs (fast-check shrinks it) with both id lists.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATALOG, loadTokenizer } from '../tokenizer/catalog'
import { ENCODING_NAMES, type EncodingName } from '../tokenizer/openai/encodings'
import type { SpecialMode } from '../tokenizer/specialTokens'
import type { Tokenizer } from '../tokenizer/tokenizer'
import { sourceReader } from '../testing/bundledSources'
import { fuzzCount, fuzzText, fuzzUnit, longFuzz } from '../testing/fuzzTexts'
import { freeOracles, oracleOrdinary, oracleWithSpecial } from '../testing/oracle'
import { oracleForTokenizer, type Oracle, type OracleEncode } from '../testing/tokenizerOracle'
import { retokenizeEditedChunk } from './chunkRetokenize'
import { tokenizeAll, tokenizeChunk } from './tokenize'

const TEXTS = fuzzCount(60)
const TIMEOUT = longFuzz() ? 24 * 3600_000 : 120_000
const picked = process.env.FUZZ_TOKENIZERS?.split(',')
const IDS = CATALOG.map((e) => e.id).filter((id) => !picked || picked.includes(id))

/** Counts per tokenizer and check, printed at the end. */
const tally: string[] = []
afterAll(() => {
  freeOracles()
  console.log(`differential fuzz, ${TEXTS} texts per tokenizer and mode:\n${tally.join('\n')}`)
})

/** The reference for `id`: tiktoken for OpenAI's encodings, else the catalog's oracle. */
function referenceFor(id: string): Oracle {
  if ((ENCODING_NAMES as readonly string[]).includes(id)) {
    const name = id as EncodingName
    const encode: OracleEncode = (text, mode) => Promise.resolve(mode === 'special' ? oracleWithSpecial(name, text) : oracleOrdinary(name, text))
    return { encode, free: () => undefined }
  }
  return oracleForTokenizer(id)
}

/** True when `starts` tiles [0, length]. */
function tiles(starts: Uint32Array, length: number): boolean {
  if (starts[0] !== 0 && length > 0) return false
  for (let i = 1; i < starts.length; i++) if (starts[i] < starts[i - 1]) return false
  return starts[starts.length - 1] === length
}

/** Ids of `text` tokenized in pieces at every cut the tokenizer's rule allows. */
function idsAtCuts(tok: Tokenizer, text: string, mode: SpecialMode): number[] {
  const rule = tok.chunkCuts!
  const ids: number[] = []
  let from = 0
  for (let i = 1; i < text.length; i++) {
    if (rule.isSafeCut(text, i) || rule.isSafeWordCut?.(text, i)) {
      ids.push(...tok.tokenize(text.slice(from, i), mode).ids)
      from = i
    }
  }
  ids.push(...tok.tokenize(text.slice(from), mode).ids)
  return ids
}

/** A failure's message: the text (as a JavaScript string) and both id lists. */
const report = (what: string, text: string, ours: readonly number[], theirs: readonly number[]) =>
  `${what} differ for ${JSON.stringify(text)}\n  here:      [${ours.join(', ')}]\n  reference: [${theirs.join(', ')}]`

for (const id of IDS) {
  // Seeds by catalog position, so a tokenizer fuzzed alone (FUZZ_TOKENIZERS) gets the texts it gets among all.
  const k = CATALOG.findIndex((e) => e.id === id)
  describe(`fuzz ${id}`, () => {
    let tok: Tokenizer
    let oracle: Oracle
    let specials: string[] = []
    beforeAll(async () => {
      tok = await loadTokenizer(id, sourceReader)
      oracle = referenceFor(id)
      const names = [...tok.specialTokens.keys()]
      specials = [...names.slice(0, 20), ...names.slice(-20)]
    }, 180_000)
    afterAll(() => oracle?.free())

    for (const mode of ['text', 'special'] as const) {
      it(`mode ${mode}: ids equal the reference's, spans tile the original`, async () => {
        let n = 0
        await fc.assert(
          fc.asyncProperty(fuzzText(specials), async (text) => {
            const ours = tok.tokenize(text, mode)
            const theirs = await oracle.encode(text, mode)
            if (Array.from(ours.ids).join() !== theirs.join()) throw new Error(report('ids', text, Array.from(ours.ids), theirs))
            if (!tiles(ours.starts, text.length)) throw new Error(`spans do not tile ${JSON.stringify(text)}`)
            n++
          }),
          { seed: 2500 + k * 2 + (mode === 'special' ? 1 : 0), numRuns: TEXTS },
        )
        tally.push(`${id} ${mode}: ${n} texts equal the reference`)
      }, TIMEOUT)
    }

    it('chunked tokenizing equals whole-text tokenizing (every safe cut; the document path)', () => {
      let n = 0
      const runs = Math.max(20, Math.floor(TEXTS / 10))
      fc.assert(
        fc.property(fc.array(fuzzText(specials), { maxLength: 6 }), fc.constantFrom<SpecialMode>('text', 'special'), (parts, mode) => {
          const text = parts.join('\nA') + '\nWord.next'
          const whole = Array.from(tok.tokenize(text, mode).ids)
          if (tok.chunkCuts) {
            const cut = idsAtCuts(tok, text, mode)
            if (cut.join() !== whole.join()) throw new Error(report('cut and whole ids', text, cut, whole))
          }
          const doc = Array.from(tokenizeAll(text, tok, mode).table.ids)
          if (doc.join() !== whole.join()) throw new Error(report('document and whole ids', text, doc, whole))
          n++
        }),
        { seed: 3500 + k, numRuns: runs },
      )
      tally.push(`${id}: ${n} chunked texts equal whole`)
    }, TIMEOUT)

    it('a chunk after random edits equals the edited text tokenized whole', () => {
      const runs = Math.max(5, Math.floor(TEXTS / 40))
      let edits = 0
      const edit = fc.record({ from: fc.nat(), length: fc.oneof(fc.constant(0), fc.nat({ max: 40 })), insert: fc.oneof(fc.constant(''), fuzzUnit(specials), fuzzText(specials)) })
      fc.assert(
        fc.property(fuzzText(specials), fc.array(edit, { minLength: 1, maxLength: 20 }), fc.constantFrom<SpecialMode>('text', 'special'), (start, list, mode) => {
          let text = start
          let old = tokenizeChunk(text, 0, text.length, tok, mode)
          for (const e of list) {
            const from = e.from % (text.length + 1)
            const to = Math.min(text.length, from + e.length)
            const next = text.slice(0, from) + e.insert + text.slice(to)
            const got = retokenizeEditedChunk(old, text, next, from, to, e.insert.length, tok, mode)
            const want = tokenizeChunk(next, 0, next.length, tok, mode)
            expect(Array.from(got.ids), `${JSON.stringify(text)}: [${from}, ${to}) -> ${JSON.stringify(e.insert)}`).toEqual(Array.from(want.ids))
            expect(Array.from(got.starts)).toEqual(Array.from(want.starts))
            text = next
            old = got
            edits++
          }
        }),
        { seed: 4500 + k, numRuns: runs },
      )
      tally.push(`${id}: ${edits} random edits equal whole`)
    }, TIMEOUT)
  })
}

describe.skipIf(picked !== undefined)('lone surrogates', () => {
  it("become U+FFFD as the references see them, with spans on the original's characters", async () => {
    const deepseek = await loadTokenizer('deepseek-v3', sourceReader)
    const gemma = await loadTokenizer('gemma3', sourceReader)
    const cases: [Tokenizer, string, number[], number[]][] = [
      // " \uDD6A" is one token (" \uFFFD"), "\uD966\n" another ("\uFFFD\n").
      [deepseek, ' \udd6a', [21828], [0, 2]],
      [deepseek, '\ud966\n', [40361], [0, 2]],
      // Gemma's U+FFFD token, not three byte-fallback tokens.
      [gemma, '\ud8d8', [238479], [0, 1]],
    ]
    for (const [tok, text, ids, starts] of cases) {
      const t = tok.tokenize(text, 'text')
      expect(Array.from(t.ids), JSON.stringify(text)).toEqual(ids)
      expect(Array.from(t.starts)).toEqual(starts)
      expect(tok.encodeOrdinary(text)).toEqual(ids)
    }
    // Around a surrogate pair and a lone one, each token starts where its characters do.
    const text = 'a😀\ud800b'
    const t = gemma.tokenize(text, 'text')
    const pieces = Array.from(t.ids, (_, i) => text.slice(t.starts[i], t.starts[i + 1]))
    expect(pieces.join('')).toBe(text)
    expect(pieces.some((p) => p.includes('\ud800') && !p.includes('😀'))).toBe(true)
  }, 180_000)
})
