/// <reference lib="webworker" />
// Decodes a pasted id list off the UI thread: parsing a million ids and joining their bytes
// took the window a second or more. A fresh worker per decode; it loads the tokenizer itself.
import { loadAppTokenizer, takeTokenizerRegistration } from '../../tokens/bundledTokenizers'
import { decodeIdList } from './decodeIds'
import type { DecodeRequest, DecodeResponse } from './decodeProtocol'

declare const self: DedicatedWorkerGlobalScope

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  if (takeTokenizerRegistration(event.data)) return
  const { encoding, input } = event.data
  try {
    const enc = await loadAppTokenizer(encoding)
    const bytesOf = (id: number) => {
      try {
        return enc.tokenBytes(id)
      } catch {
        return null // not a token of this encoding: reported by item
      }
    }
    const result = await decodeIdList({ tokenBytes: async (_, ids) => ids.map(bytesOf) }, encoding, input)
    self.postMessage({ type: 'done', result } satisfies DecodeResponse)
  } catch (err) {
    self.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies DecodeResponse)
  }
}
