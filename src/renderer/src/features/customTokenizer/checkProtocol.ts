import type { UserTokenizerDescription, UserTokenizerFiles } from '@shared/tokenizer/userTokenizer'

/** Asks the check worker whether the files are a tokenizer the app can run. */
export interface CheckRequest {
  files: UserTokenizerFiles
}

/** The check worker's answer: a description, or the message to show. */
export type CheckResponse = { ok: true; description: UserTokenizerDescription } | { ok: false; message: string }
