// Test-only helper: tiktoken (Rust BPE compiled to WASM) as an independent oracle.
import { get_encoding, type Tiktoken, type TiktokenEncoding } from 'tiktoken'
import type { EncodingName } from '../encodings'

const open = new Map<string, Tiktoken>()

/** tiktoken's encoding for ours (o200k_harmony's ordinary tokens are o200k_base's). */
export function oracleFor(name: EncodingName): Tiktoken {
  const tk: TiktokenEncoding = name === 'o200k_harmony' ? 'o200k_base' : name
  let enc = open.get(tk)
  if (!enc) {
    enc = get_encoding(tk)
    open.set(tk, enc)
  }
  return enc
}

/** tiktoken ids for text with special-token strings encoded as ordinary text. */
export function oracleOrdinary(name: EncodingName, text: string): number[] {
  return Array.from(oracleFor(name).encode_ordinary(text))
}

/** tiktoken ids with every special token recognised as special. */
export function oracleWithSpecial(name: EncodingName, text: string): number[] {
  return Array.from(oracleFor(name).encode(text, 'all'))
}

/** Frees every oracle opened so far. */
export function freeOracles(): void {
  for (const enc of open.values()) enc.free()
  open.clear()
}
