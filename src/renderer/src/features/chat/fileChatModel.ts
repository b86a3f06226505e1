import type { ModelInfo } from '@shared/models/models'
import type { OpenedTokenizerChoice } from '@shared/tokenizer/tokenizerId'

/** The tokenizer opened from a file, as the chat offers it: with whether its tokenizer_config.json has a chat template. */
export type ChatOpenedTokenizer = OpenedTokenizerChoice & { hasChatTemplate: boolean }

/**
 * The chat's entry for the tokenizer opened from a file: a "model" of that tokenizer with no
 * known window (a tokenizer file names none, so no window meter), counted with the file's
 * own chat template when it has one (chat.worker.ts reads it from the registered bytes).
 */
export function fileChatModel(opened: ChatOpenedTokenizer): ModelInfo {
  return { name: `${opened.name} (tokenizer file)`, encoding: opened.id, contextWindow: 0, maxOutput: null, chat: opened.hasChatTemplate }
}
