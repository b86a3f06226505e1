import { isOpenTextFileResult, isOpenTokenizerResult, STATE_LIMITS, type LoadedStateResult, type OpenTextFileResult, type OpenTokenizerResult, type PreloadApi } from '@shared/contract/ipc'
import { MAX_FILE_BYTES } from '@shared/contract/textDecoding'
import { readDroppedFile } from './browserHost'
import type { Host } from './host'
import { readDroppedTokenizer, type DroppedTokenizer } from './tokenizerFiles'

const UNEXPECTED = { kind: 'error', message: 'The app returned an unexpected answer.' } as const

/** The SHA-256 of bytes as lowercase hex. */
async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Opens a dropped file. From the desktop it opens by path (watched, remembered): main
 * opens a path it has not been given only with the digest of the dropped bytes as proof.
 * Files without a path (from a web page), too large, or refused by main (a network path,
 * changed since the drop) open by their bytes, and the previous file stops being
 * followed, so its changes can no longer replace the dropped text.
 */
async function openDropped(api: PreloadApi, file: File): Promise<OpenTextFileResult> {
  const path = file.size <= MAX_FILE_BYTES ? api.pathForFile(file) : ''
  let refusal: string | null = null
  if (path) {
    const result: unknown = await api.openPath(path, await sha256Hex(await file.arrayBuffer()))
    if (!isOpenTextFileResult(result)) return UNEXPECTED
    if (result.kind !== 'error') return result
    refusal = result.message
  }
  const result = await readDroppedFile(file)
  if (result.kind !== 'opened') return result
  void api.forgetFile()
  if (refusal === null) return result
  const note = `${refusal} Its dropped content is shown instead; changes on disk will not be followed.`
  return { ...result, file: { ...result.file, warning: result.file.warning ? `${result.file.warning} ${note}` : note } }
}

/**
 * Opens a dropped tokenizer. The page reads it first (a folder's files too); from the
 * desktop it is then opened by path, with the tokenizer.json's digest as proof, so it
 * joins Open Recent Tokenizer. When main refuses (a network path), the bytes read here are used.
 */
async function openDroppedTokenizer(api: PreloadApi, drop: DroppedTokenizer): Promise<OpenTokenizerResult> {
  const read = await readDroppedTokenizer(drop)
  const path = read.kind === 'opened' ? api.pathForFile(drop.file) : ''
  if (read.kind !== 'opened' || !path) return read
  const result: unknown = await api.openTokenizerPath(path, await sha256Hex(read.files.tokenizer.slice().buffer)).catch(() => null)
  return isOpenTokenizerResult(result) && result.kind === 'opened' ? result : read
}

/** Host inside Electron: native dialogs and menu through the preload API, state in the userData folder. */
export function createElectronHost(api: PreloadApi): Host {
  return {
    nativeMenu: true,
    maxDraftChars: STATE_LIMITS.draft,
    async loadState(): Promise<LoadedStateResult> {
      try {
        return await api.loadState()
      } catch (err) {
        return { values: {}, problems: [`The saved state could not be loaded: ${err instanceof Error ? err.message : String(err)}`] }
      }
    },
    saveState: (key, value) => api.saveState(key, value).catch(() => false),
    async openTextFile() {
      const result: unknown = await api.openTextFile()
      return isOpenTextFileResult(result) ? result : UNEXPECTED
    },
    openDroppedFile: (file) => openDropped(api, file),
    async openTokenizerFile() {
      const result: unknown = await api.openTokenizer()
      return isOpenTokenizerResult(result) ? result : UNEXPECTED
    },
    openDroppedTokenizer: (drop) => openDroppedTokenizer(api, drop),
    async restoreTokenizer() {
      const result: unknown = await Promise.resolve()
        .then(() => api.restoreTokenizer())
        .catch((err: unknown) => ({ kind: 'error', message: `The tokenizer file could not be read again: ${err instanceof Error ? err.message : String(err)}` }))
      return isOpenTokenizerResult(result) ? result : UNEXPECTED
    },
    onTokenizerOpened: (listener) => api.onTokenizerOpened(listener),
    saveFile: (request) => api.saveFile(request).catch((err: unknown) => ({ kind: 'error', message: `Could not save: ${err instanceof Error ? err.message : String(err)}` })),
    forgetFile: () => void api.forgetFile(),
    setDocumentState: (state) => void api.setDocumentState(state),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    onFileOpened: (listener) => api.onFileOpened(listener),
    onBeforeClose: (listener) => api.onBeforeClose(listener),
    readyToClose: () => void api.readyToClose(),
  }
}
