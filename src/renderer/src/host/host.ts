import type { DocumentState, FileOpenedEvent, LoadedStateResult, MenuCommand, OpenTextFileResult, OpenTokenizerResult, SaveFileRequest, SaveFileResult, StateKey } from '@shared/contract/ipc'
import type { DroppedTokenizer } from './tokenizerFiles'

/** Something the host tells the user, optionally with one thing they can do about it. */
export interface HostNotice {
  tone: 'info' | 'warning' | 'error'
  text: string
  /** A button beside the message; `run` returns the message to show next (or null). */
  action?: { label: string; run(): HostNotice | null }
}

/** What the UI needs from where it runs (Electron or a plain browser). */
export interface Host {
  /** True in Electron: the native menu owns the shortcuts (Ctrl+O …), so the page does not handle them itself. */
  readonly nativeMenu: boolean
  /** Largest draft this host can keep across restarts, in UTF-16 units. */
  readonly maxDraftChars: number
  /** The saved settings, draft and chat, with messages about damaged files. */
  loadState(): Promise<LoadedStateResult>
  /** Saves a value across restarts; false when it could not be saved (too large, disk full). */
  saveState(key: StateKey, value: string): Promise<boolean>
  /** Why the last save of `key` failed, when the host knows better than "too large" (storage full, another tab); else null. */
  lastSaveProblem?(key: StateKey): HostNotice | null
  /** Things that happen to the saved state without the user's doing (another tab saved over this one's draft). */
  onNotice?(listener: (notice: HostNotice) => void): void
  /** Asks the user for a text file and decodes it. */
  openTextFile(): Promise<OpenTextFileResult>
  /** Decodes a file dropped on the window (in Electron: opened by path, so it is watched and remembered). */
  openDroppedFile(file: File): Promise<OpenTextFileResult>
  /** Asks the user for a tokenizer.json (a model folder too where the dialog allows) and reads its bytes, unchecked. */
  openTokenizerFile(): Promise<OpenTokenizerResult>
  /** Reads a tokenizer.json or model folder dropped on the window (in Electron by path, so it joins the recent tokenizers). */
  openDroppedTokenizer(drop: DroppedTokenizer): Promise<OpenTokenizerResult>
  /**
   * At start-up, when the saved tokenizer is a file: reads it again (Electron's main process
   * keeps its path). 'cancelled' when nothing is remembered; an error says why it cannot be had.
   */
  restoreTokenizer(): Promise<OpenTokenizerResult>
  /** Tokenizers opened from outside the page (Electron's File > Open Recent Tokenizer). */
  onTokenizerOpened(listener: (result: OpenTokenizerResult) => void): void
  /** Saves data where the user chooses (a save dialog, or a download in a browser). */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
  /** The text no longer comes from the open file. */
  forgetFile(): void
  /** Shows the file name and edited state in the title. */
  setDocumentState(state: DocumentState): void
  onMenuCommand(listener: (command: MenuCommand) => void): void
  onFileOpened(listener: (event: FileOpenedEvent) => void): void
  /** Called when the window is about to close; the page saves, then calls readyToClose. */
  onBeforeClose(listener: () => void): void
  readyToClose(): void
}
