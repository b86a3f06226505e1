import { useStableCallback } from '../../ui/useStableCallback'
import type { Workspace } from '../../workspace/workspace'
import type { DecodeResult } from './DecodePanel'
import { decodeInWorker, placeholderInWorker } from './decodeIds'

/** The decode panel's actions: decode pasted ids or a file of them in the current encoding, the placeholder of an encoding, copy or save the text. */
export function useDecode(ws: Workspace) {
  const decode = useStableCallback(async (input: string | Blob): Promise<DecodeResult> => decodeInWorker(ws.settingsRef.current.encoding, input))
  const placeholder = useStableCallback((encoding: string) => placeholderInWorker(encoding))
  const copy = useStableCallback((text: string) => ws.copy(text, 'Copied to the clipboard.'))
  const save = useStableCallback((text: string) => void ws.saveFile({ suggestedName: 'decoded.txt', data: text, kind: 'text' }, 'Saved the decoded text'))
  return { decode, placeholder, copy, save }
}
