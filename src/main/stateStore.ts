import { readdir, readFile, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { STATE_LIMITS } from '../shared/ipc'
import { writeFileAtomic } from './atomicWrite'

/** What loading the saved state found: each key's value (null when none) and any problems to tell the user. */
export interface LoadedState<K extends string> {
  values: Record<K, string | null>
  problems: string[]
}

const HUMAN_NAMES: Record<string, string> = { chat: 'chat prompt', window: 'window position', recent: 'list of recent files' }

/**
 * The app's saved state (settings, draft, chat, window) in the userData folder, one JSON
 * file per key, written atomically. Writes to one key are queued so the last one wins.
 * A file that cannot be parsed is moved aside (kept for the user) and reported, never thrown.
 */
export class StateStore<K extends string = keyof typeof STATE_LIMITS> {
  private queues = new Map<K, Promise<unknown>>()

  /**
   * @param dir the folder for the files (created on first save)
   * @param limits the keys and the largest value each may hold (larger files count as damaged)
   */
  constructor(
    private readonly dir: string,
    private readonly limits: Record<K, number> = STATE_LIMITS as Record<K, number>,
    private readonly now: () => Date = () => new Date(),
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
    const aside = `${path}.damaged-${this.now().toISOString().replace(/[:.]/g, '-')}`
    try {
      await rename(path, aside)
    } catch {
      return { value: null, problem: `Your saved ${(HUMAN_NAMES[key] ?? key)} was damaged and could not be moved aside; starting without it.` }
    }
    return { value: null, problem: `Your saved ${(HUMAN_NAMES[key] ?? key)} was damaged, so defaults are in use. The damaged file was kept as ${aside}.` }
  }

  /** Deletes temporary files of saves that were cut short (the app was killed mid-save). */
  private async removeLeftoverTempFiles(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    await Promise.all(names.filter((n) => /^\..+\.tmp$/.test(n)).map((n) => unlink(join(this.dir, n)).catch(() => undefined)))
  }

  /** Saves one key atomically (after any save of the same key still under way). */
  save(key: K, value: string): Promise<void> {
    const previous = this.queues.get(key) ?? Promise.resolve()
    const next = previous.catch(() => undefined).then(() => writeFileAtomic(this.pathOf(key), JSON.stringify({ format: 1, value })))
    this.queues.set(key, next)
    return next
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
