import { isSafeCut, isSafeWordCut } from './chunking'
import type { AddedToken } from './addedTokens'
import type { ChunkCutRule } from './tokenizer'

/**
 * Cut rules of tokenizers whose pre-tokenizer ends a piece at a newline before a letter and
 * at a non-word character after a letter, like tiktoken's patterns (Llama 3, Qwen 3,
 * DeepSeek V3, Mistral Nemo's Tekken): the OpenAI rules of chunking.ts, property-tested
 * against whole-text encoding for each of them (catalogOracle tests).
 */
export const REGEX_SPLIT_CUTS: ChunkCutRule = { isSafeCut, isSafeWordCut }

/**
 * Only the newline rule: for a tokenizer whose normalizer (NFKC) can turn a non-word
 * character after a letter into letters (U+338F '㎏' becomes 'kg'), which breaks the word rule.
 */
export const NEWLINE_CUTS: ChunkCutRule = { isSafeCut }

/**
 * For a tokenizer that has no pre-tokenizer split worth the name (Gemma 3 encodes each text
 * between added tokens as one piece) but whose added tokens take every newline run: a cut
 * after a newline and before a non-newline always falls between two added-token splits.
 * Valid only when every added token containing a newline is newlines only and "\n" is one
 * (checked here; null otherwise).
 */
export function addedNewlineCuts(added: readonly AddedToken[]): ChunkCutRule | null {
  const withNewline = added.filter((t) => !t.special && t.content.includes('\n'))
  if (!withNewline.some((t) => t.content === '\n')) return null
  if (added.some((t) => t.content.includes('\n') && (t.special || !/^\n+$/.test(t.content)))) return null
  return {
    isSafeCut: (text, i) => i > 0 && i < text.length && text.charCodeAt(i - 1) === 10 && text.charCodeAt(i) !== 10,
  }
}
