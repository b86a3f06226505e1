import { copyFile, readdir, readFile, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { STATE_LIMITS } from '@shared/contract/ipc'
import { writeFileAtomic } from './atomicWrite'

/** What loading the saved state found: each key's value (null when none) and any problems to tell the user. */
export interface LoadedState<K extends string> {
  values: Record<K, string | null>
  problems: string[]
}

const HUMAN_NAMES: Record<string, string> = { chat: 'chat prompt', window: 'window position', recent: 'list of recent files', 'recent-tokenizers': 'list of recent tokenizers', 'tokenizer-session': 'tokenizer file in use' }

/** A key's save in progress and the one waiting behind it (which later saves replace). */
interface SaveSlot {
  /** Settles when this slot's value is on disk (or failed). */
  promise: Promise<void>
  /** The value still to be written; null once its write has started. */
  waiting: { value: string } | null
}

/** Writes one file atomically (replaceable in tests). */
export type FileWriter = (path: string, data: string) => Promise<void>

/**
 * The app's saved state (settings, draft, chat, window) in the userData folder, one JSON
 * file per key, written atomically and private to the user (0600). Saves of one key run
 * one at a time; saves that arrive while one is running are merged, so only the newest
 * waits (a 50 MB draft saved after each pause in typing is written at most twice at once).
 * A file that cannot be parsed is moved aside (kept for the user) and reported, never thrown.
 */
export class StateStore<K extends string = keyof typeof STATE_LIMITS> {
  private slots = new Map<K, SaveSlot>()

  /**
   * @param dir the folder for the files (created on first save)
   * @param limits the keys and the largest value each may hold (larger files count as damaged)
   */
  constructor(
    private readonly dir: string,
    private readonly limits: Record<K, number> = STATE_LIMITS as Record<K, number>,
    private readonly now: () => Date = () => new Date(),
    private readonly write: FileWriter = (path, data) => writeFileAtomic(path, data, { newFileMode: 0o600 }),
  ) {}

  /** The file holding `key`. */
  pathOf(key: K): string {
    return join(this.dir, `${key}.json`)
  }

  /** At start-up: removes temp files of cut-short saves, then loads every key; damaged files are set aside with a message, missing ones are null. */
  async loadAll(): Promise<LoadedState<K>> {
    await this.removeLeftoverTempFiles()
    return this.readAll()
  }

  /** Loads every key without the start-up clean-up (safe while saves are under way, e.g. on a page reload). */
  async readAll(): Promise<LoadedState<K>> {
    const values = {} as Record<K, string | null>
    const problems: string[] = []
    for (const key of Object.keys(this.limits) as K[]) {
      const r = await this.load(key)
      values[key] = r.value
      if (r.problem) problems.push(r.problem)
    }
    return { values, problems }
  }

  /** Loads one key: its value, or null and (for a damaged file) a message saying where the file was kept. */
  async load(key: K): Promise<{ value: string | null; problem: string | null }> {
    const path = this.pathOf(key)
    let raw: string
    try {
      raw = await readFile(path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { value: null, problem: null }
      return { value: null, problem: `Your saved ${(HUMAN_NAMES[key] ?? key)} could not be read (${(err as Error).message}); starting without it.` }
    }
    const value = parseEnvelope(raw)
    if (value !== null && value.length <= this.limits[key]) return { value, problem: null }
    const aside = this.asidePath(key)
    try {
      await rename(path, aside)
    } catch {
      return { value: null, problem: `Your saved ${(HUMAN_NAMES[key] ?? key)} was damaged and could not be moved aside; starting without it.` }
    }
    return { value: null, problem: `Your saved ${(HUMAN_NAMES[key] ?? key)} was damaged, so defaults are in use. The damaged file was kept as ${aside}.` }
  }

  private asidePath(key: K): string {
    return `${this.pathOf(key)}.damaged-${this.now().toISOString().replace(/[:.]/g, '-')}`
  }

  /**
   * Keeps a copy of a key's file as it is now, beside it (for a value that loaded but was
   * partly damaged: the app keeps the readable parts, and the next save replaces the file).
   * Returns the copy's path, or null when it could not be made.
   */
  async keepCopy(key: K): Promise<string | null> {
    const aside = this.asidePath(key)
    try {
      await copyFile(this.pathOf(key), aside)
      return aside
    } catch {
      return null
    }
  }

  /** Deletes temporary files of saves that were cut short (the app was killed mid-save). */
  private async removeLeftoverTempFiles(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    await Promise.all(names.filter((n) => /^\..+\.tmp$/.test(n)).map((n) => unlink(join(this.dir, n)).catch(() => undefined)))
  }

  /**
   * Saves one key atomically, after any save of the same key under way. A value still
   * waiting is replaced by the newer one (its caller's promise settles with the newer write).
   */
  save(key: K, value: string): Promise<void> {
    const current = this.slots.get(key)
    if (current?.waiting) {
      current.waiting.value = value
      return current.promise
    }
    const waiting = { value }
    const slot: SaveSlot = { waiting, promise: Promise.resolve() }
    slot.promise = (current?.promise ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        slot.waiting = null
        return this.write(this.pathOf(key), JSON.stringify({ format: 1, value: waiting.value }))
      })
    this.slots.set(key, slot)
    void slot.promise
      .catch(() => undefined)
      .then(() => {
        if (this.slots.get(key) === slot) this.slots.delete(key)
      })
    return slot.promise
  }

  /** Resolves when no save is under way or waiting (for any key). */
  async idle(): Promise<void> {
    while (this.slots.size > 0) await Promise.allSettled([...this.slots.values()].map((s) => s.promise))
  }
}

/** The value inside a saved file, or null when the file is not one of ours. */
function parseEnvelope(raw: string): string | null {
  try {
    const v = JSON.parse(raw) as unknown
    if (typeof v !== 'object' || v === null) return null
    const { format, value } = v as { format?: unknown; value?: unknown }
    return format === 1 && typeof value === 'string' ? value : null
  } catch {
    return null
  }
}
