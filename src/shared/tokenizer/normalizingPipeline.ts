import type { AddedTokenSplitter } from './addedTokens'
import { normalizeWithOffsets, type NormalizerStep } from './normalizedText'
import { FLAG_SPECIAL, spansFromIds } from './tokenSpans'
import { wellFormed } from './bpe/bpeEncoder'
import type { TokenizedText } from './tokenizer'

/** A model that encodes normalized text between added tokens. */
export interface SegmentEncoder {
  /** Ids of one normalized segment (no added tokens in it). */
  encode(normalized: string): number[]
  /** UTF-8 length of token `id` in the NORMALIZED text (a '▁' counts 3, a byte-fallback token 1). */
  normByteLength(id: number): number
}

/**
 * Tokenizes `text` as a Hugging Face tokenizer does (added tokens first, then normalizer and
 * model on each segment between them), with spans in the original text: each segment's
 * spans are summed from token bytes over its normalized form and mapped back through the
 * normalizer's offsets, so they tile the original even where the normalizer changed it.
 * Lone surrogates become U+FFFD first, as the references receive them (same length, so the
 * spans still point into `text`).
 */
export function tokenizeNormalized(
  original: string,
  splitter: AddedTokenSplitter,
  steps: readonly NormalizerStep[],
  encoder: SegmentEncoder,
  isSpecial: (id: number) => boolean,
): TokenizedText {
  const text = wellFormed(original)
  const ids: number[] = []
  const starts: number[] = []
  const flags: number[] = []
  for (const seg of splitter.split(text)) {
    if (seg.specialId !== undefined) {
      ids.push(seg.specialId)
      starts.push(seg.start)
      flags.push(isSpecial(seg.specialId) ? FLAG_SPECIAL : 0)
      continue
    }
    if (seg.end === seg.start) continue
    const norm = normalizeWithOffsets(text.slice(seg.start, seg.end), steps)
    const segIds = encoder.encode(norm.text)
    const spans = spansFromIds(norm.text, segIds, encoder.normByteLength)
    for (let i = 0; i < segIds.length; i++) {
      ids.push(segIds[i])
      starts.push(seg.start + norm.toOriginal(spans.starts[i]))
      flags.push(spans.flags[i])
    }
  }
  starts.push(text.length)
  return { ids: Uint32Array.from(ids), starts: Uint32Array.from(starts), flags: Uint8Array.from(flags) }
}

/** Ids only (no spans), for counting. */
export function encodeNormalized(original: string, splitter: AddedTokenSplitter, steps: readonly NormalizerStep[], encoder: SegmentEncoder): number[] {
  const text = wellFormed(original)
  const ids: number[] = []
  for (const seg of splitter.split(text)) {
    if (seg.specialId !== undefined) ids.push(seg.specialId)
    else if (seg.end > seg.start) for (const id of encoder.encode(normalizeWithOffsets(text.slice(seg.start, seg.end), steps).text)) ids.push(id)
  }
  return ids
}

