import { useEffect, useMemo, useRef } from 'react'
import { CompareClient } from './compareClient'

/** The Compare panel's two warm workers (one counts in every encoding, one aligns two), started on first use. */
export interface CompareClients {
  /** The clients, started if they are not running. */
  get(): { counter: CompareClient; aligner: CompareClient }
  /** Ends both workers and frees their encodings' memory (the next `get` starts them again). */
  dispose(): void
}

/** Owns the Compare workers' lifetime: they start on first use and end with the component. */
export function useCompareClients(): CompareClients {
  const counter = useRef<CompareClient | null>(null)
  const aligner = useRef<CompareClient | null>(null)
  const clients = useMemo<CompareClients>(
    () => ({
      get: () => {
        counter.current ??= new CompareClient()
        aligner.current ??= new CompareClient()
        return { counter: counter.current, aligner: aligner.current }
      },
      dispose: () => {
        counter.current?.dispose()
        aligner.current?.dispose()
      },
    }),
    [],
  )
  useEffect(() => () => clients.dispose(), [clients])
  return clients
}
