// The general engine on formats the fast one does not run (WordPiece, Unigram), against
// Hugging Face's Rust tokenizers built from the same hand-written tokenizer.json.
import { describe, expect, it } from 'vitest'
import { Tokenizer as RustTokenizer } from 'tokenizers'
import { tokenizerFromJson } from './hfGeneralTokenizer'

const info = { id: 'test', displayName: 'Test' }
const words = ['[UNK]', '[CLS]', 'hello', 'world', 'un', '##believ', '##able', 'cafe', ',', '!', 'the', '##s', 'a', '日', '本']
const wordPiece = {
  version: '1.0',
  truncation: null,
  padding: null,
  added_tokens: [{ id: 1, content: '[CLS]', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
  normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  post_processor: null,
  decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
  model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(words.map((w, i) => [w, i])) },
}
const pieces: [string, number][] = [['<unk>', 0], ['▁', -2], ['▁he', -3], ['llo', -3], ['▁hello', -2.5], ['▁wor', -4], ['ld', -4], ['h', -5], ['e', -5], ['l', -5], ['o', -5], ['w', -5], ['r', -5], ['d', -5]]
const unigram = {
  version: '1.0',
  truncation: null,
  padding: null,
  added_tokens: [],
  normalizer: null,
  pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
  post_processor: null,
  decoder: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
  model: { type: 'Unigram', unk_id: 0, vocab: pieces, byte_fallback: false },
}

async function rustIds(json: object, text: string): Promise<number[]> {
  return (await RustTokenizer.fromString(JSON.stringify(json)).encode(text, null, { addSpecialTokens: false })).getIds()
}

describe('general engine (@huggingface/tokenizers)', () => {
  it('WordPiece with a BERT normalizer: ids equal Rust, spans sit on the original characters', async () => {
    const tok = tokenizerFromJson(wordPiece, {}, info)
    expect(tok.engine).toBe('hf-general')
    const text = 'Hello, WORLD! Unbelievable Café 日本 [CLS] zzz'
    const out = tok.tokenize(text, 'special')
    expect(Array.from(out.ids)).toEqual(await rustIds(wordPiece, text))
    const spans = Array.from(out.ids, (_, i) => text.slice(out.starts[i], out.starts[i + 1]).trim())
    expect(spans.slice(0, 8)).toEqual(['Hello', ',', 'WORLD', '!', 'Un', 'believ', 'able', 'Café'])
    expect(out.starts[out.ids.length]).toBe(text.length)
    expect(tok.tokenize('[CLS]', 'text').ids).not.toContain(1)
  })

  it('Unigram with Metaspace: ids equal Rust', async () => {
    const tok = tokenizerFromJson(unigram, {}, info)
    for (const text of ['hello world', 'world hello  hello', 'held']) expect(tok.encodeOrdinary(text)).toEqual(await rustIds(unigram, text))
  })

  it('a file that is not a tokenizer.json gets a clear error', () => {
    expect(() => tokenizerFromJson({ vocab: {} }, {}, info)).toThrow(/not a tokenizer\.json/)
    expect(() => tokenizerFromJson(null, {}, info)).toThrow(/not a tokenizer\.json/)
  })
})
