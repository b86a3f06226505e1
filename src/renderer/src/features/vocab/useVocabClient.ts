import { useEffect, useState } from 'react'
import { VocabClient } from './vocabClient'

/** The vocabulary panel's search worker, owned by the component (it starts on the first search and ends on unmount). */
export function useVocabClient(): VocabClient {
  const [client] = useState(() => new VocabClient())
  useEffect(() => () => client.dispose(), [client])
  return client
}
