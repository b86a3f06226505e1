/** What a token count needs for the guard: how many of its chunks wait for tokens. */
export interface PendingCount {
  pending: number
}

/** True while part of the text still waits for its tokens, so counts and token lists are not final. */
export function stillCounting(tokens: PendingCount | null | undefined, editorPending = false): boolean {
  return !tokens || tokens.pending > 0 || editorPending
}

/** The one message for an action that needs the final count; `retry` says what to do again ("export", "split"). */
export function stillCountingMessage(retry: string): string {
  return `Tokenizing is still under way; ${retry} again when the count is final.`
}

/**
 * The guard every action needing the final count runs first: while counting it reports the
 * message (as a warning) and returns false; otherwise it returns true and reports nothing.
 */
export function requireFinalCount(
  tokens: PendingCount | null | undefined,
  retry: string,
  report: (message: { tone: 'warning'; text: string }) => void,
  editorPending = false,
): boolean {
  if (!stillCounting(tokens, editorPending)) return true
  report({ tone: 'warning', text: stillCountingMessage(retry) })
  return false
}
