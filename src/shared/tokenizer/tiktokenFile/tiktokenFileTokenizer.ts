import { AddedTokenSplitter } from '../addedTokens'
import { BpeEncoder, type RawRanks } from '../bpe/bpeEncoder'
import { toSplitRegex } from '../hf/splitRegex'
import { normalizeWithOffsets } from '../normalizedText'
import { encodeNormalized, tokenizeNormalized, type SegmentEncoder } from '../normalizingPipeline'
import type { ChunkCutRule, Tokenizer } from '../tokenizer'
import { utf8ByteLength } from '../../text/utf8'
import { runToEnd, type Steps } from '../steps'

/**
 * A tiktoken-style file as the tiktoken npm package reads it (`tiktoken/lite`): compressed
 * ranks (lines of `<first token> <first rank> <base64 token> ...`), a split pattern and
 * special tokens. Anthropic's legacy Claude tokenizer (`@anthropic-ai/tokenizer` claude.json)
 * is one.
 */
export interface TiktokenFile {
  bpe_ranks: string
  pat_str: string
  special_tokens: Record<string, number>
  explicit_n_vocab?: number
}

/** Options beyond the file. */
export interface TiktokenFileInfo {
  id: string
  displayName: string
  /** Unicode form applied to the whole text first (Anthropic's countTokens applies NFKC). */
  normalize?: 'NFC' | 'NFKC'
  chunkCuts: ChunkCutRule | null
}

/** Rank table of a compressed tiktoken `bpe_ranks` string (text where the bytes are valid UTF-8). */
export function parseCompressedRanks(bpeRanks: string): RawRanks {
  return runToEnd(compressedRanksSteps(bpeRanks))
}

/** parseCompressedRanks in steps of a thousand tokens (Anthropic's file holds all of them on one line). */
function* compressedRanksSteps(bpeRanks: string): Steps<RawRanks> {
  const ranks: (string | number[] | undefined)[] = []
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  for (const line of bpeRanks.split('\n')) {
    if (line.length === 0) continue
    const [, offsetText, ...tokens] = line.split(' ')
    const offset = Number.parseInt(offsetText, 10)
    if (!Number.isFinite(offset)) throw new Error(`Malformed bpe_ranks line: ${line.slice(0, 40)}`)
    for (let i = 0; i < tokens.length; i++) {
      if ((i & 1023) === 1023) yield
      const binary = atob(tokens[i])
      // Most tokens are ASCII: their bytes are their text.
      if (isAscii(binary)) {
        ranks[offset + i] = binary
        continue
      }
      const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
      let text: string | undefined
      try {
        text = strict.decode(bytes)
      } catch {
        text = undefined
      }
      // Text whose bytes start with a BOM is kept as bytes (see BpeEncoder).
      ranks[offset + i] = text !== undefined && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ? text : Array.from(bytes)
    }
  }
  return ranks
}

/** True when every character of `s` is below U+0080. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false
  return true
}

/** A Tokenizer for a tiktoken-style file, on the app's own BPE core (BpeEncoder). */
export function makeTiktokenFileTokenizer(file: TiktokenFile, info: TiktokenFileInfo): Tokenizer {
  return runToEnd(tiktokenFileTokenizerSteps(file, info))
}

/** The same tokenizer built in steps (run them with runInSlices on the UI thread). */
export function* tiktokenFileTokenizerSteps(file: TiktokenFile, info: TiktokenFileInfo): Steps<Tokenizer> {
  const ranks = yield* compressedRanksSteps(file.bpe_ranks)
  // The reference (tiktoken 1.0.22, Rust fancy-regex) has Unicode 16 tables, as onig does.
  const split = toSplitRegex(file.pat_str)
  const encoder = new BpeEncoder(
    ranks,
    (text, onPiece) => {
      const re = split.regexFor(text)
      re.lastIndex = 0
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0].length === 0) re.lastIndex++
        else onPiece(m.index, m.index + m[0].length)
      }
    },
    true,
  )
  yield* encoder.fillInSteps()
  const specialTokens = new Map(Object.entries(file.special_tokens))
  const specialById = new Map([...specialTokens].map(([name, id]) => [id, name]))
  const utf8 = new TextEncoder()
  const tokenBytes = (id: number): Uint8Array => {
    const special = specialById.get(id)
    if (special !== undefined) return utf8.encode(special)
    const entry = ranks[id]
    if (entry === undefined) throw new RangeError(`Token id ${id} is not in ${info.id}`)
    return typeof entry === 'string' ? utf8.encode(entry) : Uint8Array.from(entry)
  }
  const lengths = new Uint32Array(Math.max(ranks.length, ...specialById.keys()) + 1)
  yield
  for (let id = 0; id < lengths.length; id++) {
    if ((id & 1023) === 1023) yield
    const special = specialById.get(id)
    const entry = ranks[id]
    lengths[id] = special !== undefined ? utf8ByteLength(special) : entry === undefined ? 0 : typeof entry === 'string' ? utf8ByteLength(entry) : entry.length
  }
  const segments: SegmentEncoder = { encode: (text) => encoder.encode(text), normByteLength: (id) => lengths[id] }
  const isSpecial = (id: number) => specialById.has(id)
  const all = new AddedTokenSplitter([...specialTokens].map(([content, id]) => ({ content, id, special: true })))
  const none = new AddedTokenSplitter([])
  const form = info.normalize
  return {
    id: info.id,
    displayName: info.displayName,
    engine: 'tiktoken-file',
    encodeOrdinary: (text) => encodeNormalized(form ? text.normalize(form) : text, none, [], segments),
    mergeTrace: (text) => encoder.trace(form ? text.normalize(form) : text),
    tokenize(text, mode) {
      // The whole text is normalized first, then split on specials (as countTokens does).
      const norm = normalizeWithOffsets(text, form ? [{ kind: 'unicode', form }] : [])
      const result = tokenizeNormalized(norm.text, mode === 'special' ? all : none, [], segments, isSpecial)
      if (norm.text !== text) for (let i = 0; i < result.starts.length; i++) result.starts[i] = norm.toOriginal(result.starts[i])
      result.starts[result.starts.length - 1] = text.length
      return result
    },
    specialTokens,
    ordinaryCount: ranks.length,
    byteLength: (id) => tokenBytes(id).length,
    tokenBytes,
    isSpecial,
    byteExact: form === undefined,
    chunkCuts: info.chunkCuts,
  }
}
