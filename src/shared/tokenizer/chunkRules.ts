import { isSafeCut, isSafeWordCut } from './chunking'
import type { AddedToken } from './addedTokens'
import type { ChunkCutRule } from './tokenizer'

/**
 * Cut rules of tokenizers whose pre-tokenizer ends a piece at a newline before a letter and
 * at a non-word character after a letter, like tiktoken's patterns (Llama 3, Qwen 3,
 * DeepSeek V3, Mistral Nemo's Tekken): the OpenAI rules of chunking.ts, property-tested
 * against whole-text encoding for each of them (oracle suites). hf/deriveChunkCuts.ts picks
 * these rules for a tokenizer.json.
 */
export const REGEX_SPLIT_CUTS: ChunkCutRule = { isSafeCut, isSafeWordCut }

/**
 * `rule` for a tokenizer whose normalizer works character by character but may end a letter
 * with a mark: under NFC, U+0958 'क़' becomes 'क' + U+093C (a composition exclusion), and
 * lower-casing turns 'İ' into 'i' + U+0307; the split patterns then glue that mark to the
 * punctuation after it, across a word cut. A word cut is kept only where it is one in the
 * normalized text too (the characters either side normalized alone; a character that composes
 * with the one before it is a mark or a letter, which no word cut precedes).
 */
export function normalizedWordCuts(rule: ChunkCutRule, normalize: (s: string) => string): ChunkCutRule {
  const wordCut = rule.isSafeWordCut
  if (!wordCut) return rule
  return {
    ...rule,
    isSafeWordCut(text, i) {
      if (!wordCut(text, i)) return false
      const before = String.fromCodePoint(text.codePointAt(i >= 2 && (text.charCodeAt(i - 1) & 0xfc00) === 0xdc00 ? i - 2 : i - 1)!)
      const after = String.fromCodePoint(text.codePointAt(i)!)
      const a = normalize(before)
      return wordCut(a + normalize(after), a.length)
    },
  }
}

/**
 * Cuts before a space, for a Metaspace pre-tokenizer that splits before each '▁' (a space
 * after the normalizer): the piece after the cut starts with '▁', so no prefix is added to
 * it, and the whole text is split there anyway. No newline cut (a newline is no split).
 */
export const SPACE_CUTS: ChunkCutRule = {
  isSafeCut: () => false,
  isSafeWordCut: (text, i) => i > 0 && i < text.length && text.charCodeAt(i) === 0x20,
}

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
