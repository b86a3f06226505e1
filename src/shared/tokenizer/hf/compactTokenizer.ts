/**
 * A BPE tokenizer.json in a compact binary form, made at build time, that a thread can read
 * without parsing megabytes of JSON or resolving hundreds of thousands of merge strings:
 *
 *   'TXC1' | u32 header length | header: the tokenizer.json without model.vocab and
 *   model.merges (UTF-8 JSON) | padding to 4 | Int32 ids of the vocabulary entries (file order)
 *   | Uint32 UTF-16 length of each entry's token | Int32 [left, right, result] id triple of each
 *   merge (rank order) | the entries' tokens, concatenated, in UTF-8.
 *
 * Read back, it gives the fast engine the same vocabulary entries, in the same order, and the
 * same merges as the JSON (hfFastTokenizer.ts builds either through one code path).
 */

type Json = Record<string, unknown>

const MAGIC = 'TXC1'

/** The format's version (its magic number): the build's cache of compact files is keyed by it, so change it with the format. */
export const COMPACT_FORMAT = MAGIC

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** The vocabulary and merges of a BPE tokenizer.json, with the ids of every merge resolved. */
export interface BpeTables {
  /** The tokenizer.json; its model's vocab and merges may be absent (they are in the tables). */
  json: Json
  /** Number of vocabulary entries. */
  count: number
  /** Token of vocabulary entry `i` (the file's order). */
  tokenAt(i: number): string
  /** Id of each vocabulary entry. */
  ids: Int32Array
  /** [left, right, result] ids of each merge, in rank order. */
  merges: Int32Array
}

/** "a b" merges; a token may itself hold no space, so the first space after the first character separates. */
export function splitMerge(merge: string): [string, string] {
  const at = merge.indexOf(' ', 1)
  return [merge.slice(0, at), merge.slice(at + 1)]
}

/**
 * Resolves a tokenizer.json's merges to id triples; returns a message instead when a merge
 * names a token outside the vocabulary.
 */
export function resolveMerges(rawMerges: readonly (string | readonly [string, string])[], idOf: ReadonlyMap<string, number>): Int32Array | string {
  const out = new Int32Array(rawMerges.length * 3)
  for (let i = 0; i < rawMerges.length; i++) {
    const m = rawMerges[i]
    const [a, b] = typeof m === 'string' ? splitMerge(m) : m
    const left = idOf.get(a)
    const right = idOf.get(b)
    const result = idOf.get(a + b)
    if (left === undefined || right === undefined || result === undefined) return `Merge ${a} ${b} names a token outside the vocabulary`
    out[3 * i] = left
    out[3 * i + 1] = right
    out[3 * i + 2] = result
  }
  return out
}

/**
 * The compact form of a BPE tokenizer.json. Throws when the file is not BPE, a merge names
 * an unknown token, or a token is not well-formed UTF-16 (it could not survive UTF-8).
 */
export function writeCompactTokenizer(json: Json): Uint8Array {
  const model = json.model as Json | undefined
  if (model?.type !== 'BPE') throw new Error(`Only BPE tokenizers have a compact form (this one is ${String(model?.type)})`)
  const vocab = model.vocab as Record<string, number>
  const tokens = Object.keys(vocab)
  const idOf = new Map<string, number>()
  for (const t of tokens) {
    if (LONE_SURROGATE.test(t)) throw new Error(`Token ${JSON.stringify(t)} holds a lone surrogate`)
    idOf.set(t, vocab[t])
  }
  const merges = resolveMerges(model.merges as (string | [string, string])[], idOf)
  if (typeof merges === 'string') throw new Error(merges)
  const { vocab: _v, merges: _m, ...rest } = model
  const header = new TextEncoder().encode(JSON.stringify({ ...json, model: rest }))
  const text = new TextEncoder().encode(tokens.join(''))
  const headerEnd = 8 + header.length
  const start = Math.ceil(headerEnd / 4) * 4
  const size = start + 8 + tokens.length * 8 + merges.byteLength + text.length
  const out = new Uint8Array(size)
  const view = new DataView(out.buffer)
  out.set(new TextEncoder().encode(MAGIC), 0)
  view.setUint32(4, header.length, true)
  out.set(header, 8)
  view.setUint32(start, tokens.length, true)
  view.setUint32(start + 4, merges.length / 3, true)
  const words = [...tokens.map((t) => vocab[t]), ...tokens.map((t) => t.length), ...merges]
  const at = start + 8
  words.forEach((w, i) => view.setInt32(at + 4 * i, w, true))
  out.set(text, at + 4 * words.length)
  return out
}

/**
 * Reads a compact tokenizer (see writeCompactTokenizer). The tables are views on `bytes`
 * where aligned (little-endian platforms), copies otherwise. Throws on a malformed file.
 */
export function readCompactTokenizer(bytes: Uint8Array): BpeTables {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('Not a compact tokenizer file')
  const headerLength = view.getUint32(4, true)
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Json
  const start = Math.ceil((8 + headerLength) / 4) * 4
  const count = view.getUint32(start, true)
  const mergeCount = view.getUint32(start + 4, true)
  const int32s = (offset: number, n: number) => {
    if (offset + n * 4 > bytes.length) throw new Error('Truncated compact tokenizer file')
    const little = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1
    if (little && (bytes.byteOffset + offset) % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset + offset, n)
    const out = new Int32Array(n)
    for (let i = 0; i < n; i++) out[i] = view.getInt32(offset + 4 * i, true)
    return out
  }
  const idsAt = start + 8
  const ids = int32s(idsAt, count)
  const lengths = int32s(idsAt + count * 4, count)
  const merges = int32s(idsAt + count * 8, mergeCount * 3)
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(idsAt + count * 8 + mergeCount * 12))
  const starts = new Uint32Array(count + 1)
  for (let i = 0; i < count; i++) starts[i + 1] = starts[i] + lengths[i]
  if (starts[count] !== text.length) throw new Error('Malformed compact tokenizer file (token lengths do not add up)')
  return { json, count, tokenAt: (i) => text.slice(starts[i], starts[i + 1]), ids, merges }
}
