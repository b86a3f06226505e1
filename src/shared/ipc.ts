/**
 * The typed contract between the renderer and the main process: every channel is named
 * here once, with the shape of its arguments and result, and validated at run time.
 */

/** IPC channel names (invoke/handle). */
export const IPC = {
  openTextFile: 'file:open-text',
  appInfo: 'app:info',
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

/** Facts about the running app. */
export interface AppInfo {
  name: string
  version: string
  platform: string
}

/** The API the preload script exposes on `window.tokenizerExplorer`. */
export interface PreloadApi {
  openTextFile(): Promise<OpenTextFileResult>
  appInfo(): Promise<AppInfo>
}

/** Name of the global the preload script defines. */
export const PRELOAD_GLOBAL = 'tokenizerExplorer'

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

/** Checks that an invoke carried no arguments (the channels above take none). */
export function expectNoArgs(args: readonly unknown[]): void {
  if (args.length !== 0) throw new TypeError(`Expected no arguments, got ${args.length}`)
}
