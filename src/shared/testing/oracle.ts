// Test-only helper: tiktoken (Rust BPE compiled to WASM) as an independent oracle.
import { get_encoding, type Tiktoken, type TiktokenEncoding } from 'tiktoken'
import type { EncodingName } from '../tokenizer/openai/encodings'

const open = new Map<string, Tiktoken>()

/**
 * o200k_harmony's special tokens beyond o200k_base's, written out from OpenAI's published
 * definition (tiktoken_ext/openai_public.py, `o200k_harmony()`), which the tiktoken npm
 * package does not ship: named tokens, then `<|reserved_N|>` for N in [200013, 201088),
 * which names 200018 a second time (o200k_base calls it `<|endofprompt|>`).
 */
export function harmonyExtraSpecials(): Record<string, number> {
  const extra: Record<string, number> = {
    '<|startoftext|>': 199998,
    '<|reserved_200000|>': 200000,
    '<|reserved_200001|>': 200001,
    '<|return|>': 200002,
    '<|constrain|>': 200003,
    '<|reserved_200004|>': 200004,
    '<|channel|>': 200005,
    '<|start|>': 200006,
    '<|end|>': 200007,
    '<|message|>': 200008,
    '<|reserved_200009|>': 200009,
    '<|reserved_200010|>': 200010,
    '<|reserved_200011|>': 200011,
    '<|call|>': 200012,
  }
  for (let i = 200013; i < 201088; i++) extra[`<|reserved_${i}|>`] = i
  return extra
}

/** tiktoken's encoding for ours (o200k_harmony: o200k_base extended with harmony's special tokens). */
export function oracleFor(name: EncodingName): Tiktoken {
  let enc = open.get(name)
  if (!enc) {
    const tk: TiktokenEncoding = name === 'o200k_harmony' ? 'o200k_base' : name
    enc = name === 'o200k_harmony' ? get_encoding(tk, harmonyExtraSpecials()) : get_encoding(tk)
    open.set(name, enc)
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
