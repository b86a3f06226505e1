import type { UserTokenizerDescription, UserTokenizerFiles } from '@shared/tokenizer/userTokenizer'
import type { Workspace } from '../../workspace/workspace'

/** A tokenizer from disk that passed the check: its bytes, as read, and what it is. */
export interface CheckedUserTokenizer {
  files: UserTokenizerFiles
  description: UserTokenizerDescription
}

/**
 * THE SEAM for the app-wide tokenizer switch (issue 14; built on another branch): makes a
 * checked user tokenizer the one the editor counts with. At merge this configures the
 * tokenizer worker with `tokenizer.files` (the worker protocol's user-tokenizer message)
 * and selects its string id in the settings, the way the Encoding picker switches.
 * Resolves to null once switched, else to why the tokenizer in use did not change.
 */
export async function applyUserTokenizer(ws: Workspace, tokenizer: CheckedUserTokenizer): Promise<string | null> {
  void ws
  void tokenizer
  return 'Counting with an opened tokenizer comes with the tokenizer switch; the current tokenizer stays in use.'
}
