import { dialog, type BrowserWindow } from 'electron'
import { basename, isAbsolute } from 'node:path'
import type { OpenTokenizerResult } from '@shared/contract/ipc'
import { readTokenizerFiles } from './files'
import type { OpenablePaths } from './pathPolicy'
import { pathRefusal } from './pathPolicy'
import { addRecent, parseRecent } from './recentFiles'

/** The saved tokenizer file of the last session (JSON `{ path }`), or null for none or a malformed value. */
export function lastTokenizerPath(json: string | null): string | null {
  try {
    const v = json ? (JSON.parse(json) as { path?: unknown }) : null
    return v && typeof v.path === 'string' && v.path.length < 4096 && isAbsolute(v.path) ? v.path : null
  } catch {
    return null
  }
}

const TOKENIZER_FILTERS = [
  { name: 'Tokenizer (tokenizer.json)', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
]

/** What the opener needs from the app: the paths main may open, and where the recent list is kept. */
export interface TokenizerOpenerDeps {
  openable: OpenablePaths
  /** Saves the recent list (JSON). */
  save(json: string): Promise<unknown>
  /** Saves which tokenizer file was opened last (JSON `{ path }`), for the next start. */
  saveSession(json: string): Promise<unknown>
  /** The recent list changed (the menu shows it). */
  changed(): void
}

/**
 * Tokenizer files from disk in the main process: the Open Tokenizer dialog, a page's request
 * for a path (only one main was given, or a drop proven by its digest), and the recent
 * tokenizers list (File > Open Recent Tokenizer), kept across restarts, and the file opened
 * last, which the page may ask for again at the next start (restore) without naming a path.
 */
export class TokenizerOpener {
  private list: string[] = []
  /** The tokenizer file (or model folder) opened last: the one the page counts with, unless it switched away. */
  private last: string | null = null

  constructor(private readonly deps: TokenizerOpenerDeps) {}

  /** The recent tokenizers, newest first. */
  get recent(): readonly string[] {
    return this.list
  }

  /** Restores the saved recent list (its paths may be opened again) and the tokenizer opened last. */
  load(json: string | null, sessionJson: string | null = null): void {
    this.list = parseRecent(json)
    for (const path of this.list) this.deps.openable.allow(path)
    this.last = lastTokenizerPath(sessionJson)
  }

  /**
   * The page starts with a tokenizer from a file (its saved setting): reads the file opened
   * last again, with the same checks as Open Recent. Main alone decides the path; the page
   * only asks. 'cancelled' when no file is remembered; an error (gone, unreadable, too
   * large) says so and forgets it, so the next start does not try again.
   */
  async restore(): Promise<OpenTokenizerResult> {
    const path = this.last
    if (path === null) return { kind: 'cancelled' }
    const refusal = pathRefusal(path)
    const result = refusal ? { kind: 'error' as const, message: `Could not open ${basename(path) || path}: ${refusal}.` } : await this.open(path)
    if (result.kind === 'error') this.remember(null)
    return result
  }

  /** Empties the recent list. */
  clear(): void {
    this.list = []
    this.saveList()
  }

  /** Asks for a tokenizer.json (or, on macOS, a model folder) and reads it. */
  async choose(win: BrowserWindow): Promise<OpenTokenizerResult> {
    // A dialog cannot pick files and folders at once except on macOS; elsewhere folders are dropped.
    const properties: ('openFile' | 'openDirectory')[] = process.platform === 'darwin' ? ['openFile', 'openDirectory'] : ['openFile']
    const choice = await dialog.showOpenDialog(win, { title: 'Open tokenizer (tokenizer.json or model folder)', properties, filters: TOKENIZER_FILTERS })
    if (choice.canceled || choice.filePaths.length === 0) return { kind: 'cancelled' }
    return this.open(choice.filePaths[0])
  }

  /** A path the page asks for: one main was given, or a drop proven by its tokenizer.json's SHA-256. */
  async openForPage(path: string, sha256: string | null): Promise<OpenTokenizerResult> {
    const name = basename(path) || path
    const refusal = pathRefusal(path)
    if (refusal) return { kind: 'error', message: `Could not open ${name}: ${refusal}.` }
    if (this.deps.openable.has(path)) return this.open(path)
    // A path main never saw: only a drop, proven by the digest of the tokenizer.json the page holds.
    if (sha256 === null) return { kind: 'error', message: `Could not open ${name}: the app opens only tokenizers you choose or drop.` }
    return this.open(path, sha256)
  }

  /** Opens a tokenizer from the recent list (menu only); one that no longer reads leaves the list. */
  async openRecent(path: string): Promise<OpenTokenizerResult> {
    if (!this.list.includes(path)) return { kind: 'error', message: `${basename(path)} is not in the recent tokenizers.` }
    const result = await this.open(path)
    if (result.kind === 'error') {
      this.list = this.list.filter((p) => p !== path)
      this.saveList()
    }
    return result
  }

  /** Reads a tokenizer main may open; when it reads, it goes to the top of the recent list. */
  private async open(path: string, expectSha256?: string): Promise<OpenTokenizerResult> {
    const result = await readTokenizerFiles(path, expectSha256)
    if (result.kind === 'opened') {
      this.deps.openable.allow(path)
      this.list = addRecent(this.list, path)
      this.saveList()
      this.remember(path)
    }
    return result
  }

  private remember(path: string | null): void {
    if (path === this.last) return
    this.last = path
    void this.deps.saveSession(JSON.stringify({ path })).catch(() => undefined)
  }

  private saveList(): void {
    void this.deps.save(JSON.stringify(this.list)).catch(() => undefined)
    this.deps.changed()
  }
}
