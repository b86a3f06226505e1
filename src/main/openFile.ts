import { watch, type FSWatcher } from 'node:fs'
import { basename, dirname } from 'node:path'
import type { FileOpenedEvent, OpenTextFileResult } from '@shared/contract/ipc'
import { readTextFile } from './files'

/** How long a file must be quiet after a change before it is read again (editors write in bursts). */
export const CHANGE_SETTLE_MS = 250

/**
 * The file a window shows: opens it, remembers its path, and watches it so that when it
 * changes on disk (people edit a prompt in their own editor) it is read again and sent to
 * the page. The folder is watched rather than the file, so editors that save by writing a
 * new file and renaming it over the old one are followed too.
 */
export class OpenFileTracker {
  private path: string | null = null
  private watcher: FSWatcher | null = null
  private timer: NodeJS.Timeout | undefined
  private lastText: string | null = null

  /**
   * @param send delivers a re-read file to the page
   * @param opened is told about every file opened (for the recent list)
   */
  constructor(
    private readonly send: (event: FileOpenedEvent) => void,
    private readonly opened: (path: string) => void = () => undefined,
  ) {}

  /** The open file's path, or null. */
  get current(): string | null {
    return this.path
  }

  /**
   * Reads `path` (with `expectSha256`: only when its bytes have that digest); when it
   * opens, it becomes the watched file and is added to the recent list.
   */
  async open(path: string, expectSha256?: string): Promise<OpenTextFileResult> {
    const result = await readTextFile(path, undefined, expectSha256)
    if (result.kind === 'opened') {
      this.watchFile(path)
      this.lastText = result.file.text
      this.opened(path)
    }
    return result
  }

  /**
   * Follows `path` from now on, whose content is `text` (the page just saved its text
   * there: Save As), so its changes on disk reach the page and the old file's do not.
   */
  adopt(path: string, text: string): void {
    this.watchFile(path)
    this.lastText = text
    this.opened(path)
  }

  /** Stops following the file (the page no longer shows it). */
  forget(): void {
    this.path = null
    this.lastText = null
    this.watcher?.close()
    this.watcher = null
    clearTimeout(this.timer)
  }

  /** Stops watching for good. */
  dispose(): void {
    this.forget()
  }

  private watchFile(path: string): void {
    this.forget()
    this.path = path
    const name = basename(path)
    try {
      this.watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
        if (changed !== null && changed.toString() !== name) return
        clearTimeout(this.timer)
        this.timer = setTimeout(() => void this.reread(path), CHANGE_SETTLE_MS)
      })
      this.watcher.on('error', () => this.watcher?.close())
    } catch {
      // A folder that cannot be watched (e.g. some network drives): the file still opens.
      this.watcher = null
    }
  }

  private async reread(path: string): Promise<void> {
    if (this.path !== path) return
    const result = await readTextFile(path)
    // Deleted or unreadable for a moment (mid-save): keep what is shown; the next change reads it.
    if (this.path !== path || result.kind !== 'opened' || result.file.text === this.lastText) return
    this.lastText = result.file.text
    this.send({ result, reason: 'changed' })
  }
}
