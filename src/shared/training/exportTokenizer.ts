import { BYTE_TO_CHAR } from '../tokenizer/hf/byteLevel'
import type { LearnedMerge } from './bpeTrainer'
import { SPLIT_REGEX, type SplitPatternName } from './preTokens'

/** What an export needs from a training run: the merges in order and each token's bytes. */
export interface TrainedModel {
  merges: readonly LearnedMerge[]
  /** Token `id`'s bytes as a byte string (one UTF-16 unit per byte, 0-255). */
  tokenByteString(id: number): string
  pattern: SplitPatternName
}

/** A byte string written in GPT-2's byte-level alphabet (one printable character per byte). */
export function byteLevelString(bytes: string): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += BYTE_TO_CHAR[bytes.charCodeAt(i)]
  return out
}

/** The tokenizer.json pre-tokenizer for a split: GPT-2's is ByteLevel's own regex, the others a Split before ByteLevel. */
export function preTokenizerJson(pattern: SplitPatternName): Record<string, unknown> {
  const byteLevel = (useRegex: boolean) => ({ type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: useRegex })
  if (pattern === 'gpt2') return byteLevel(true)
  const regex = SPLIT_REGEX[pattern]
  if (regex === null) return byteLevel(false)
  return { type: 'Sequence', pretokenizers: [{ type: 'Split', pattern: { Regex: regex }, behavior: 'Isolated', invert: false }, byteLevel(false)] }
}

/**
 * A Hugging Face tokenizer.json for a trained byte-level BPE: the 256 byte tokens (ids 0-255,
 * written in GPT-2's byte-to-unicode alphabet) and one token per merge, the merges as pairs,
 * the split as the pre-tokenizer and a ByteLevel decoder. No normalizer and no special tokens.
 */
export function trainedTokenizerJson(model: TrainedModel): Record<string, unknown> {
  const vocab: Record<string, number> = {}
  for (let b = 0; b < 256; b++) vocab[BYTE_TO_CHAR[b]] = b
  const merges: [string, string][] = []
  for (const m of model.merges) {
    vocab[byteLevelString(model.tokenByteString(m.id))] = m.id
    merges.push([byteLevelString(model.tokenByteString(m.left)), byteLevelString(model.tokenByteString(m.right))])
  }
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [],
    normalizer: null,
    pre_tokenizer: preTokenizerJson(model.pattern),
    post_processor: null,
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges,
    },
  }
}

/** The tokenizer.json as text, ready to save (vocabulary and merges one entry a line). */
export function trainedTokenizerText(model: TrainedModel): string {
  return JSON.stringify(trainedTokenizerJson(model), null, 1)
}
