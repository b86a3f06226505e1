import { useStableCallback } from '../../ui/useStableCallback'
import type { Workspace } from '../../workspace/workspace'
import type { DecodeResult } from './DecodePanel'
import { decodeInWorker } from './decodeIds'

/** The decode panel's actions: decode pasted ids in the current encoding, copy or save the text. */
export function useDecode(ws: Workspace) {
  const decode = useStableCallback(async (input: string): Promise<DecodeResult> => decodeInWorker(ws.settingsRef.current.encoding, input))
  const copy = useStableCallback((text: string) => ws.copy(text, 'Copied to the clipboard.'))
  const save = useStableCallback((text: string) => void ws.saveFile({ suggestedName: 'decoded.txt', data: text, kind: 'text' }, 'Saved the decoded text'))
  return { decode, copy, save }
}
