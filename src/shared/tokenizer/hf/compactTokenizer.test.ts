// The compact form of every bundled Hugging Face tokenizer gives the page's copy (built in
// slices) the same tables as the workers' (built from the JSON), hence the same tokens; both
// equal the reference implementation's ids on a mixed corpus and random Unicode.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalogEntry, hfAsset, hfCompactAsset, HF_BUNDLES, loadTokenizer, readJsonAsset } from '../catalog'
import { runInSlices } from '../steps'
import type { Tokenizer } from '../tokenizer'
import { makeCorpus } from '../../testing/corpus'
import { sourceReader } from '../../testing/bundledSources'
import { oracleForTokenizer, type Oracle } from '../../testing/tokenizerOracle'
import { readCompactTokenizer, resolveMerges, writeCompactTokenizer } from './compactTokenizer'

type Json = Record<string, unknown>

const TEXTS = [
  makeCorpus(12_000, 11),
  'café naïve e\u0301 ﬁne ㎏ Ｈｅｌｌｏ\n\n\n   \t x  \u00a0 \u3000 y',
  "I'M HERE, you're there; DON'T 12345678901234567890 مرحبا שלום 日本語 👩🏽‍💻🦙",
  '\u2581 ▁▁x ▁ <0x0A> a> </x >▁</ >  </ ' + 'x'.repeat(600),
]

describe.each(HF_BUNDLES.map((b) => b.id))('%s: compact form', (id) => {
  let json: Json
  let fromJson: Tokenizer
  let fromCompact: Tokenizer
  let oracle: Oracle
  let slices = 0
  beforeAll(async () => {
    // A bundle that shares another's vocabulary (Llama 3.1) has that one's file and compact form.
    const shared = HF_BUNDLES.find((b) => b.id === id)!.sharesTokenizerOf ?? id
    json = (await readJsonAsset(sourceReader, hfAsset(shared, 'tokenizer'))) as Json
    fromJson = await loadTokenizer(id, sourceReader)
    const entry = catalogEntry(id)!
    const bytes = await sourceReader(entry.pageFile!)
    const extra = entry.pageExtra ? await sourceReader(entry.pageExtra) : undefined
    // As the page does: in slices of 1 ms, with a real pause between two.
    fromCompact = await runInSlices(entry.pageSteps!(bytes, extra), () => new Promise((r) => setTimeout(() => (slices++, r()), 0)), 1)
    oracle = oracleForTokenizer(id)
  }, 180_000)
  afterAll(() => oracle?.free())

  it('holds the JSON vocabulary entries in order and the merges as resolved ids', () => {
    const tables = readCompactTokenizer(writeCompactTokenizer(json))
    const model = json.model as Json
    const vocab = model.vocab as Record<string, number>
    const keys = Object.keys(vocab)
    expect(tables.count).toBe(keys.length)
    for (let i = 0; i < keys.length; i++) {
      if (tables.tokenAt(i) !== keys[i] || tables.ids[i] !== vocab[keys[i]]) expect([i, tables.tokenAt(i), tables.ids[i]]).toEqual([i, keys[i], vocab[keys[i]]])
    }
    const idOf = new Map(keys.map((k) => [k, vocab[k]]))
    const merges = resolveMerges(model.merges as string[], idOf) as Int32Array
    expect(tables.merges.length).toBe(merges.length)
    expect(tables.merges.findIndex((v, i) => v !== merges[i])).toBe(-1)
    expect(tables.json.added_tokens).toEqual(json.added_tokens)
    expect(tables.json.pre_tokenizer).toEqual(json.pre_tokenizer)
    expect(tables.json.normalizer).toEqual(json.normalizer)
  })

  it('was built in many slices', () => {
    expect(slices).toBeGreaterThan(10)
  })

  it.each(['text', 'special'] as const)('gives the JSON tokenizer’s tokens and the oracle’s ids, mode %s', async (mode) => {
    const specials = [...fromJson.specialTokens.keys()]
    for (const base of TEXTS) {
      const text = mode === 'special' ? `${specials[0]}${base}${specials[specials.length - 1]}` : base
      const a = fromCompact.tokenize(text, mode)
      const b = fromJson.tokenize(text, mode)
      expect(a.ids).toEqual(b.ids)
      expect(a.starts).toEqual(b.starts)
      expect(a.flags).toEqual(b.flags)
      expect([...a.ids]).toEqual(await oracle.encode(text, mode))
    }
    expect(fromCompact.ordinaryCount).toBe(fromJson.ordinaryCount)
    expect(fromCompact.chunkCuts?.isSafeCut('a\nb', 2)).toBe(fromJson.chunkCuts?.isSafeCut('a\nb', 2))
  })

  it('equals the oracle on random Unicode', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (text) => {
        expect([...fromCompact.tokenize(text, 'text').ids]).toEqual(await oracle.encode(text, 'text'))
      }),
      { numRuns: 60, seed: 14 },
    )
  })
})

describe('compact tokenizer files', () => {
  const tiny: Json = {
    added_tokens: [{ id: 5, content: '<s>', special: true }],
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
    model: { type: 'BPE', vocab: { a: 0, b: 1, ab: 2, '9': 3, é: 4 }, merges: ['a b'] },
  }

  it('round-trips a small file, numeric-looking tokens in the JSON’s own order', () => {
    const t = readCompactTokenizer(writeCompactTokenizer(tiny))
    expect(Array.from({ length: t.count }, (_, i) => [t.tokenAt(i), t.ids[i]])).toEqual(Object.entries((tiny.model as Json).vocab as object))
    expect([...t.merges]).toEqual([0, 1, 2])
  })

  it('reads a copy at an odd offset (no aligned view) the same', () => {
    const bytes = writeCompactTokenizer(tiny)
    const odd = new Uint8Array(bytes.length + 1).subarray(1)
    odd.set(bytes)
    const t = readCompactTokenizer(odd)
    expect([...t.ids]).toEqual([3, 0, 1, 2, 4])
  })

  it('refuses what it cannot hold and malformed bytes, with a reason', () => {
    expect(() => writeCompactTokenizer({ model: { type: 'Unigram', vocab: [] } })).toThrow(/Only BPE/)
    expect(() => writeCompactTokenizer({ model: { type: 'BPE', vocab: { a: 0 }, merges: ['a z'] } })).toThrow(/outside the vocabulary/)
    expect(() => writeCompactTokenizer({ model: { type: 'BPE', vocab: { '\ud800': 0 }, merges: [] } })).toThrow(/lone surrogate/)
    expect(() => readCompactTokenizer(new Uint8Array([1, 2, 3]))).toThrow(/Not a compact/)
    const bytes = writeCompactTokenizer(tiny)
    expect(() => readCompactTokenizer(bytes.subarray(0, bytes.length - 2))).toThrow(/Malformed|Truncated/)
    expect(() => readCompactTokenizer(bytes.subarray(0, 60))).toThrow()
  })

  it('is the asset the catalog names for each bundle (a bundle sharing another\'s vocabulary names that one\'s)', () => {
    for (const b of HF_BUNDLES) expect(catalogEntry(b.id)!.files).toContain(hfCompactAsset(b.sharesTokenizerOf ?? b.id))
  })
})
