import { useEffect, useState } from 'react'
import { loadModelList, type ModelInfo } from '@shared/models/models'
import type { StatusMessage } from '../ui/StatusBar'

/** The model list, loaded just after first paint (it is not needed to start typing); null until then. */
export function useModels(setMessage: (message: StatusMessage) => void): ModelInfo[] | null {
  const [models, setModels] = useState<ModelInfo[] | null>(null)
  useEffect(() => {
    let alive = true
    const t = window.setTimeout(() => {
      loadModelList()
        .then((list) => alive && setModels(list))
        .catch(() => alive && setMessage({ tone: 'warning', text: 'The model list could not be loaded; encodings still work.' }))
    }, 50)
    return () => {
      alive = false
      window.clearTimeout(t)
    }
  }, [setMessage])
  return models
}
