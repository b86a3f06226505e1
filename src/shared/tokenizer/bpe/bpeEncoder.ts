import { bytePairMergeRanges, LONG_PIECE_BYTES } from './bpeMerge'
import { TRACE_MAX_SYMBOLS, type PieceTrace, type TraceStep } from '../mergeTrace'

/**
 * A rank table as gpt-tokenizer ships it (`gpt-tokenizer/bpeRanks/<encoding>`): index = token
 * id, value = the token's text when its bytes are valid UTF-8, else its bytes; holes for ids
 * that are not tokens.
 */
export type RawRanks = readonly (string | readonly number[] | Uint8Array | undefined)[]

/** Pieces whose tokens are remembered; the cache is emptied when it reaches this size. */
export const MERGE_CACHE_ENTRIES = 16_384

/**
 * The UTF-8 bytes of `text` as a byte string (one UTF-16 unit per byte, 0-255). A lone
 * surrogate becomes U+FFFD's bytes, as TextEncoder (and tiktoken) encode it.
 */
export function utf8ByteString(text: string): string {
  let ascii = true
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x80) {
      ascii = false
      break
    }
  }
  if (ascii) return text
  const codes: number[] = []
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i)
    if (c < 0x80) codes.push(c)
    else if (c < 0x800) codes.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0
        if (c <= 0xdbff && (d & 0xfc00) === 0xdc00) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
          i++
          codes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
          continue
        }
        c = 0xfffd
      }
      codes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    }
  }
  let out = ''
  // fromCharCode takes its arguments on the stack: a long piece goes in slices.
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192))
  return out
}

/** A lone surrogate (with the u flag, a pair is one code point and never matches). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu

/**
 * `text` with each lone surrogate replaced by U+FFFD, as tiktoken and Hugging Face's Rust
 * `tokenizers` receive it (a JavaScript string becomes UTF-8 on its way in). The length is
 * unchanged, so offsets into it are offsets into `text`.
 */
export function wellFormed(text: string): string {
  return LONE_SURROGATE.test(text) ? text.replace(LONE_SURROGATES, '\ufffd') : text
}

/**
 * Byte-pair encoding of text with tiktoken's algorithm: the text is split into pieces by the
 * encoding's pattern, a piece that is a token is that token, and any other piece is merged
 * from its bytes, lowest-ranked adjacent pair first (leftmost among equals). Ranks are looked
 * up by exact bytes: by text when the bytes are whole characters, else by bytes. (gpt-tokenizer
 * turns bytes into text with a TextDecoder that drops a leading byte-order mark, so it never
 * found the tokens that start with EF BB BF.)
 */
export class BpeEncoder {
  /** Rank of each token stored as text (its bytes are those of the text). */
  private readonly rankOfText = new Map<string, number>()
  /** Rank of each token stored as bytes (not valid UTF-8, or starting with a BOM), keyed by byte string. */
  private readonly rankOfByteArray = new Map<string, number>()
  /** Tokens of pieces that needed merging, by piece text; bounded (see MERGE_CACHE_ENTRIES). */
  private readonly mergeCache = new Map<string, number[]>()
  /**
   * Rank of every token of 1 to 3 bytes by shortKey: most pair lookups while merging text
   * made of rare characters are this short, and a number key needs no string sliced and hashed.
   */
  private readonly rankOfShort = new Map<number, number>()

  /** The rank table, until `fillInSteps` has read it. */
  private ranks: RawRanks

  /**
   * @param ranks the encoding's rank table
   * @param split calls back with each pre-token piece of a text, in order (see splitPatterns.ts)
   * @param deferred when true, the tables are filled by `fillInSteps`, which must run to its
   *   end before the first encode (building in slices)
   * @param byteLengths each token's UTF-8 length, when known (a rank file has them): saves
   *   measuring every token while filling the tables
   */
  constructor(
    ranks: RawRanks,
    private readonly split: (text: string, onPiece: (start: number, end: number) => void) => void,
    deferred = false,
    private readonly byteLengths?: Uint16Array,
  ) {
    this.ranks = ranks
    if (!deferred) for (const _ of this.fillInSteps()) continue
  }

  /** Fills the lookup tables from the rank table, yielding every thousand tokens. */
  *fillInSteps(): Generator<void, void, void> {
    const { ranks, byteLengths } = this
    for (let id = 0; id < ranks.length; id++) {
      if ((id & 1023) === 1023) yield
      const entry = ranks[id]
      if (typeof entry === 'string') this.rankOfText.set(entry, id)
      else if (entry !== undefined) this.rankOfByteArray.set(String.fromCharCode(...entry), id)
      if (entry === undefined || (byteLengths !== undefined && byteLengths[id] > 3)) continue
      const bytes = typeof entry === 'string' ? utf8ByteString(entry) : String.fromCharCode(...entry)
      if (bytes.length <= 3) this.rankOfShort.set(shortKey(bytes, 0, bytes.length), id)
    }
    this.ranks = []
  }

  /** Token ids of `text`, every character treated as ordinary text (special-token strings too). */
  encode(text: string): number[] {
    const out: number[] = []
    this.split(text, (start, end) => {
      const piece = wellFormed(text.slice(start, end))
      const whole = this.rankOfText.get(piece)
      if (whole !== undefined) out.push(whole)
      else for (const id of this.mergePiece(piece)) out.push(id)
    })
    return out
  }

  /**
   * What encode does to each piece of `text`, merge by merge (the tokenizer lab's replay): the
   * piece's bytes as single-byte tokens, then tiktoken's merges in order (lowest rank first,
   * leftmost among equals; a merge's rank is the rank of the token it makes).
   */
  trace(text: string): PieceTrace[] {
    const out: PieceTrace[] = []
    this.split(text, (start, end) => {
      const piece = wellFormed(text.slice(start, end))
      const bytes = utf8ByteString(piece)
      const whole = this.rankOfText.get(piece) ?? this.rankOfByteArray.get(bytes)
      const ids = whole !== undefined ? [whole] : this.mergePiece(piece)
      const symbols: number[] = []
      for (let i = 0; i < bytes.length; i++) symbols.push(this.rankOfShort.get(shortKey(bytes, i, i + 1)) ?? -1)
      const tooLong = bytes.length > TRACE_MAX_SYMBOLS
      const steps: TraceStep[] = []
      if (!tooLong) {
        const rankOfRange = (s: number, e: number): number | undefined =>
          e - s <= 3 ? this.rankOfShort.get(shortKey(bytes, s, e)) : (this.rankOfText.get(decodeIfWhole(bytes, s, e)) ?? this.rankOfByteArray.get(bytes.slice(s, e)))
        mergeShort(bytes.length, rankOfRange, (left, rank) => steps.push({ left, rank, id: rank }))
      }
      out.push({ text: piece, kind: whole !== undefined ? 'whole' : 'merged', symbols, steps, ids, ...(tooLong ? { tooLong } : {}) })
    })
    return out
  }

  /** Tokens of one (well-formed) piece that is not a token stored as text. */
  private mergePiece(piece: string): number[] {
    const cached = this.mergeCache.get(piece)
    if (cached) return cached
    const bytes = utf8ByteString(piece)
    // textAt[b]: the UTF-16 index in piece where byte b starts a character, -1 inside one.
    const textAt = new Int32Array(bytes.length + 1).fill(-1)
    for (let i = 0, b = 0; i <= piece.length; ) {
      textAt[b] = i
      if (i === piece.length) break
      const c = piece.charCodeAt(i)
      b += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1
    }
    const { rankOfText, rankOfByteArray, rankOfShort } = this
    const rankOfRange = (start: number, end: number): number | undefined => {
      if (end - start <= 3) return rankOfShort.get(shortKey(bytes, start, end))
      const from = textAt[start]
      const to = textAt[end]
      if (from >= 0 && to >= 0) {
        const rank = rankOfText.get(piece.slice(from, to))
        if (rank !== undefined) return rank
      }
      return rankOfByteArray.get(bytes.slice(start, end))
    }
    const whole = rankOfByteArray.get(bytes)
    const tokens =
      whole !== undefined ? [whole] : bytes.length > LONG_PIECE_BYTES ? bytePairMergeRanges(bytes.length, rankOfRange) : mergeShort(bytes.length, rankOfRange)
    // Emptying the whole cache when full costs nothing per hit (an LRU's delete and re-insert
    // on every hit made gpt-tokenizer's cache slower than no cache on varied text).
    if (this.mergeCache.size >= MERGE_CACHE_ENTRIES) this.mergeCache.clear()
    if (bytes.length <= LONG_PIECE_BYTES) this.mergeCache.set(piece, tokens)
    return tokens
  }
}

/** A number naming bytes [start, end) of a byte string, 1 to 3 bytes long: length and bytes in 26 bits (a small integer in V8). */
function shortKey(bytes: string, start: number, end: number): number {
  let key = end - start
  for (let i = start; i < end; i++) key = (key << 8) | bytes.charCodeAt(i)
  return key
}

/** Bytes [start, end) of a byte string as text when they are whole UTF-8 characters, else '' (no token is ''). */
function decodeIfWhole(bytes: string, start: number, end: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Uint8Array.from(bytes.slice(start, end), (c) => c.charCodeAt(0)))
  } catch {
    return ''
  }
}

/**
 * tiktoken's quadratic merge, fastest for short pieces: rescans the pair ranks after each
 * merge. `onMerge` hears each merge (the left part's index among the parts, the rank).
 */
function mergeShort(n: number, rankOfRange: (start: number, end: number) => number | undefined, onMerge?: (left: number, rank: number) => void): number[] {
  // starts[i] is where part i begins; starts[parts] = n. pairs[i] = rank of parts i and i+1 joined.
  const starts: number[] = []
  const pairs: number[] = []
  for (let i = 0; i <= n; i++) starts.push(i)
  for (let i = 0; i + 1 < n; i++) pairs.push(rankOfRange(i, i + 2) ?? Infinity)
  while (pairs.length > 0) {
    let best = 0
    for (let i = 1; i < pairs.length; i++) if (pairs[i] < pairs[best]) best = i
    if (pairs[best] === Infinity) break
    onMerge?.(best, pairs[best])
    // Join part best with part best + 1.
    starts.splice(best + 1, 1)
    pairs.splice(best, 1)
    if (best < pairs.length) pairs[best] = rankOfRange(starts[best], starts[best + 2]) ?? Infinity
    if (best > 0) pairs[best - 1] = rankOfRange(starts[best - 1], starts[best + 1]) ?? Infinity
  }
  const out: number[] = []
  for (let i = 0; i + 1 < starts.length; i++) {
    const rank = rankOfRange(starts[i], starts[i + 1])
    if (rank === undefined) throw new Error(`No token for bytes ${starts[i]} to ${starts[i + 1]} of the piece`)
    out.push(rank)
  }
  return out
}
