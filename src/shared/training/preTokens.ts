import { utf8ByteString } from '../tokenizer/bpe/bpeEncoder'
import { GPT2_PATTERN } from '../tokenizer/hf/preTokenizer'
import { forEachPiece } from '../tokenizer/openai/splitPatterns'

/** The split patterns a tokenizer can be trained with: how text is cut into pre-tokens before any merge. */
export const SPLIT_PATTERNS = ['gpt2', 'cl100k', 'o200k', 'none'] as const

/** One of SPLIT_PATTERNS. */
export type SplitPatternName = (typeof SPLIT_PATTERNS)[number]

/** What each split pattern is called in the UI and the command line's help. */
export const SPLIT_PATTERN_LABELS: Record<SplitPatternName, string> = {
  gpt2: 'GPT-2 (words, numbers, punctuation)',
  cl100k: 'cl100k style (digits in threes)',
  o200k: 'o200k style (cased word parts)',
  none: 'None (whole text, merges cross words)',
}

/** True when `value` names a split pattern. */
export function isSplitPatternName(value: unknown): value is SplitPatternName {
  return typeof value === 'string' && (SPLIT_PATTERNS as readonly string[]).includes(value)
}

/** cl100k_base's pattern in the syntax a tokenizer.json holds (also Llama 3's). */
export const CL100K_PATTERN = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+"

/** o200k_base's pattern in the syntax a tokenizer.json holds. */
export const O200K_PATTERN = [
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
  '\\p{N}{1,3}',
  ' ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*',
  '\\s*[\\r\\n]+',
  '\\s+(?!\\S)',
  '\\s+',
].join('|')

/** The tokenizer.json pattern of each split (GPT-2's is the ByteLevel step's own regex). */
export const SPLIT_REGEX: Record<SplitPatternName, string | null> = { gpt2: GPT2_PATTERN, cl100k: CL100K_PATTERN, o200k: O200K_PATTERN, none: null }

/** The tiktoken encoding whose scanner (pinned Unicode classes, splitPatterns.ts) cuts text for each split. */
const SCANNER = { gpt2: 'r50k_base', cl100k: 'cl100k_base', o200k: 'o200k_base' } as const

/**
 * Counts pre-tokens: each distinct piece of the texts, as its UTF-8 bytes in a byte string
 * (one UTF-16 unit per byte; a lone surrogate becomes U+FFFD's bytes, as the Rust library sees
 * it), with how often it occurs. With 'none' each text is one piece. Pieces are keyed by their
 * bytes, so two texts that differ only in lone surrogates count as one.
 */
export class PreTokenCounter {
  /** Occurrences of each piece, by its text (converted to bytes once per distinct piece, in `counts`). */
  private readonly pieces = new Map<string, number>()
  private bytes: Map<string, number> | null = null
  /** Characters read so far. */
  characters = 0

  constructor(readonly pattern: SplitPatternName) {}

  /** Adds one text (a file, or the editor's text). */
  add(text: string): void {
    this.characters += text.length
    this.bytes = null
    const pieces = this.pieces
    if (text.length === 0) return
    if (this.pattern === 'none') pieces.set(text, (pieces.get(text) ?? 0) + 1)
    else
      forEachPiece(SCANNER[this.pattern], text, (start, end) => {
        const piece = text.slice(start, end)
        pieces.set(piece, (pieces.get(piece) ?? 0) + 1)
      })
  }

  /** Occurrences of each pre-token, by its bytes as a byte string (in first-seen order). */
  get counts(): ReadonlyMap<string, number> {
    if (this.bytes) return this.bytes
    const out = new Map<string, number>()
    for (const [piece, n] of this.pieces) {
      const bytes = utf8ByteString(piece)
      out.set(bytes, (out.get(bytes) ?? 0) + n)
    }
    this.bytes = out
    return out
  }
}
