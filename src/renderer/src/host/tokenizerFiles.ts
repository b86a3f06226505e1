import type { OpenTokenizerResult } from '@shared/contract/ipc'
import { MAX_TOKENIZER_BYTES, nameInConfig, tokenizerTooLargeMessage } from '@shared/tokenizer/userTokenizer'

/** A tokenizer dropped on the window: the File, and its entry when the browser gave one (a folder has one that says so). */
export interface DroppedTokenizer {
  file: File
  entry: FileSystemEntry | null
}

const CONFIG_NAME = 'tokenizer_config.json'
/** A model's config.json: read only for the model's name (`_name_or_path`). */
const MODEL_CONFIG_NAME = 'config.json'

/** True for a file the window should treat as a tokenizer rather than a text to open: named tokenizer.json. */
export function isTokenizerFileName(name: string): boolean {
  return name.toLowerCase() === 'tokenizer.json'
}

/** A File's bytes, refusing one over the size limit before reading it. */
async function readBytes(file: File, shownName: string): Promise<Uint8Array | string> {
  if (file.size > MAX_TOKENIZER_BYTES) return tokenizerTooLargeMessage(shownName, file.size)
  try {
    return new Uint8Array(await file.arrayBuffer())
  } catch (err) {
    return `Could not read ${shownName}: ${err instanceof Error ? err.message : String(err)}`
  }
}

/**
 * Reads tokenizer files the user picked: one tokenizer.json (any name), or it and its
 * tokenizer_config.json chosen together (a page cannot read the file beside the one picked);
 * a model config.json chosen too names the tokenizer by the model (its `_name_or_path`).
 */
export async function readPickedTokenizer(files: readonly File[], sourceName?: string): Promise<OpenTokenizerResult> {
  if (files.length === 0) return { kind: 'cancelled' }
  const configFile = files.length > 1 ? files.find((f) => f.name.toLowerCase() === CONFIG_NAME) : undefined
  const modelConfig = files.length > 1 ? files.find((f) => f.name.toLowerCase() === MODEL_CONFIG_NAME) : undefined
  const tokenizerFile = files.find((f) => f !== configFile && f !== modelConfig)
  if (!tokenizerFile) return { kind: 'error', message: `Only ${CONFIG_NAME} was chosen: choose the tokenizer.json (with it, or alone).` }
  const tokenizer = await readBytes(tokenizerFile, tokenizerFile.name)
  if (typeof tokenizer === 'string') return { kind: 'error', message: tokenizer }
  const config = configFile ? await readBytes(configFile, configFile.name) : null
  const modelBytes = modelConfig ? await readBytes(modelConfig, modelConfig.name) : null
  const modelName = modelBytes && typeof modelBytes !== 'string' ? nameInConfig(modelBytes) : null
  return { kind: 'opened', files: { sourceName: sourceName ?? modelName ?? tokenizerFile.name, fileName: tokenizerFile.name, tokenizer, config: typeof config === 'string' ? null : config } }
}

/** The file `name` in a dropped folder, or null when there is none. */
function fileInFolder(folder: FileSystemDirectoryEntry, name: string): Promise<File | null> {
  return new Promise((resolve) => {
    folder.getFile(
      name,
      {},
      (entry) => (entry as FileSystemFileEntry).file(resolve, () => resolve(null)),
      () => resolve(null),
    )
  })
}

/** Reads a dropped tokenizer.json, or a dropped model folder's tokenizer.json and tokenizer_config.json. */
export async function readDroppedTokenizer({ file, entry }: DroppedTokenizer): Promise<OpenTokenizerResult> {
  if (!entry?.isDirectory) return readPickedTokenizer([file])
  const folder = entry as FileSystemDirectoryEntry
  const tokenizer = await fileInFolder(folder, 'tokenizer.json')
  if (!tokenizer) return { kind: 'error', message: `Could not open ${folder.name}: the folder has no tokenizer.json.` }
  const config = await fileInFolder(folder, CONFIG_NAME)
  return readPickedTokenizer(config ? [tokenizer, config] : [tokenizer], folder.name)
}

/** Shows the browser's file chooser for a tokenizer.json (and optionally its tokenizer_config.json and the model's config.json) and reads what was picked. */
export function chooseTokenizerFile(): Promise<OpenTokenizerResult> {
  return new Promise<OpenTokenizerResult>((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = true
    input.accept = '.json,application/json'
    input.style.display = 'none'
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? [])
      input.remove()
      void readPickedTokenizer(files).then(resolve)
    })
    input.addEventListener('cancel', () => {
      input.remove()
      resolve({ kind: 'cancelled' })
    })
    document.body.appendChild(input)
    input.click()
  })
}
