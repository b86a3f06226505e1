/**
 * The typed contract between the renderer and the main process: every channel is named
 * here once, with the shape of its arguments and result, and every argument is checked at
 * run time in main (types and sizes) by the validators below.
 */
import { isTokenizerId, type TokenizerId } from '../tokenizer/tokenizerId'
import type { UserTokenizerFiles } from '../tokenizer/userTokenizer'
import { THEMES, type Theme } from './settings'

/** Invoke channels (renderer asks, main answers). */
export const IPC = {
  openTextFile: 'file:open-text',
  openPath: 'file:open-path',
  saveFile: 'file:save',
  forgetFile: 'file:forget',
  loadState: 'state:load',
  saveState: 'state:save',
  documentState: 'window:document',
  readyToClose: 'app:ready-to-close',
  appInfo: 'app:info',
  openTokenizer: 'tokenizer:open',
  openTokenizerPath: 'tokenizer:open-path',
  restoreTokenizer: 'tokenizer:restore',
} as const

/** Event channels (main tells the renderer). */
export const IPC_EVENTS = {
  menuCommand: 'menu:command',
  fileOpened: 'file:opened',
  beforeClose: 'app:before-close',
  tokenizerOpened: 'tokenizer:opened',
} as const

/** A text file the user chose, decoded. */
export interface OpenedTextFile {
  name: string
  text: string
  /** A warning to show (e.g. invalid bytes replaced), or null. */
  warning: string | null
}

/** Result of asking the user for a file: a file, a cancel, or a clear refusal. */
export type OpenTextFileResult =
  | { kind: 'opened'; file: OpenedTextFile }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string }

/** A file pushed to the page: opened from the menu, the command line, Open Recent, or changed on disk. */
export interface FileOpenedEvent {
  result: OpenTextFileResult
  /**
   * 'opened': the user opened it in the app (menu, recent list). 'launched': named by a
   * launch of the app (command line, second launch, the system's open-file); the page
   * asks before it replaces unsaved text. 'changed': the open file changed on disk and
   * was read again (the page asks when it has unsaved edits). 'restored': the file the
   * saved draft belongs to, at start-up; the page keeps its draft and takes only the name.
   */
  reason: 'opened' | 'launched' | 'changed' | 'restored'
}

/**
 * Result of asking for a tokenizer file: its bytes (and its tokenizer_config.json's), a
 * cancel, or why it could not be read. The page checks the bytes (userTokenizer.ts).
 */
export type OpenTokenizerResult = { kind: 'opened'; files: UserTokenizerFiles } | { kind: 'cancelled' } | { kind: 'error'; message: string }

/** True for a value shaped like an OpenTokenizerResult (checked when it crosses the bridge). */
export function isOpenTokenizerResult(value: unknown): value is OpenTokenizerResult {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  if (v.kind === 'cancelled') return true
  if (v.kind === 'error') return typeof v.message === 'string'
  if (v.kind !== 'opened' || typeof v.files !== 'object' || v.files === null) return false
  const f = v.files as Record<string, unknown>
  return typeof f.sourceName === 'string' && (f.fileName === undefined || typeof f.fileName === 'string') && f.tokenizer instanceof Uint8Array && (f.config === null || f.config instanceof Uint8Array)
}

/** Facts about the running app. */
export interface AppInfo {
  name: string
  version: string
  platform: string
}

/** The kinds of file the app saves, each with its dialog filter. */
export const SAVE_KINDS = ['text', 'csv', 'json', 'jsonl', 'zip'] as const

/** One of SAVE_KINDS. */
export type SaveKind = (typeof SAVE_KINDS)[number]

/** A file to save where the user chooses. */
export interface SaveFileRequest {
  suggestedName: string
  data: string | Uint8Array
  kind: SaveKind
}

/** Result of saving: where, a cancel, or why it failed. */
export type SaveFileResult = { kind: 'saved'; name: string } | { kind: 'cancelled' } | { kind: 'error'; message: string }

/** The keys of the saved state in userData. */
export const STATE_KEYS = ['settings', 'draft', 'chat', 'window'] as const

/** One of STATE_KEYS. */
export type StateKey = (typeof STATE_KEYS)[number]

/** Largest value per key, in UTF-16 units (a 50 MB file's text fits the draft). */
export const STATE_LIMITS: Record<StateKey, number> = {
  settings: 64 * 1024,
  draft: 64 * 1024 * 1024,
  chat: 8 * 1024 * 1024,
  window: 4 * 1024,
}

/** What the page tells main for the title: the open file's name (null: untitled) and whether it was edited. */
export interface DocumentState {
  name: string | null
  edited: boolean
}

/** The saved state as loaded at start-up, with messages about damaged files. */
export interface LoadedStateResult {
  values: Partial<Record<StateKey, string | null>>
  problems: string[]
}

/** What a menu item asks the page to do. */
export type MenuCommand =
  | { type: 'new' }
  | { type: 'open' }
  | { type: 'open-tokenizer' }
  | { type: 'save-text-as' }
  | { type: 'export-tokens'; format: 'csv' | 'json' }
  | { type: 'encoding'; encoding: TokenizerId }
  | { type: 'toggle'; what: 'whitespace' | 'ids' | 'density' | 'wrap' | 'lines' | 'trainer' | 'embeddings' | 'languages' }
  | { type: 'theme'; theme: Theme }

/** The API the preload script exposes on `window.tokenizerExplorer`. */
export interface PreloadApi {
  openTextFile(): Promise<OpenTextFileResult>
  /** The path of a file dropped from the desktop ('' for files with none, e.g. dragged from a web page). */
  pathForFile(file: File): string
  /**
   * Opens a file by its path (so it is watched and added to Open Recent). Main opens only
   * paths the user gave it (dialog, command line, recent list, last session) or, for a
   * dropped file, a path whose bytes have `sha256` (hex digest of the dropped File's bytes:
   * proof the page holds that file). Network and relative paths are refused.
   */
  openPath(path: string, sha256: string | null): Promise<OpenTextFileResult>
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
  /** The text no longer comes from the open file (File > New): stop watching it. */
  forgetFile(): Promise<void>
  loadState(): Promise<LoadedStateResult>
  saveState(key: StateKey, value: string): Promise<boolean>
  setDocumentState(state: DocumentState): Promise<void>
  readyToClose(): Promise<void>
  appInfo(): Promise<AppInfo>
  onMenuCommand(listener: (command: MenuCommand) => void): void
  onFileOpened(listener: (event: FileOpenedEvent) => void): void
  onBeforeClose(listener: () => void): void
  /** File > Open Tokenizer… and the toolbar's Open tokenizer: a dialog, then the chosen file's (or folder's) tokenizer bytes. */
  openTokenizer(): Promise<OpenTokenizerResult>
  /**
   * Reads a dropped tokenizer.json, or a dropped model folder's, by its path (so it joins
   * Open Recent Tokenizer). As with openPath, a path main was not given opens only when
   * the tokenizer.json's bytes have `sha256`.
   */
  openTokenizerPath(path: string, sha256: string | null): Promise<OpenTokenizerResult>
  /**
   * At start-up, when the saved tokenizer is a file: main reads the tokenizer file opened
   * last again (it keeps the path; the page names none). 'cancelled' when main has none.
   */
  restoreTokenizer(): Promise<OpenTokenizerResult>
  /** A tokenizer opened from the menu's recent list. */
  onTokenizerOpened(listener: (result: OpenTokenizerResult) => void): void
}

/** Name of the global the preload script defines. */
export const PRELOAD_GLOBAL = 'tokenizerExplorer'

/** Longest path or file name accepted over IPC. */
export const MAX_PATH_CHARS = 4096

/** Largest file the app saves (export of a 50 MB document's tokens as JSON fits). */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024

/** True for a value shaped like an OpenTextFileResult (checked when it crosses the bridge). */
export function isOpenTextFileResult(value: unknown): value is OpenTextFileResult {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  if (v.kind === 'cancelled') return true
  if (v.kind === 'error') return typeof v.message === 'string'
  if (v.kind !== 'opened' || typeof v.file !== 'object' || v.file === null) return false
  const f = v.file as Record<string, unknown>
  return typeof f.name === 'string' && typeof f.text === 'string' && (f.warning === null || typeof f.warning === 'string')
}

/** True for a well-formed MenuCommand. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  switch (v.type) {
    case 'new':
    case 'open':
    case 'open-tokenizer':
    case 'save-text-as':
      return true
    case 'export-tokens':
      return v.format === 'csv' || v.format === 'json'
    case 'encoding':
      return isTokenizerId(v.encoding)
    case 'toggle':
      return v.what === 'whitespace' || v.what === 'ids' || v.what === 'density' || v.what === 'wrap' || v.what === 'lines' || v.what === 'trainer' || v.what === 'embeddings' || v.what === 'languages'
    case 'theme':
      return (THEMES as readonly unknown[]).includes(v.theme)
    default:
      return false
  }
}

/** Checks that an invoke carried no arguments. */
export function expectNoArgs(args: readonly unknown[]): void {
  if (args.length !== 0) throw new TypeError(`Expected no arguments, got ${args.length}`)
}

/** The arguments, checked to be exactly `count` of them. */
function expectArgs(args: readonly unknown[], count: number): void {
  if (args.length !== count) throw new TypeError(`Expected ${count} argument${count === 1 ? '' : 's'}, got ${args.length}`)
}

/** A plain string no longer than `max`, without NUL characters. */
function expectString(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string`)
  if (value.length > max) throw new RangeError(`${what} is too long`)
  if (value.includes('\0')) throw new TypeError(`${what} contains a NUL character`)
  return value
}

/** Validates the arguments of IPC.openPath: a path string and a SHA-256 hex digest or null. */
export function parseOpenPathArgs(args: readonly unknown[]): { path: string; sha256: string | null } {
  expectArgs(args, 2)
  const path = expectString(args[0], 'The path', MAX_PATH_CHARS)
  if (path.length === 0) throw new TypeError('The path is empty')
  const sha256 = args[1]
  if (sha256 !== null && (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))) throw new TypeError('The digest must be 64 hex digits or null')
  return { path, sha256 }
}

/** Validates the argument of IPC.saveFile. */
export function parseSaveFileArgs(args: readonly unknown[]): SaveFileRequest {
  expectArgs(args, 1)
  const r = args[0]
  if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new TypeError('The save request must be an object')
  const { suggestedName, data, kind } = r as Record<string, unknown>
  const name = expectString(suggestedName, 'The file name', 255)
  if (/[/\\]/.test(name)) throw new TypeError('The file name must not contain a folder')
  if (!(SAVE_KINDS as readonly unknown[]).includes(kind)) throw new TypeError('Unknown kind of file')
  if (typeof data === 'string') {
    if (data.length > MAX_SAVE_BYTES) throw new RangeError('The file is too large to save')
  } else if (data instanceof Uint8Array) {
    if (data.byteLength > MAX_SAVE_BYTES) throw new RangeError('The file is too large to save')
  } else throw new TypeError('The data must be text or bytes')
  return { suggestedName: name, data, kind: kind as SaveKind }
}

/** Validates the arguments of IPC.saveState: a known key and a string within its limit. */
export function parseSaveStateArgs(args: readonly unknown[]): { key: StateKey; value: string } {
  expectArgs(args, 2)
  const [key, value] = args
  if (!(STATE_KEYS as readonly unknown[]).includes(key)) throw new TypeError('Unknown state key')
  if (typeof value !== 'string') throw new TypeError('The value must be a string')
  if (value.length > STATE_LIMITS[key as StateKey]) throw new RangeError(`The ${String(key)} is too large to save`)
  return { key: key as StateKey, value }
}

/** Validates the argument of IPC.documentState. */
export function parseDocumentStateArgs(args: readonly unknown[]): DocumentState {
  expectArgs(args, 1)
  const s = args[0]
  if (typeof s !== 'object' || s === null || Array.isArray(s)) throw new TypeError('The document state must be an object')
  const { name, edited } = s as Record<string, unknown>
  if (typeof edited !== 'boolean') throw new TypeError('edited must be true or false')
  return { name: name === null ? null : expectString(name, 'The name', 255), edited }
}
