/// <reference lib="webworker" />
// Decodes an id list off the UI thread: parsing a million ids and joining their bytes took the
// window a second or more, and a file of ids is read here too. A fresh worker per request; it
// loads the tokenizer itself.
import { decodePlaceholder } from '@shared/tools/decodeIds'
import { formatBytes } from '@shared/text/format'
import { loadAppTokenizer, takeTokenizerRegistration } from '../../tokens/bundledTokenizers'
import { decodeIdList, MAX_ID_FILE_BYTES } from './decodeIds'
import type { DecodeRequest, DecodeResponse } from './decodeProtocol'

declare const self: DedicatedWorkerGlobalScope

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  if (takeTokenizerRegistration(event.data)) return
  const req = event.data
  const post = (msg: DecodeResponse) => self.postMessage(msg)
  try {
    const enc = await loadAppTokenizer(req.encoding)
    if (req.type === 'example') {
      post({ type: 'example', placeholder: decodePlaceholder((text) => enc.encodeOrdinary(text)) })
      return
    }
    let input: string
    if (typeof req.input === 'string') input = req.input
    else if (req.input.size > MAX_ID_FILE_BYTES) {
      post({ type: 'done', result: { text: '', problems: [`The file is ${formatBytes(req.input.size)}; Decode reads files of ids up to ${formatBytes(MAX_ID_FILE_BYTES)}.`] } })
      return
    } else input = await req.input.text()
    const bytesOf = (id: number) => {
      try {
        return enc.tokenBytes(id)
      } catch {
        return null // not a token of this encoding: reported by item
      }
    }
    const result = await decodeIdList({ tokenBytes: async (_, ids) => ids.map(bytesOf) }, req.encoding, input)
    post({ type: 'done', result })
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) })
  }
}
