import { AddedTokenSplitter, type AddedToken } from '../addedTokens'
import { utf8ByteString } from '../bpe/bpeEncoder'
import { PairMerges } from '../bpe/pairMerge'
import type { NormalizerStep } from '../normalizedText'
import { encodeNormalized, tokenizeNormalized, type SegmentEncoder } from '../normalizingPipeline'
import type { ChunkCutRule, Tokenizer } from '../tokenizer'
import { BYTE_TO_CHAR, byteLevelBytes } from './byteLevel'
import { planPreTokenizer, type PieceSplitter } from './preTokenizer'
import { utf8ByteLength } from '../../text/utf8'
import { runToEnd, type Steps } from '../steps'
import { resolveMerges, type BpeTables } from './compactTokenizer'
import { TRACE_MAX_SYMBOLS, type PieceTrace } from '../mergeTrace'
import { normalizeWithOffsets } from '../normalizedText'

type Json = Record<string, unknown>

/** Thrown when a tokenizer.json uses something the fast engine does not run. */
export class UnsupportedTokenizerError extends Error {}

/** Pieces whose ids are remembered; the cache is emptied when it reaches this size. */
const PIECE_CACHE_ENTRIES = 32_768

/** The normalizer steps of a tokenizer.json normalizer, or an error for unsupported ones. */
function planNormalizer(config: Json | null): NormalizerStep[] {
  if (!config) return []
  const type = config.type
  if (type === 'Sequence') return (config.normalizers as Json[]).flatMap(planNormalizer)
  if (type === 'NFC' || type === 'NFKC') return [{ kind: 'unicode', form: type, pinned: true }]
  if (type === 'Replace') {
    const from = (config.pattern as { String?: string }).String
    const to = config.content as string
    if (from !== undefined && from.length === to.length) return [{ kind: 'replace', from, to }]
  }
  throw new UnsupportedTokenizerError(`Unsupported normalizer ${JSON.stringify(config).slice(0, 80)}`)
}

/** Options of the fast engine's tokenizer beyond the file. */
export interface HfTokenizerInfo {
  id: string
  displayName: string
  chunkCuts: ChunkCutRule | null
}

/**
 * A Hugging Face BPE tokenizer.json run by our own code: added tokens, normalizer (NFC,
 * NFKC, same-length Replace), regex pre-tokenizer, byte-level or SentencePiece-style
 * (byte-fallback) BPE with the file's merges. Throws UnsupportedTokenizerError for other
 * models and steps (WordPiece, Unigram, Metaspace, ...): those go to the general engine.
 */
export function makeHfFastTokenizer(json: Json, info: HfTokenizerInfo): Tokenizer {
  const model = json.model as Json
  const vocab = (model?.vocab ?? {}) as Record<string, number>
  const tokens = Object.keys(vocab)
  const source: VocabSource = { json, count: tokens.length, tokenAt: (i) => tokens[i], idAt: (i) => vocab[tokens[i]], merges: null }
  return runToEnd(buildHfFastTokenizer(source, info))
}

/**
 * The same tokenizer from its compact tables (compactTokenizer.ts), built in steps: run them
 * with runInSlices to build it on the UI thread without holding a frame back.
 */
export function hfFastTokenizerSteps(tables: BpeTables, info: HfTokenizerInfo): Steps<Tokenizer> {
  return buildHfFastTokenizer({ json: tables.json, count: tables.count, tokenAt: tables.tokenAt, idAt: (i) => tables.ids[i], merges: tables.merges }, info)
}

/** A tokenizer.json's vocabulary entries (in the file's order) and merges, from the JSON or the compact form. */
interface VocabSource {
  json: Json
  count: number
  tokenAt(i: number): string
  idAt(i: number): number
  /** Merge id triples, or null: resolve the JSON's model.merges. */
  merges: Int32Array | null
}

/** Every few thousand entries of a long loop, the builder yields (see steps.ts). */
const STEP_MASK = 1023

/** Builds the fast engine's tokenizer, yielding between steps (one code path for the JSON and the compact form). */
function* buildHfFastTokenizer(source: VocabSource, info: HfTokenizerInfo): Steps<Tokenizer> {
  const json = source.json
  const model = json.model as Json
  if (model?.type !== 'BPE') throw new UnsupportedTokenizerError(`Unsupported model ${String(model?.type)}`)
  if (model.continuing_subword_prefix || model.end_of_word_suffix || model.dropout) throw new UnsupportedTokenizerError('Unsupported BPE options (subword prefix, suffix or dropout)')
  const steps = planNormalizer(json.normalizer as Json | null)
  if (steps.filter((s) => s.kind === 'unicode').length > 1) throw new UnsupportedTokenizerError('Unsupported normalizer: two Unicode forms')
  let plan
  try {
    plan = planPreTokenizer(json.pre_tokenizer as Json | null)
  } catch (e) {
    throw new UnsupportedTokenizerError((e as Error).message)
  }
  const added = (json.added_tokens as (AddedToken & Json)[]) ?? []
  for (const t of added) {
    if (t.lstrip || t.rstrip || t.single_word) throw new UnsupportedTokenizerError(`Unsupported added token options on ${t.content}`)
    if (t.normalized && !t.special && steps.length > 0) throw new UnsupportedTokenizerError(`Unsupported normalized added token ${t.content}`)
  }

  // One pass over the vocabulary (Gemma's has 262,144 entries). Files list it out of id
  // order, and an array written out of order falls back to a slow dictionary: tokenOf is
  // made at its full length first.
  let maxId = -1
  for (let i = 0; i < source.count; i++) maxId = Math.max(maxId, source.idAt(i))
  const idOf = new Map<string, number>()
  const tokenOf: (string | undefined)[] = Array.from({ length: maxId + 1 }, () => undefined)
  for (let i = 0; i < source.count; i++) {
    const token = source.tokenAt(i)
    const id = source.idAt(i)
    idOf.set(token, id)
    tokenOf[id] = token
    if ((i & STEP_MASK) === STEP_MASK) yield
  }
  let idLimit = tokenOf.length
  for (const t of added) idLimit = Math.max(idLimit, t.id + 1)
  const addedById = new Map(added.map((t) => [t.id, t]))

  const triples = source.merges ?? resolveMerges((model.merges as (string | [string, string])[]) ?? [], idOf)
  if (typeof triples === 'string') throw new UnsupportedTokenizerError(triples)
  const merges = new PairMerges(triples, idLimit, true)
  yield* merges.fillInSteps()

  const byteFallback = model.byte_fallback === true
  const byteIds = new Int32Array(256).fill(-1)
  for (let b = 0; b < 256; b++) {
    const id = plan.byteLevel ? idOf.get(BYTE_TO_CHAR[b]) : idOf.get(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`)
    if (id !== undefined) byteIds[b] = id
  }
  const unkId = typeof model.unk_token === 'string' ? idOf.get(model.unk_token) : undefined

  // Per-id bytes: decoded (public) and as they stand in the normalized text (spans).
  const replaceBack = steps.find((s): s is Extract<NormalizerStep, { kind: 'replace' }> => s.kind === 'replace')
  const utf8 = new TextEncoder()
  const bytesCache = new Map<number, Uint8Array>()
  const tokenBytes = (id: number): Uint8Array => {
    let bytes = bytesCache.get(id)
    if (bytes) return bytes
    const addedToken = addedById.get(id)
    const token = addedToken?.content ?? tokenOf[id]
    if (token === undefined) throw new RangeError(`Token id ${id} is not in ${info.id}`)
    if (addedToken) bytes = utf8.encode(token)
    else if (plan.byteLevel) bytes = byteLevelBytes(token) ?? utf8.encode(token)
    else if (byteFallback && /^<0x[0-9A-F]{2}>$/.test(token)) bytes = Uint8Array.of(parseInt(token.slice(3, 5), 16))
    else bytes = utf8.encode(replaceBack ? token.split(replaceBack.to).join(replaceBack.from) : token)
    bytesCache.set(id, bytes)
    return bytes
  }
  const normLength = new Uint32Array(idLimit)
  for (let id = 0; id < idLimit; id++) {
    if ((id & STEP_MASK) === STEP_MASK) yield
    const addedToken = addedById.get(id)
    const token = addedToken?.content ?? tokenOf[id]
    if (token === undefined) continue
    if (addedToken) normLength[id] = utf8ByteLength(token)
    else if (plan.byteLevel) normLength[id] = token.length
    else if (byteFallback && token.length === 6 && /^<0x[0-9A-F]{2}>$/.test(token)) normLength[id] = 1
    else normLength[id] = utf8ByteLength(token)
  }

  const ignoreMerges = model.ignore_merges === true
  const split = replaceBack && !plan.byteLevel ? (yield* wordSplitter(plan.split, replaceBack.to, idOf.keys())) ?? plan.split : plan.split
  const pieces = makePieceEncoder(split, plan.byteLevel, { idOf, merges, ignoreMerges, byteIds, byteFallback, unkId })
  const encoder: SegmentEncoder = { encode: pieces.encode, normByteLength: (id) => normLength[id] }

  const specialTokens = new Map(added.filter((t) => t.special).map((t) => [t.content, t.id]))
  const specialIds = new Set(specialTokens.values())
  const isSpecial = (id: number) => specialIds.has(id)
  // Gemma 3 has thousands of added tokens: each splitter's pattern is a step of its own, and
  // is compiled here (a regex compiles on its first use) rather than in the first keystroke.
  yield
  const allSplitter = new AddedTokenSplitter(added)
  yield
  allSplitter.split('')
  yield
  const ordinarySplitter = new AddedTokenSplitter(added.filter((t) => !t.special))
  yield
  ordinarySplitter.split('')
  yield
  return {
    id: info.id,
    displayName: info.displayName,
    engine: 'hf-fast',
    encodeOrdinary: (text) => encodeNormalized(text, ordinarySplitter, steps, encoder),
    mergeTrace(text) {
      const out: PieceTrace[] = []
      for (const seg of ordinarySplitter.split(text)) {
        const segText = text.slice(seg.start, seg.end)
        if (seg.specialId !== undefined) out.push({ text: segText, kind: 'added', symbols: [], steps: [], ids: [seg.specialId] })
        else if (seg.end > seg.start) out.push(...pieces.trace(normalizeWithOffsets(segText, steps).text))
      }
      return out
    },
    tokenize: (text, mode) => tokenizeNormalized(text, mode === 'special' ? allSplitter : ordinarySplitter, steps, encoder, isSpecial),
    specialTokens,
    ordinaryCount: idOf.size,
    byteLength: (id) => tokenBytes(id).length,
    tokenBytes,
    isSpecial,
    byteExact: steps.length === 0,
    chunkCuts: info.chunkCuts,
  }
}

/**
 * SentencePiece-style files (Gemma) replace spaces with a marker ('▁') and then encode each
 * text between added tokens as ONE piece: slow, and never cached. A merge can only make a
 * vocabulary token, so where no token can span a position, the two sides merge
 * independently. This splitter cuts each piece there: before every marker that follows a
 * non-marker, except inside an occurrence of one of the few tokens that hold such a pair
 * (Gemma 3 has one, '>▁</'); and between two ASCII characters that no token holds side by
 * side (Gemma 3: 61 % of the printable pairs, such as '),' or ';\n' in code). Null when more
 * than 64 tokens hold a marker after a non-marker (then pieces stay whole).
 */
function* wordSplitter(split: PieceSplitter, marker: string, tokens: Iterable<string>): Steps<PieceSplitter | null> {
  const markerAfterOther = new RegExp(`[^${marker}]${marker}`, 'u')
  const crossing: string[] = []
  /** ASCII pairs (first * 128 + second) that some token holds side by side. */
  const joined = new Uint8Array(128 * 128)
  let n = 0
  for (const t of tokens) {
    if (t.includes(marker) && markerAfterOther.test(t)) crossing.push(t)
    for (let i = 0; i + 1 < t.length; i++) {
      const a = t.charCodeAt(i)
      const b = t.charCodeAt(i + 1)
      if (a < 128 && b < 128) joined[a * 128 + b] = 1
    }
    if ((++n & STEP_MASK) === 0) yield
  }
  if (crossing.length > 64) return null
  const markerCode = marker.charCodeAt(0)
  return (text, onPiece) =>
    split(text, (start, end) => {
      let forbidden: Set<number> | null = null
      for (const token of crossing) {
        for (let at = text.indexOf(token, start); at >= 0 && at + token.length <= end; at = text.indexOf(token, at + 1)) {
          forbidden ??= new Set<number>()
          for (let k = 1; k < token.length; k++) if (token[k] === marker && token[k - 1] !== marker) forbidden.add(at + k)
        }
      }
      let from = start
      let prev = text.charCodeAt(start)
      for (let i = start + 1; i < end; i++) {
        const c = text.charCodeAt(i)
        const cut = c === markerCode ? prev !== markerCode && !forbidden?.has(i) : c < 128 && prev < 128 && joined[prev * 128 + c] === 0
        if (cut) {
          onPiece(from, i)
          from = i
        }
        prev = c
      }
      onPiece(from, end)
    })
}

interface PieceModel {
  idOf: ReadonlyMap<string, number>
  merges: PairMerges
  ignoreMerges: boolean
  byteIds: Int32Array
  byteFallback: boolean
  unkId: number | undefined
}

/** The model run over each pre-token piece, with a bounded cache by piece; and its trace (mergeTrace.ts). */
function makePieceEncoder(split: PieceSplitter, byteLevel: boolean, m: PieceModel): { encode(text: string): number[]; trace(text: string): PieceTrace[] } {
  const cache = new Map<string, number[]>()
  const symbolsOf = (piece: string): number[] => {
    const symbols: number[] = []
    if (byteLevel) {
      const bytes = utf8ByteString(piece)
      for (let i = 0; i < bytes.length; i++) symbols.push(m.byteIds[bytes.charCodeAt(i)])
      return symbols
    }
    for (const ch of piece) {
      const id = m.idOf.get(ch)
      if (id !== undefined) symbols.push(id)
      else if (m.byteFallback) {
        const bytes = utf8ByteString(ch)
        for (let i = 0; i < bytes.length; i++) symbols.push(m.byteIds[bytes.charCodeAt(i)])
      } else if (m.unkId !== undefined) symbols.push(m.unkId)
      else throw new Error(`No token for ${JSON.stringify(ch)} and no unknown token`)
    }
    return symbols
  }
  const encodePiece = (piece: string): number[] => {
    const cached = cache.get(piece)
    if (cached) return cached
    const key = byteLevel ? toByteLevel(piece) : piece
    const whole = m.ignoreMerges ? m.idOf.get(key) : undefined
    const ids = whole !== undefined ? [whole] : m.merges.merge(symbolsOf(piece))
    if (cache.size >= PIECE_CACHE_ENTRIES) cache.clear()
    if (piece.length <= 256) cache.set(piece, ids)
    return ids
  }
  return {
    encode(text) {
      const out: number[] = []
      split(text, (start, end) => {
        for (const id of encodePiece(text.slice(start, end))) out.push(id)
      })
      return out
    },
    trace(text) {
      const out: PieceTrace[] = []
      split(text, (start, end) => {
        const piece = text.slice(start, end)
        const symbols = symbolsOf(piece)
        const whole = m.ignoreMerges ? m.idOf.get(byteLevel ? toByteLevel(piece) : piece) : undefined
        const tooLong = symbols.length > TRACE_MAX_SYMBOLS
        const steps = tooLong ? [] : m.merges.traceMerge(symbols)
        out.push({ text: piece, kind: whole !== undefined ? 'whole' : 'merged', symbols, steps, ids: encodePiece(piece), ...(tooLong ? { tooLong } : {}) })
      })
      return out
    },
  }
}

/** A piece in GPT-2's byte alphabet (one character per UTF-8 byte). */
function toByteLevel(piece: string): string {
  const bytes = utf8ByteString(piece)
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += BYTE_TO_CHAR[bytes.charCodeAt(i)]
  return out
}
