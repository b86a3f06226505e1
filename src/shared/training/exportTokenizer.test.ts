import { Tokenizer as RustTokenizer } from 'tokenizers'
import { describe, expect, it } from 'vitest'
import { makeCorpus } from '../testing/corpus'
import { wellFormed } from '../tokenizer/bpe/bpeEncoder'
import { tokenizerFromJson } from '../tokenizer/hf/hfGeneralTokenizer'
import { checkUserTokenizer } from '../tokenizer/userTokenizer'
import { byteLevelString, trainedTokenizerJson, trainedTokenizerText } from './exportTokenizer'
import { SPLIT_PATTERNS } from './preTokens'
import { trainBpe } from './train'

// Text the tokenizers are checked on: the training text's kind and text it never saw.
const training = makeCorpus(40_000, 11)
const unseen = [
  makeCorpus(8000, 99),
  "Don't stop: it's 12345 o'clock, ÉCOLE été HTTPServer\r\n\r\n  \t tabs\u00a0nbsp",
  'emoji 🦙👩🏽‍💻 CJK 日本語のテキスト 한국어, Ελληνικά, עברית, العربية',
  '{"key": [1, 2.5e10, null], "x": "y\\n"}\n\n\n    def f(x):\n        return x ** 2\n',
  'lone \ud800 surrogate and \u0301 a mark',
]

describe('trained tokenizer.json', () => {
  it.each(SPLIT_PATTERNS)('%s: Rust tokenizers loads it and gives the ids of our own engine', async (pattern) => {
    const model = trainBpe([training], pattern, 1500)
    const text = trainedTokenizerText(model)
    const rust = RustTokenizer.fromString(text)
    const ours = tokenizerFromJson(JSON.parse(text), {}, { id: 'trained', displayName: 'Trained' })
    expect(ours.engine).toBe('hf-fast')
    expect(ours.ordinaryCount).toBe(model.trainer.vocabSize)
    for (const sample of [training.slice(0, 20_000), ...unseen]) {
      // The Rust library receives the text with lone surrogates replaced (napi strings are UTF-8).
      const expected = (await rust.encode(wellFormed(sample), null, { addSpecialTokens: false })).getIds()
      const ids = ours.encodeOrdinary(sample)
      expect(ids).toEqual(expected)
      // Round trip: the ids' bytes are the text's bytes.
      const bytes = new Uint8Array(ids.flatMap((id) => Array.from(ours.tokenBytes(id))))
      expect(new TextDecoder().decode(bytes)).toBe(wellFormed(sample))
      expect(await rust.decode(expected, false)).toBe(wellFormed(sample))
    }
  })

  it('holds 256 byte tokens in GPT-2\'s alphabet and one token per merge', () => {
    const model = trainBpe(['hello hello hello world'], 'gpt2', 5)
    const json = trainedTokenizerJson(model) as { model: { vocab: Record<string, number>; merges: [string, string][] } }
    expect(json.model.vocab['Ġ']).toBe(32)
    expect(json.model.vocab['h']).toBe(104)
    // he, el, ll, lo all occur 3 times: e (101) is the smallest left id.
    expect(json.model.merges[0]).toEqual(['e', 'l'])
    expect(Object.keys(json.model.vocab)).toHaveLength(256 + 5)
    expect(byteLevelString(' \n\xff')).toBe('ĠĊÿ')
  })

  it('passes the check a tokenizer.json opened from disk gets', () => {
    const model = trainBpe([training], 'cl100k', 300)
    const check = checkUserTokenizer({ tokenizer: new TextEncoder().encode(trainedTokenizerText(model)), sourceName: 'Trained on sample', config: null, fileName: 'tokenizer.json' })
    expect(check.ok).toBe(true)
    if (check.ok) expect(check.tokenizer.chunkCuts).not.toBeNull()
  })
})
