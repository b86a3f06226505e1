// Test-only: independent oracles for the catalog's tokenizers. Hugging Face's Rust
// `tokenizers` (npm, prebuilt) for tokenizer.json files; tiktoken (Rust, WASM) for
// Anthropic's legacy claude.json, which Anthropic's own package runs with tiktoken.
import { readFileSync } from 'node:fs'
import { Tiktoken } from 'tiktoken/lite'
import { Tokenizer as RustTokenizer } from 'tokenizers'
import type { SpecialMode } from '../tokenizer/specialTokens'
import { CLAUDE_LEGACY_ASSET } from '../tokenizer/catalog'
import { oracleTokenizerPath, sourcePath } from './bundledSources'

/** Ids of a text as the reference implementation gives them (no BOS or other template tokens). */
export type OracleEncode = (text: string, mode: SpecialMode) => Promise<number[]>

/** The oracle of a bundled tokenizer and a way to free it. */
export interface Oracle {
  encode: OracleEncode
  free(): void
}

/**
 * Rust `tokenizers` from the tokenizer.json; for mode 'text' a second copy whose special
 * added tokens can never match (their text gets a U+10FFFF prefix; removing them would
 * renumber the later ones). Non-special ones stay: the Rust encoder always matches them.
 */
function hfOracle(id: string): Oracle {
  const source = readFileSync(oracleTokenizerPath(id), 'utf8')
  const json = JSON.parse(source) as { added_tokens: { special: boolean; content: string }[] }
  const withSpecials = RustTokenizer.fromString(source)
  const unmatchable = json.added_tokens.map((t) => (t.special ? { ...t, content: `\u{10FFFF}${t.content}` } : t))
  const textOnly = RustTokenizer.fromString(JSON.stringify({ ...json, added_tokens: unmatchable }))
  return {
    encode: async (text, mode) => (await (mode === 'special' ? withSpecials : textOnly).encode(text, null, { addSpecialTokens: false })).getIds(),
    free: () => undefined,
  }
}

/** tiktoken with claude.json, after NFKC as Anthropic's countTokens does. */
function claudeOracle(): Oracle {
  const file = JSON.parse(readFileSync(sourcePath(CLAUDE_LEGACY_ASSET), 'utf8')) as { bpe_ranks: string; special_tokens: Record<string, number>; pat_str: string }
  const enc = new Tiktoken(file.bpe_ranks, file.special_tokens, file.pat_str)
  return {
    encode: (text, mode) => Promise.resolve(Array.from(mode === 'special' ? enc.encode(text.normalize('NFKC'), 'all') : enc.encode_ordinary(text.normalize('NFKC')))),
    free: () => enc.free(),
  }
}

/** The oracle for catalog id `id` (bundled, non-OpenAI tokenizers). */
export function oracleForTokenizer(id: string): Oracle {
  return id === 'claude-legacy' ? claudeOracle() : hfOracle(id)
}
