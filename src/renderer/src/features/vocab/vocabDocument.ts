import { EditorView } from '@codemirror/view'
import { useMemo } from 'react'
import { formatCount } from '@shared/text/format'
import { occurrencesOf, type TokenOccurrences } from '@shared/tools/vocabSearch'
import type { Workspace } from '../../workspace/workspace'
import { useStableCallback } from '../../ui/useStableCallback'

/** Occurrences of tokens in the current text; `complete` is false while parts are still being tokenized. */
export interface VocabOccurrences {
  counts: TokenOccurrences[]
  complete: boolean
}

/** What the vocabulary panel asks of the document: how often tokens occur, and to select one. */
export interface VocabDocument {
  /** Occurrences of each id in the text as tokenized now, or null before the first tokens. */
  occurrences(ids: readonly number[]): VocabOccurrences | null
  /** Selects the first occurrence of `id` in the editor and says what happened. */
  findFirst(id: number): string
}

/** The vocabulary panel's view of the editor and its tokens (stable callbacks for a memoized panel). */
export function useVocabDocument(ws: Workspace): VocabDocument {
  const { viewRef, streamRef } = ws
  const occurrences = useStableCallback((ids: readonly number[]): VocabOccurrences | null => {
    const tokens = streamRef.current?.current
    return tokens ? { counts: occurrencesOf(tokens, ids), complete: tokens.pending === 0 } : null
  })
  const findFirst = useStableCallback((id: number): string => {
    const view = viewRef.current
    const tokens = streamRef.current?.current
    if (!view || !tokens) return 'The text is not tokenized yet.'
    const [{ first }] = occurrencesOf(tokens, [id])
    if (first < 0) return `Token ${formatCount(id)} does not occur in the text${tokens.pending > 0 ? ' tokenized so far' : ''}.`
    const from = tokens.start(first)
    const to = tokens.end(first)
    // Focus stays in the panel (the next result is one arrow key away); the editor draws the selection.
    view.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: 'center' }), userEvent: 'select.vocabulary' })
    const line = view.state.doc.lineAt(from)
    return `Selected the first occurrence of token ${formatCount(id)}: line ${formatCount(line.number)}, column ${formatCount(from - line.from + 1)}.`
  })
  return useMemo(() => ({ occurrences, findFirst }), [occurrences, findFirst])
}
