/**
 * Models of the bundled non-OpenAI tokenizers (src/shared/tokenizer/catalog.ts), with their
 * context window and largest reply as their publishers state them. Each row names its source
 * (model card or API documentation) so a number can be checked and updated.
 *
 * Open-weight models list the window of the published weights; where a provider's API allows
 * less (or a longer reply), an API name gets its own row with that provider's limits.
 * Qwen 3 lists the native window (32,768): the model cards give 131,072 only with YaRN
 * rope scaling switched on by the user.
 */

/** One model row: [name, tokenizer id, context window, max output or null, source URL, note?]. */
type CardRow = readonly [name: string, tokenizer: string, contextWindow: number, maxOutput: number | null, source: string, note?: string]

const LLAMA3 = 'https://github.com/meta-llama/llama3/blob/main/MODEL_CARD.md'
const LLAMA31 = 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/MODEL_CARD.md'
const LLAMA32 = 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/MODEL_CARD.md'
const LLAMA33 = 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_3/MODEL_CARD.md'
const QWEN3 = 'https://huggingface.co/Qwen/Qwen3-8B'
const QWEN3_NOTE = '32,768 tokens natively; 131,072 with YaRN rope scaling (the model card says how to enable it).'
const DEEPSEEK_V3 = 'https://huggingface.co/deepseek-ai/DeepSeek-V3'
const DEEPSEEK_R1 = 'https://huggingface.co/deepseek-ai/DeepSeek-R1'
const DEEPSEEK_API = 'https://api-docs.deepseek.com/quick_start/pricing'
const GEMMA3 = 'https://ai.google.dev/gemma/docs/core/model_card_3'
const MISTRAL_NEMO = 'https://huggingface.co/mistralai/Mistral-Nemo-Instruct-2407'
const MISTRAL_API = 'https://docs.mistral.ai/getting-started/models/models_overview/'
const CLAUDE = 'https://docs.claude.com/en/docs/about-claude/models/overview'

const K128 = 131_072
const ROWS: readonly CardRow[] = [
  // Meta Llama: one 128,256-token vocabulary for every 3.x model; 3.1 and later ('llama3.1') have
  // their own chat template (date lines, tools) and special-token names (<|eom_id|>, <|python_tag|>).
  ['llama-3-8b-instruct', 'llama3', 8_192, null, LLAMA3],
  ['llama-3-70b-instruct', 'llama3', 8_192, null, LLAMA3],
  ['llama-3.1-8b-instruct', 'llama3.1', K128, null, LLAMA31],
  ['llama-3.1-70b-instruct', 'llama3.1', K128, null, LLAMA31],
  ['llama-3.1-405b-instruct', 'llama3.1', K128, null, LLAMA31],
  ['llama-3.2-1b-instruct', 'llama3.1', K128, null, LLAMA32],
  ['llama-3.2-3b-instruct', 'llama3.1', K128, null, LLAMA32],
  ['llama-3.3-70b-instruct', 'llama3.1', K128, null, LLAMA33],
  // Qwen 3 (dense and mixture-of-experts; the April 2025 releases).
  ['qwen3-0.6b', 'qwen3', 32_768, null, 'https://huggingface.co/Qwen/Qwen3-0.6B', 'No YaRN extension listed for this size.'],
  ['qwen3-1.7b', 'qwen3', 32_768, null, 'https://huggingface.co/Qwen/Qwen3-1.7B', 'No YaRN extension listed for this size.'],
  ['qwen3-4b', 'qwen3', 32_768, null, 'https://huggingface.co/Qwen/Qwen3-4B', QWEN3_NOTE],
  ['qwen3-8b', 'qwen3', 32_768, null, QWEN3, QWEN3_NOTE],
  ['qwen3-14b', 'qwen3', 32_768, null, 'https://huggingface.co/Qwen/Qwen3-14B', QWEN3_NOTE],
  ['qwen3-32b', 'qwen3', 32_768, null, 'https://huggingface.co/Qwen/Qwen3-32B', QWEN3_NOTE],
  ['qwen3-30b-a3b', 'qwen3', 32_768, null, 'https://huggingface.co/Qwen/Qwen3-30B-A3B', QWEN3_NOTE],
  ['qwen3-235b-a22b', 'qwen3', 32_768, null, 'https://huggingface.co/Qwen/Qwen3-235B-A22B', QWEN3_NOTE],
  // DeepSeek: the open weights, then the API's names (their own limits).
  ['deepseek-v3', 'deepseek-v3', 128_000, null, DEEPSEEK_V3, 'The open weights; DeepSeek’s API (deepseek-chat) has its own limits.'],
  ['deepseek-r1', 'deepseek-v3', 128_000, null, DEEPSEEK_R1, 'The open weights; DeepSeek’s API (deepseek-reasoner) has its own limits.'],
  ['deepseek-chat', 'deepseek-v3', 128_000, 8_000, DEEPSEEK_API, 'DeepSeek API (non-thinking mode): 4K reply by default, 8K at most. Earlier API versions allowed a 64K window.'],
  ['deepseek-reasoner', 'deepseek-v3', 128_000, 64_000, DEEPSEEK_API, 'DeepSeek API (thinking mode): 32K reply by default, 64K at most, reasoning included. Earlier API versions allowed a 64K window.'],
  // Google Gemma 3: 8,192 output tokens for every size.
  ['gemma-3-270m', 'gemma3', 32_768, 8_192, 'https://ai.google.dev/gemma/docs/core/model_card_3'],
  ['gemma-3-1b-it', 'gemma3', 32_768, 8_192, GEMMA3],
  ['gemma-3-4b-it', 'gemma3', K128, 8_192, GEMMA3],
  ['gemma-3-12b-it', 'gemma3', K128, 8_192, GEMMA3],
  ['gemma-3-27b-it', 'gemma3', K128, 8_192, GEMMA3],
  // Mistral Nemo (Tekken tokenizer).
  ['mistral-nemo-instruct-2407', 'mistral-nemo', 128_000, null, MISTRAL_NEMO],
  ['open-mistral-nemo', 'mistral-nemo', 128_000, null, MISTRAL_API, 'Mistral’s API name for Mistral Nemo.'],
  // Anthropic Claude: 200K windows (Sonnet 4 and 4.5 reach 1M in a beta); the tokenizer is the legacy one.
  ['claude-opus-4-5', 'claude-legacy', 200_000, 64_000, CLAUDE],
  ['claude-sonnet-4-5', 'claude-legacy', 200_000, 64_000, CLAUDE, 'A 1M-token window is in beta (prompts past 200K cost more).'],
  ['claude-haiku-4-5', 'claude-legacy', 200_000, 64_000, CLAUDE],
  ['claude-opus-4-1', 'claude-legacy', 200_000, 32_000, CLAUDE],
  ['claude-opus-4', 'claude-legacy', 200_000, 32_000, CLAUDE],
  ['claude-sonnet-4', 'claude-legacy', 200_000, 64_000, CLAUDE, 'A 1M-token window is in beta (prompts past 200K cost more).'],
  ['claude-3-7-sonnet', 'claude-legacy', 200_000, 64_000, CLAUDE, '128K output with the output-128k beta header.'],
  ['claude-3-5-sonnet', 'claude-legacy', 200_000, 8_192, CLAUDE],
  ['claude-3-5-haiku', 'claude-legacy', 200_000, 8_192, CLAUDE],
  ['claude-3-opus', 'claude-legacy', 200_000, 4_096, CLAUDE],
  ['claude-3-haiku', 'claude-legacy', 200_000, 4_096, CLAUDE],
]

/** Why Claude counts are estimates (the catalog says the same of the claude-legacy tokenizer). */
export const CLAUDE_APPROXIMATE =
  'Counted with Anthropic’s legacy tokenizer (Claude 2 and earlier): Claude 3 and later use an unpublished tokenizer, so counts are estimates.'

/** A model card row as the fields ModelInfo takes beyond name and tokenizer. */
export interface CardModel {
  name: string
  /** Catalog id of the model's tokenizer. */
  encoding: string
  contextWindow: number
  maxOutput: number | null
  /** Where the window and output numbers come from. */
  source: string
  /** What else to know about the numbers (scaling, API limits). */
  note?: string
  /** Set when counts are estimates for this model; says why. */
  approximate?: string
}

/** The models of the non-OpenAI tokenizers, in the order above. */
export const CARD_MODELS: readonly CardModel[] = ROWS.map(([name, encoding, contextWindow, maxOutput, source, note]) => ({
  name,
  encoding,
  contextWindow,
  maxOutput,
  source,
  ...(note ? { note } : {}),
  ...(encoding === 'claude-legacy' ? { approximate: CLAUDE_APPROXIMATE } : {}),
}))
