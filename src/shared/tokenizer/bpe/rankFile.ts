// A rank table in a binary form that loads several times faster than gpt-tokenizer's
// JavaScript module (no script to compile, one UTF-8 decode for every text token): the
// command line reads it to start quickly.
//
// Layout (little-endian): "TERK" (4 bytes), version 1 (u32), N (u32), then per id
// kind (u8: 0 no token, 1 text, 2 bytes), then per id its UTF-8 byte length (u16) and its
// UTF-16 length (u16, text tokens; 0 otherwise), then the UTF-8 bytes of every text token in
// id order, then the bytes of every bytes token in id order.
import type { RawRanks } from './bpeEncoder'

const MAGIC = [0x54, 0x45, 0x52, 0x4b] // "TERK"
const VERSION = 1
const HEADER = 12

/** A rank table read from a rank file, with each token's UTF-8 length. */
export interface RankFileTable {
  ranks: RawRanks
  /** UTF-8 length of each id's token (0 where the id is no token). */
  byteLengths: Uint16Array
}

/** The rank file of `ranks` (see the layout above). */
export function encodeRankFile(ranks: RawRanks): Uint8Array {
  const n = ranks.length
  const utf8 = new TextEncoder()
  const kinds = new Uint8Array(n)
  const lengths = new Uint16Array(2 * n)
  const texts: Uint8Array[] = []
  const bytes: Uint8Array[] = []
  for (let id = 0; id < n; id++) {
    const entry = ranks[id]
    if (entry === undefined) continue
    const b = typeof entry === 'string' ? utf8.encode(entry) : Uint8Array.from(entry)
    if (b.length > 0xffff || (typeof entry === 'string' && entry.length > 0xffff)) throw new RangeError(`Token ${id} is too long for a rank file`)
    kinds[id] = typeof entry === 'string' ? 1 : 2
    lengths[2 * id] = b.length
    lengths[2 * id + 1] = typeof entry === 'string' ? entry.length : 0
    ;(typeof entry === 'string' ? texts : bytes).push(b)
  }
  const body = [...texts, ...bytes]
  const size = HEADER + n + 4 * n + body.reduce((s, b) => s + b.length, 0)
  const out = new Uint8Array(size)
  const view = new DataView(out.buffer)
  out.set(MAGIC, 0)
  view.setUint32(4, VERSION, true)
  view.setUint32(8, n, true)
  out.set(kinds, HEADER)
  let at = HEADER + n
  for (let i = 0; i < 2 * n; i++, at += 2) view.setUint16(at, lengths[i], true)
  for (const b of body) {
    out.set(b, at)
    at += b.length
  }
  return out
}

/** The rank table in a rank file; throws a RangeError for anything that is not one. */
export function decodeRankFile(file: Uint8Array): RankFileTable {
  if (file.length < HEADER || MAGIC.some((m, i) => file[i] !== m)) throw new RangeError('Not a rank file')
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength)
  if (view.getUint32(4, true) !== VERSION) throw new RangeError('Unknown rank file version')
  const n = view.getUint32(8, true)
  const lengthsAt = HEADER + n
  const textAt = lengthsAt + 4 * n
  if (file.length < textAt) throw new RangeError('Rank file cut short')
  const kinds = file.subarray(HEADER, lengthsAt)
  const byteLengths = new Uint16Array(n)
  const utf16Lengths = new Uint16Array(n)
  let textBytes = 0
  for (let id = 0, at = lengthsAt; id < n; id++, at += 4) {
    byteLengths[id] = view.getUint16(at, true)
    utf16Lengths[id] = view.getUint16(at + 2, true)
    if (kinds[id] === 1) textBytes += byteLengths[id]
  }
  // Every text token's bytes are whole characters, so one decode of them all is exact.
  const text = new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(textAt, textAt + textBytes))
  const ranks: (string | Uint8Array | undefined)[] = new Array(n)
  let t = 0
  let b = textAt + textBytes
  for (let id = 0; id < n; id++) {
    const kind = kinds[id]
    if (kind === 1) {
      ranks[id] = text.slice(t, t + utf16Lengths[id])
      t += utf16Lengths[id]
    } else if (kind === 2) {
      ranks[id] = file.subarray(b, b + byteLengths[id])
      b += byteLengths[id]
    }
  }
  if (t !== text.length || b > file.length) throw new RangeError('Rank file is inconsistent')
  return { ranks: ranks as RawRanks, byteLengths }
}
