import { CHUNK_CHARS, type TokenTable } from '@shared/document/tokenize'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import type { ChunkCutRule, Tokenizer } from '@shared/tokenizer/tokenizer'

/** Inside a line, a word cut is taken only this many times minChars past the chunk start (as chunking.ts does). */
const LONG_LINE_FACTOR = 2

/**
 * The chunks of `text` at least `minChars` long (but the last), cut only where `rule` allows:
 * the first safe line-start cut at or after start + minChars, or inside a long line a safe
 * word cut LONG_LINE_FACTOR * minChars on. Without a rule the text is one chunk. With the
 * OpenAI rules this gives the app's cuts (documentModel.cutText; tested).
 */
export function cutByRule(text: string, rule: ChunkCutRule | null, minChars: number): { start: number; end: number }[] {
  if (text.length === 0) return []
  if (rule === null) return [{ start: 0, end: text.length }]
  const chunks: { start: number; end: number }[] = []
  for (let pos = 0; pos < text.length; ) {
    let end = text.length
    for (let from = pos + minChars; from < text.length; ) {
      const nl = text.indexOf('\n', from - 1)
      if (nl < 0 || nl + 1 >= text.length) break
      if (rule.isSafeCut(text, nl + 1)) {
        end = nl + 1
        break
      }
      from = nl + 2
    }
    if (rule.isSafeWordCut) {
      for (let i = pos + LONG_LINE_FACTOR * minChars; i < end; i++) {
        if (rule.isSafeWordCut(text, i)) {
          end = i
          break
        }
      }
    }
    chunks.push({ start: pos, end })
    pos = end
  }
  return chunks
}

/** Ids of one piece: special-token strings as text (mode 'text') or as their ids. */
function pieceIds(tokenizer: Tokenizer, piece: string, mode: SpecialMode): ArrayLike<number> {
  if (piece.length === 0) return []
  return mode === 'text' ? tokenizer.encodeOrdinary(piece) : tokenizer.tokenize(piece, mode).ids
}

/**
 * Token count of `text`, encoded chunk by chunk at the tokenizer's safe cuts (whole when it
 * has none): the number the app shows.
 */
export function countTokens(text: string, tokenizer: Tokenizer, mode: SpecialMode): number {
  let tokens = 0
  for (const { start, end } of cutByRule(text, tokenizer.chunkCuts, CHUNK_CHARS)) tokens += pieceIds(tokenizer, text.slice(start, end), mode).length
  return tokens
}

/** Token ids of `text` (chunked as countTokens). */
export function encodeAll(text: string, tokenizer: Tokenizer, mode: SpecialMode): number[] {
  const ids: number[] = []
  for (const { start, end } of cutByRule(text, tokenizer.chunkCuts, CHUNK_CHARS)) for (const id of Array.from(pieceIds(tokenizer, text.slice(start, end), mode))) ids.push(id)
  return ids
}

/**
 * The tokens of `text` with their spans in the original text (through any normalizer), as
 * one table: each chunk tokenized with the tokenizer's own spans, then joined.
 */
export function tokenTable(text: string, tokenizer: Tokenizer, mode: SpecialMode): TokenTable {
  const parts = cutByRule(text, tokenizer.chunkCuts, CHUNK_CHARS).map(({ start, end }) => ({ start, tokens: tokenizer.tokenize(text.slice(start, end), mode) }))
  const n = parts.reduce((sum, p) => sum + p.tokens.ids.length, 0)
  const ids = new Uint32Array(n)
  const starts = new Uint32Array(n + 1)
  const flags = new Uint8Array(n)
  let at = 0
  for (const { start, tokens } of parts) {
    const count = tokens.ids.length
    ids.set(tokens.ids, at)
    flags.set(tokens.flags, at)
    for (let i = 0; i < count; i++) starts[at + i] = tokens.starts[i] + start
    at += count
  }
  starts[n] = text.length
  return { ids, starts, flags }
}
