import type { OpenTextFileResult } from '../../../shared/ipc'
import { MAX_FILE_BYTES, openTextFileFromBytes, tooLargeMessage } from '../../../shared/textDecoding'
import type { Host } from './host'
import { loadFromStorage, saveToStorage } from './storage'

/** Reads a File the user picked or dropped into text, refusing huge and binary files. */
export async function readDroppedFile(file: File): Promise<OpenTextFileResult> {
  if (file.size > MAX_FILE_BYTES) {
    return { kind: 'error', message: `Could not open ${file.name}. ${tooLargeMessage(file.size)}` }
  }
  try {
    return openTextFileFromBytes(file.name, new Uint8Array(await file.arrayBuffer()))
  } catch (err) {
    return { kind: 'error', message: `Could not read ${file.name}: ${err instanceof Error ? err.message : String(err)}` }
  }
}

/** Host for a plain browser: a file input for opening, localStorage for persistence. */
export function createBrowserHost(): Host {
  return {
    openTextFile() {
      return new Promise<OpenTextFileResult>((resolve) => {
        const input = document.createElement('input')
        input.type = 'file'
        input.accept = '.txt,.md,.json,.jsonl,.csv,.tsv,.xml,.html,.js,.ts,.py,.yaml,.yml,text/*'
        input.style.display = 'none'
        input.addEventListener('change', () => {
          const file = input.files?.[0]
          input.remove()
          if (!file) resolve({ kind: 'cancelled' })
          else void readDroppedFile(file).then(resolve)
        })
        input.addEventListener('cancel', () => {
          input.remove()
          resolve({ kind: 'cancelled' })
        })
        document.body.appendChild(input)
        input.click()
      })
    },
    load: loadFromStorage,
    save: saveToStorage,
  }
}
