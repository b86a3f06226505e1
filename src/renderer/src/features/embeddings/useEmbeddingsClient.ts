import { useEffect, useState } from 'react'
import { EmbeddingsClient, type ModelState } from './embeddingsClient'

/** One EmbeddingsClient owned by the panel (its worker starts on the first job and ends on unmount), and the model's state. */
export function useEmbeddingsClient(): { client: EmbeddingsClient; model: ModelState } {
  const [model, setModel] = useState<ModelState>({ status: 'idle' })
  const [client] = useState(() => new EmbeddingsClient(setModel))
  useEffect(() => () => client.dispose(), [client])
  return { client, model }
}
