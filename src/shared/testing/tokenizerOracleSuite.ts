// Test-only: the oracle suite every bundled tokenizer runs (one test file each, so vitest
// spreads them over workers): ids equal the reference implementation on a mixed corpus and
// on seeded random Unicode, in both special-token modes; spans tile the original text; and
// encoding at the tokenizer's safe chunk cuts equals encoding the whole.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hfAsset, loadTokenizer, readJsonAsset } from '../tokenizer/catalog'
import { renderChat, type ChatTemplateConfig } from '../tokenizer/chatTemplate'
import type { SpecialMode } from '../tokenizer/specialTokens'
import type { Tokenizer } from '../tokenizer/tokenizer'
import { makeCorpus } from './corpus'
import { SAMPLES } from './samples'
import { sourceReader } from './bundledSources'
import { oracleForTokenizer, type Oracle } from './tokenizerOracle'

/** Texts beyond the corpus: what normalizers and pre-tokenizers treat specially. */
const EDGE_TEXTS = [
  'café naïve e\u0301 A\u030a ﬁne ㎏ ½ ① Ｈｅｌｌｏ ｶﾀｶﾅ',
  '   \t\t\n\n\n\n   \r\n\r\n x  \u00a0 \u3000 \u2028 \u0085 \ufeff y',
  "I'M HERE, you're there; they'LL see. DON'T",
  '12345678901234567890 3.14159 1,000,000 ٣٤٥ ๑๒๓',
  'مرحبا بالعالم — שלום עולם (mixed) ‏ ‎',
  '\u2581 ▁▁x ▁ <0x0A> <unk> </s> <b> </b> a> </x >▁</ >  </',
  'x'.repeat(3000) + ' ' + ' '.repeat(2000) + '\n'.repeat(70) + '!'.repeat(1500),
  // Code without spaces: Gemma's splitter cuts between ASCII pairs no token holds.
  '{"a":[1,2,{"b":null}],"c":"d\\"e"};f(g),h[i]=j&&k||l;m=>n?.o??p;/*q*/`${r}`;s+=t<<2>>>1;',
  '<div class="x"><a href=\'#\'>y</a></div>\n\tif(!u){v--;}else{w++;}//',
]

/** Code points from every plane plus ASCII words, spaces and newlines: the random texts. */
const randomText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.constantFrom(' ', '  ', '\n', '> </', '>', '</', '\n\n', '\t', 'the', 'Hello', "'s", '日本', '👩🏽‍💻', '123', '.', ', ', 'é', 'e\u0301'),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''))

/** True when `starts` tiles [0, length]: starts at 0, never goes back, ends at length. */
function tiles(starts: Uint32Array, length: number): boolean {
  if (starts[0] !== 0 && length > 0) return false
  for (let i = 1; i < starts.length; i++) if (starts[i] < starts[i - 1]) return false
  return starts[starts.length - 1] === length
}

/** Ids of `text` encoded in parts at every safe cut the tokenizer's rule allows. */
function encodeAtCuts(tok: Tokenizer, text: string, mode: SpecialMode): { ids: number[]; cuts: number } {
  const rule = tok.chunkCuts!
  const ids: number[] = []
  let from = 0
  let cuts = 0
  for (let i = 1; i < text.length; i++) {
    if (rule.isSafeCut(text, i) || rule.isSafeWordCut?.(text, i)) {
      ids.push(...tok.tokenize(text.slice(from, i), mode).ids)
      from = i
      cuts++
    }
  }
  ids.push(...tok.tokenize(text.slice(from), mode).ids)
  return { ids, cuts }
}

/** Registers the oracle suite for catalog id `id` (`runs`: random cases per property). */
export function tokenizerOracleSuite(id: string, runs = 40): void {
  describe(`${id} against its reference implementation`, () => {
    let tok: Tokenizer
    let oracle: Oracle
    beforeAll(async () => {
      tok = await loadTokenizer(id, sourceReader)
      oracle = oracleForTokenizer(id)
    }, 120_000)
    afterAll(() => oracle?.free())

    const corpus = () => [makeCorpus(20_000, 7), ...Object.values(SAMPLES).filter((s) => !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))), ...EDGE_TEXTS]

    it.each(['text', 'special'] as const)('corpus, mode %s: ids equal, spans tile', async (mode) => {
      const specials = [...tok.specialTokens.keys()]
      const picks = [specials[0], specials[1], specials[specials.length - 1]].filter(Boolean)
      let cases = 0
      for (const base of corpus()) {
        const text = mode === 'special' ? `${picks[0]}${base.slice(0, 500)}${picks[1]} ${base.slice(500)}${picks[2]}` : base
        const ours = tok.tokenize(text, mode)
        expect(Array.from(ours.ids), text.slice(0, 60)).toEqual(await oracle.encode(text, mode))
        expect(tiles(ours.starts, text.length)).toBe(true)
        expect(tok.encodeOrdinary(text)).toEqual(Array.from(tok.tokenize(text, 'text').ids))
        cases++
      }
      expect(cases).toBeGreaterThan(20)
    }, 60_000)

    it('token bytes: concatenated, they are the (normalized) text', () => {
      const text = corpus().join('\n')
      const { ids } = tok.tokenize(text, 'text')
      const bytes = Buffer.concat(Array.from(ids, (i) => tok.tokenBytes(i)))
      if (tok.byteExact) expect(bytes.toString('utf8')).toBe(text)
      else expect(bytes.length).toBeGreaterThan(0)
      for (const i of ids.slice(0, 2000)) expect(tok.byteLength(i)).toBe(tok.tokenBytes(i).length)
    })

    it('seeded random Unicode: ids equal in both modes, spans tile', async () => {
      await fc.assert(
        fc.asyncProperty(randomText, async (text) => {
          for (const mode of ['text', 'special'] as const) {
            const ours = tok.tokenize(text, mode)
            expect(Array.from(ours.ids)).toEqual(await oracle.encode(text, mode))
            expect(tiles(ours.starts, text.length)).toBe(true)
          }
        }),
        { seed: 1414, numRuns: runs },
      )
    }, 60_000)

    it('a chat rendered with the template tokenizes as the reference does (or there is no template)', async () => {
      if (id === 'claude-legacy') return
      const config = (await readJsonAsset(sourceReader, hfAsset(id, 'tokenizer_config'))) as ChatTemplateConfig
      const r = renderChat(config, [{ role: 'user', content: 'Hi, what is 2+2?' }, { role: 'assistant', content: '4.' }, { role: 'user', content: 'Thanks!' }], true)
      if (!r.ok) throw new Error(r.reason)
      expect(Array.from(tok.tokenize(r.text, 'special').ids)).toEqual(await oracle.encode(r.text, 'special'))
    })

    it('encoding at every safe chunk cut equals encoding the whole (or the tokenizer has no cut rule)', () => {
      if (tok.chunkCuts === null) return
      let total = 0
      fc.assert(
        fc.property(fc.array(randomText, { maxLength: 6 }), (parts) => {
          const text = parts.join('\nA') + '\nWord.next'
          const { ids, cuts } = encodeAtCuts(tok, text, 'text')
          total += cuts
          expect(ids).toEqual(Array.from(tok.tokenize(text, 'text').ids))
        }),
        { seed: 1415, numRuns: runs * 3 },
      )
      const corpusText = makeCorpus(30_000, 9)
      const { ids, cuts } = encodeAtCuts(tok, corpusText, 'special')
      expect(cuts).toBeGreaterThan(20)
      expect(ids).toEqual(Array.from(tok.tokenize(corpusText, 'special').ids))
      expect(total).toBeGreaterThan(0)
    }, 60_000)
  })
}
