import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { SpecialMode } from '@shared/tokenizer/specialTokens'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'
import { LanguagesClient } from './languagesClient'
import type { LanguageInfo, LanguagesResponse } from './languagesProtocol'

/** The corpus as the page holds it: languages in corpus order and their character counts. */
export interface LanguagesCorpus {
  source: string
  languages: LanguageInfo[]
  characters: number[]
}

/** What the Languages lab knows so far. */
export interface LanguagesState {
  corpus: LanguagesCorpus | null
  /** Token counts per tokenizer (corpus order; undefined where not counted yet) for the mode asked for. */
  counts: ReadonlyMap<TokenizerId, readonly (number | undefined)[]>
  /** The tokenizer being counted and how far (null when idle). */
  progress: { tokenizer: TokenizerId; done: number; total: number } | null
  /** Tokenizers that could not be loaded, with why. */
  failed: ReadonlyMap<TokenizerId, string>
  /** The corpus could not be read. */
  error: string | null
  /** A translation's text (from the worker). */
  textOf(code: string): Promise<string>
}

/**
 * Counts the UDHR corpus with each of `tokenizers` (in order: the first is counted first) in
 * `mode`, in the lab's worker, which starts with the hook and ends with it.
 */
export function useLanguages(tokenizers: readonly TokenizerId[], mode: SpecialMode): LanguagesState {
  const clientRef = useRef<LanguagesClient | null>(null)
  const [corpus, setCorpus] = useState<LanguagesCorpus | null>(null)
  const [counts, setCounts] = useState<{ mode: SpecialMode; byTokenizer: Map<TokenizerId, readonly (number | undefined)[]> }>({ mode, byTokenizer: new Map() })
  const [progress, setProgress] = useState<LanguagesState['progress']>(null)
  const [failed, setFailed] = useState<Map<TokenizerId, string>>(new Map())
  const [error, setError] = useState<string | null>(null)
  const key = tokenizers.join('\n')

  useEffect(() => {
    const client = new LanguagesClient()
    clientRef.current = client
    return () => {
      client.dispose()
      clientRef.current = null
    }
  }, [])

  useEffect(() => {
    const client = clientRef.current
    if (!client) return
    const ids = key.split('\n').filter(Boolean)
    client.count({ type: 'count', tokenizers: ids, mode }, (msg: LanguagesResponse) => {
      switch (msg.type) {
        case 'corpus':
          setCorpus((c) => c ?? { source: msg.source, languages: msg.languages, characters: msg.characters })
          setError(null)
          return
        case 'progress':
          setProgress({ tokenizer: msg.tokenizer, done: msg.done, total: msg.total })
          if (msg.indices.length === 0) return
          setCounts((c) => {
            const byTokenizer = new Map(c.mode === msg.mode ? c.byTokenizer : [])
            const tokens = [...(byTokenizer.get(msg.tokenizer) ?? new Array<number | undefined>(msg.total))]
            msg.indices.forEach((at, k) => (tokens[at] = msg.tokens[k]))
            byTokenizer.set(msg.tokenizer, tokens)
            return { mode: msg.mode, byTokenizer }
          })
          return
        case 'counts':
          setCounts((c) => {
            const byTokenizer = new Map(c.mode === msg.mode ? c.byTokenizer : [])
            byTokenizer.set(msg.tokenizer, msg.tokens)
            return { mode: msg.mode, byTokenizer }
          })
          setFailed((f) => (f.has(msg.tokenizer) ? new Map([...f].filter(([id]) => id !== msg.tokenizer)) : f))
          return
        case 'tokenizerError':
          setFailed((f) => new Map(f).set(msg.tokenizer, msg.message))
          return
        case 'done':
          setProgress(null)
          return
        case 'error':
          setProgress(null)
          setError(msg.message)
          return
      }
    })
  }, [key, mode])

  const textOf = useCallback((code: string) => clientRef.current?.text(code) ?? Promise.reject(new Error('The languages worker is not running.')), [])
  const shownCounts = useMemo(() => (counts.mode === mode ? counts.byTokenizer : new Map<TokenizerId, readonly (number | undefined)[]>()), [counts, mode])
  return { corpus, counts: shownCounts, progress, failed, error, textOf }
}
