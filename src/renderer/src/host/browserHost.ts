import type { OpenTextFileResult, SaveKind, StateKey } from '@shared/contract/ipc'
import { MAX_FILE_BYTES, openTextFileFromBytes, tooLargeMessage } from '@shared/contract/textDecoding'
import { windowTitle } from '@shared/contract/title'
import { BrowserState } from './browserState'
import type { Host, HostNotice } from './host'
import { chooseTokenizerFile, readDroppedTokenizer } from './tokenizerFiles'

/** Drafts larger than this are not kept in browser storage (it holds about 5 MB). */
const MAX_BROWSER_DRAFT_CHARS = 2_000_000

const MIME: Record<SaveKind, string> = {
  text: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  zip: 'application/zip',
}

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

/** localStorage, or a stand-in that refuses every write when the browser denies it (some privacy modes). */
function localStorageOrRefusal(): Storage {
  try {
    return window.localStorage
  } catch (err) {
    const refuse = () => {
      throw err
    }
    return { length: 0, key: () => null, getItem: () => null, setItem: refuse, removeItem: () => undefined, clear: () => undefined }
  }
}

/** Host for a plain browser: a file input for opening, downloads for saving, localStorage for persistence. */
export function createBrowserHost(): Host {
  const listeners: ((notice: HostNotice) => void)[] = []
  const state = new BrowserState(localStorageOrRefusal(), window, (q) => window.confirm(q), (n) => listeners.forEach((l) => l(n)))
  const tooLarge = new Set<StateKey>()
  return {
    nativeMenu: false,
    maxDraftChars: MAX_BROWSER_DRAFT_CHARS,
    loadState: () => Promise.resolve(state.loadAll()),
    saveState(key, value) {
      if (key === 'draft' && value.length > MAX_BROWSER_DRAFT_CHARS) {
        tooLarge.add(key)
        return Promise.resolve(false)
      }
      tooLarge.delete(key)
      return Promise.resolve(state.save(key, value))
    },
    lastSaveProblem: (key) => (tooLarge.has(key) ? null : state.lastProblem(key)),
    onNotice: (listener) => listeners.push(listener),
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
    openDroppedFile: readDroppedFile,
    openTokenizerFile: chooseTokenizerFile,
    openDroppedTokenizer: readDroppedTokenizer,
    // A page may not read a file again by itself: the user opens it again.
    restoreTokenizer: () => Promise.resolve({ kind: 'error', message: 'A browser page cannot open a file again by itself: open the tokenizer file again to use it.' }),
    onTokenizerOpened: () => undefined,
    saveFile({ suggestedName, data, kind }) {
      // Bytes over a plain ArrayBuffer go to the Blob as they are (a copy of a 50 MB export costs a frame).
      const part = typeof data === 'string' || data.buffer instanceof ArrayBuffer ? (data as string | Uint8Array<ArrayBuffer>) : new Uint8Array(data)
      const url = URL.createObjectURL(new Blob([part], { type: MIME[kind] }))
      const a = document.createElement('a')
      a.href = url
      a.download = suggestedName
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      return Promise.resolve({ kind: 'saved', name: suggestedName })
    },
    forgetFile: () => undefined,
    setDocumentState: (state) => {
      document.title = windowTitle(state)
    },
    onMenuCommand: () => undefined,
    onFileOpened: () => undefined,
    onBeforeClose: (listener) => window.addEventListener('pagehide', listener),
    readyToClose: () => undefined,
  }
}
