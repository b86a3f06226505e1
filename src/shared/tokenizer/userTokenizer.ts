/**
 * A tokenizer.json the user opens from disk (with its tokenizer_config.json when there is
 * one): checked from its bytes to either a description of what will run or a message that
 * says plainly what is wrong. Nothing here touches the app's state, so a refused file
 * changes nothing.
 */
import { formatBytes, formatCount } from '../text/format'
import { deriveChunkCuts } from './hf/deriveChunkCuts'
import { tokenizerFromJson } from './hf/hfGeneralTokenizer'
import type { EngineKind, Tokenizer } from './tokenizer'

/**
 * Largest tokenizer.json accepted (bytes), checked before anything is parsed. The largest
 * published ones are about 35 MB (Gemma 3: 33 MB); parsing takes several times the file's
 * size in memory, so a 200 MB file is refused rather than risking the worker.
 */
export const MAX_TOKENIZER_BYTES = 100 * 1024 * 1024

/** The files of a tokenizer as read from disk (a chosen or dropped file, or a folder). */
export interface UserTokenizerFiles {
  /** Name to show for the source: the model folder's name, else the file's. */
  sourceName: string
  /** The tokenizer file's own name, for messages (default 'tokenizer.json'). */
  fileName?: string
  /** Bytes of tokenizer.json. */
  tokenizer: Uint8Array
  /** Bytes of tokenizer_config.json beside it, or null. */
  config: Uint8Array | null
}

/** What the user is told about a tokenizer that will run. */
export interface UserTokenizerDescription {
  /** The model's name (from the config's name_or_path, else the folder or file name). */
  name: string
  /** Tokenizer model type in the file (BPE, WordPiece, Unigram, ...). */
  modelType: string
  /** Ids in the model's vocabulary. */
  vocabSize: number
  /** Number of special tokens. */
  specialCount: number
  /** The engine that will run it ('hf-fast': our exact fast BPE; 'hf-general': @huggingface/tokenizers). */
  engine: EngineKind
  /** True when tokenizer_config.json has a chat template. */
  hasChatTemplate: boolean
  /** The tokenizer file's name. */
  fileName: string
  /** Size of tokenizer.json in bytes. */
  bytes: number
  /** Things to know that do not stop it (e.g. a config that could not be read). */
  notes: string[]
}

/** What each engine means for the user, in a few words. */
const ENGINE_WORDS: Partial<Record<EngineKind, string>> = {
  'hf-fast': 'fast exact engine',
  'hf-general': 'general engine (slower; token positions approximate)',
}

/** One line about a checked tokenizer, e.g. "Llama-3-8B: BPE, 128,000 tokens + 256 special, fast exact engine, chat template". */
export function summarizeUserTokenizer(d: UserTokenizerDescription): string {
  const special = d.specialCount > 0 ? ` + ${formatCount(d.specialCount)} special` : ''
  const parts = [`${d.modelType}, ${formatCount(d.vocabSize)} tokens${special}`, ENGINE_WORDS[d.engine] ?? d.engine, d.hasChatTemplate ? 'chat template' : 'no chat template']
  return `${d.name}: ${parts.join(', ')}`
}

/**
 * What the user is told about a tokenizer without a safe chunk cut (`why`: deriveChunkCuts'
 * reason): edits cost a whole re-tokenize, which the status bar shows for long texts.
 */
export function noCutNote(why: string): string {
  return `This tokenizer has no safe place to cut the text (${why}): every edit re-tokenizes the whole text, so long texts update slowly.`
}

/** Result of checking a user's tokenizer: ready (with the built tokenizer) or refused with a message. */
export type UserTokenizerCheck = { ok: true; description: UserTokenizerDescription; tokenizer: Tokenizer } | { ok: false; message: string }

type Json = Record<string, unknown>

/** Model types the engines run (the general engine would guess at others, not exactly). */
const SUPPORTED_MODELS = ['BPE', 'WordPiece', 'Unigram']

/** The message when a tokenizer.json is over MAX_TOKENIZER_BYTES (used by the file readers before reading). */
export function tokenizerTooLargeMessage(name: string, size: number, maxBytes = MAX_TOKENIZER_BYTES): string {
  return `Could not open ${name}: it is ${formatBytes(size)}, and the largest tokenizer.json Tokenizer Explorer opens is ${formatBytes(maxBytes)}.`
}

/**
 * True when a text that failed to parse as JSON ends inside a string or with brackets still
 * open: the file was cut short (a download or copy that did not finish).
 */
export function endsUnfinished(text: string): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) depth++
    else if (c === 0x7d || c === 0x5d) depth--
  }
  return inString || depth > 0
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Parses JSON bytes; a message for bytes that are not UTF-8 text or not JSON. */
function parseJsonBytes(bytes: Uint8Array, file: string): { value: unknown } | { message: string } {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { message: `Could not open ${file}: it is not text (a tokenizer.json is UTF-8 JSON).` }
  }
  if (text.trim() === '') return { message: `Could not open ${file}: the file is empty.` }
  try {
    return { value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) }
  } catch (err) {
    if (endsUnfinished(text)) return { message: `Could not open ${file}: the file is cut short (incomplete JSON). Download or copy it again.` }
    return { message: `Could not open ${file}: it is not valid JSON (${(err as Error).message}).` }
  }
}

/** The model's name from tokenizer_config.json (name_or_path, last path part), if any. */
function configName(config: Json | null): string | null {
  const raw = config?.name_or_path ?? config?._name_or_path
  if (typeof raw !== 'string' || raw.trim() === '') return null
  const parts = raw.split(/[\\/]/).filter((p) => p !== '')
  return parts.length > 0 ? parts[parts.length - 1] : null
}

/** The model name in a tokenizer_config.json or a model's config.json (`name_or_path`, `_name_or_path`: its last part), or null. */
export function nameInConfig(bytes: Uint8Array): string | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? configName(value as Json) : null
  } catch {
    return null
  }
}

/** A Hugging Face cache folder of one model: models--ORG--NAME. */
const HUB_MODEL_FOLDER = /^models--(?:[^-]|-(?!-))+--(.+)$/

/**
 * The name to show for a tokenizer opened from `path` (a tokenizer.json, or with `isFolder`
 * the model folder holding it): the folder's name, or, for a snapshot in a Hugging Face
 * cache (…/models--org--NAME/snapshots/HASH), the model's NAME. Null when the path names no folder.
 */
export function tokenizerFolderName(path: string, isFolder: boolean): string | null {
  const parts = path.split(/[\\/]/).filter((p) => p !== '')
  if (!isFolder) parts.pop()
  const folder = parts[parts.length - 1]
  if (folder === undefined) return null
  const hub = parts.length >= 3 && parts[parts.length - 2] === 'snapshots' ? HUB_MODEL_FOLDER.exec(parts[parts.length - 3]) : null
  return hub ? hub[1] : folder
}

/** True when a tokenizer_config.json carries a chat template (a string, or a list of named ones). */
function hasChatTemplate(config: Json | null): boolean {
  const t = config?.chat_template
  if (typeof t === 'string') return t.trim() !== ''
  return Array.isArray(t) && t.some((x) => typeof (x as Json)?.template === 'string')
}

/**
 * Checks a user's tokenizer files and builds the tokenizer: refuses empty, oversized (before
 * parsing), non-UTF-8, truncated and malformed JSON, JSON that is not a tokenizer.json (a
 * tokenizer_config.json opened by mistake is named as such), and files neither engine runs
 * (unknown model, normalizer or pre-tokenizer types). The built tokenizer also encodes a
 * short sample, so a file that builds but cannot run is refused here, not later.
 */
export function checkUserTokenizer(files: UserTokenizerFiles, id = 'user-tokenizer'): UserTokenizerCheck {
  const file = files.fileName ?? 'tokenizer.json'
  const size = files.tokenizer.byteLength
  if (size === 0) return { ok: false, message: `Could not open ${file}: the file is empty.` }
  if (size > MAX_TOKENIZER_BYTES) return { ok: false, message: tokenizerTooLargeMessage(file, size) }
  const parsed = parseJsonBytes(files.tokenizer, file)
  if ('message' in parsed) return { ok: false, message: parsed.message }
  const json = parsed.value
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, message: `Could not open ${file}: it is JSON but not a tokenizer (a tokenizer.json is an object with a "model" section).` }
  }
  const j = json as Json
  if (typeof j.model !== 'object' || j.model === null) {
    if ('chat_template' in j || 'tokenizer_class' in j) {
      return { ok: false, message: `Could not open ${file}: this is a tokenizer_config.json. Open the tokenizer.json beside it, or the model's folder.` }
    }
    return { ok: false, message: `Could not open ${file}: it is JSON but not a tokenizer (it has no "model" section).` }
  }
  const modelType = (j.model as Json).type
  if (typeof modelType !== 'string' || !SUPPORTED_MODELS.includes(modelType)) {
    const what = typeof modelType === 'string' ? `its model type ${JSON.stringify(modelType.slice(0, 40))} is not supported` : 'its model names no type'
    return { ok: false, message: `Could not use ${file}: ${what} (Tokenizer Explorer runs ${SUPPORTED_MODELS.join(', ')}).` }
  }

  const notes: string[] = []
  let config: Json | null = null
  if (files.config && files.config.byteLength > 0) {
    const c = files.config.byteLength > MAX_TOKENIZER_BYTES ? { message: 'too large' } : parseJsonBytes(files.config, 'tokenizer_config.json')
    if ('value' in c && typeof c.value === 'object' && c.value !== null && !Array.isArray(c.value)) config = c.value as Json
    else notes.push('tokenizer_config.json could not be read, so there is no chat template and no model name from it.')
  }
  const name = configName(config) ?? files.sourceName

  let tokenizer: Tokenizer
  // Sections a file may leave out are null in the format; the general engine wants them present.
  const complete = { added_tokens: [], normalizer: null, pre_tokenizer: null, post_processor: null, decoder: null, ...j }
  try {
    tokenizer = tokenizerFromJson(complete, config, { id, displayName: name })
    tokenizer.encodeOrdinary('Hello, world! 123 héllo 世界')
  } catch (err) {
    return { ok: false, message: `Could not use ${file} (${name}): its ${modelType} tokenizer uses something Tokenizer Explorer does not run (${(err as Error).message}).` }
  }
  if (tokenizer.chunkCuts === null) notes.push(noCutNote(deriveChunkCuts(complete).reason))
  return {
    ok: true,
    tokenizer,
    description: {
      name,
      modelType,
      vocabSize: tokenizer.ordinaryCount,
      specialCount: tokenizer.specialTokens.size,
      engine: tokenizer.engine,
      hasChatTemplate: hasChatTemplate(config),
      fileName: file,
      bytes: size,
      notes,
    },
  }
}
