/**
 * Pre-tokenizer split patterns whose chunk cut rule is proven: each is the pattern (or, for
 * DeepSeek, the sequence of patterns) of a bundled tokenizer, whose oracle suite checks
 * REGEX_SPLIT_CUTS against Hugging Face's Rust implementation, plus GPT-2's ByteLevel pattern
 * (checked on a Llama 3 variant in deriveChunkCuts.test.ts). A tokenizer.json opened from
 * disk with one of these gets the same rule; any other pattern gets none (deriveChunkCuts.ts).
 */
import { GPT2_PATTERN } from './preTokenizer'

/** Llama 3 (and 3.1+): tiktoken cl100k-like, digits in threes. */
const LLAMA3 = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+"
/** Qwen 2 / 2.5 / 3: as Llama 3 with single digits. */
const QWEN = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+"
/** DeepSeek V3 / R1: digits, CJK runs, then words and punctuation (three Splits in sequence). */
const DEEPSEEK_V3 = [
  '\\p{N}{1,3}',
  '[一-龥぀-ゟ゠-ヿ]+',
  "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\r\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+| ?[\\p{P}\\p{S}]+[\r\n]*|\\s*[\r\n]+|\\s+(?!\\S)|\\s+",
]
/** Mistral Nemo (Tekken): cased word parts, single digits. */
const TEKKEN =
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+"

/** The split sequences (patterns in the order they apply, as tokenizer.json writes them) that REGEX_SPLIT_CUTS is proven for. */
export const TIKTOKEN_LIKE_SPLITS: readonly (readonly string[])[] = [[LLAMA3], [QWEN], DEEPSEEK_V3, [TEKKEN], [GPT2_PATTERN]]

/** True when `patterns` is exactly one of TIKTOKEN_LIKE_SPLITS. */
export function isTiktokenLikeSplit(patterns: readonly string[]): boolean {
  return TIKTOKEN_LIKE_SPLITS.some((known) => known.length === patterns.length && known.every((p, i) => p === patterns[i]))
}
