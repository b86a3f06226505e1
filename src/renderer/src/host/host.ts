import type { OpenTextFileResult } from '../../../shared/ipc'

/** What the UI needs from where it runs (Electron or a plain browser). */
export interface Host {
  /** Asks the user for a text file and decodes it. */
  openTextFile(): Promise<OpenTextFileResult>
  /** Reads a value saved with `save` (settings, draft), or null. */
  load(key: string): string | null
  /** Saves a value across restarts; returns false when it could not be saved (e.g. too large). */
  save(key: string, value: string): boolean
}
