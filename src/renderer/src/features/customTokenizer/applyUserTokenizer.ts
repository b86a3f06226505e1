import type { UserTokenizerDescription, UserTokenizerFiles } from '@shared/tokenizer/userTokenizer'
import { nextOpenedTokenizerId, type TokenizerId } from '@shared/tokenizer/tokenizerId'
import { setOpenedTokenizer } from '../../tokens/openedTokenizer'
import type { Workspace } from '../../workspace/workspace'

/** A tokenizer from disk that passed the check: its bytes, as read, and what it is. */
export interface CheckedUserTokenizer {
  files: UserTokenizerFiles
  description: UserTokenizerDescription
}

/** Tokenizers opened so far, by name (each file gets its own id: the worker keeps a loaded tokenizer by id). */
const openedByName = new Map<string, number>()

/**
 * Makes a checked user tokenizer the one the editor counts with: hands its bytes to the
 * tokenizer worker (which builds it in the coordinator and every helper under a new id) and
 * to the panels' workers (tokens/openedTokenizer.ts), and
 * selects that id, the way the Tokenizer picker switches. A file the worker cannot build is
 * reported by the worker, and the tokenizer in use stays. Resolves to null once asked, else
 * to why the tokenizer in use did not change.
 */
export async function applyUserTokenizer(ws: Workspace, tokenizer: CheckedUserTokenizer, select: (id: TokenizerId) => void): Promise<{ id: TokenizerId } | { problem: string }> {
  const client = ws.clientRef.current
  if (!client) return { problem: 'The tokenizer is not running, so the tokenizer in use stays.' }
  const id = nextOpenedTokenizerId(tokenizer.description.name, openedByName)
  const bytes = { id, name: tokenizer.description.name, json: tokenizer.files.tokenizer, config: tokenizer.files.config ?? undefined }
  client.register(bytes)
  // The panels' own workers (compare, decode, vocabulary, chat) get it too.
  setOpenedTokenizer(bytes)
  select(id)
  return { id }
}
