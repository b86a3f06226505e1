import { readdir, readFile, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { STATE_KEYS, STATE_LIMITS, type StateKey } from '../shared/ipc'
import { writeFileAtomic } from './atomicWrite'

/** What loading the saved state found: each key's value (null when none) and any problems to tell the user. */
export interface LoadedState {
  values: Record<StateKey, string | null>
  problems: string[]
}

const HUMAN_NAMES: Record<StateKey, string> = { settings: 'settings', draft: 'draft', chat: 'chat prompt', window: 'window position' }

/**
 * The app's saved state (settings, draft, chat, window) in the userData folder, one JSON
 * file per key, written atomically. Writes to one key are queued so the last one wins.
 * A file that cannot be parsed is moved aside (kept for the user) and reported, never thrown.
 */
export class StateStore {
  private queues = new Map<StateKey, Promise<unknown>>()

  /** @param dir the folder for the files (created on first save) */
  constructor(
    private readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The file holding `key`. */
  pathOf(key: StateKey): string {
    return join(this.dir, `${key}.json`)
  }

  /** Loads every key; damaged files are set aside with a message, missing ones are null. */
  async loadAll(): Promise<LoadedState> {
    await this.removeLeftoverTempFiles()
    const values = {} as Record<StateKey, string | null>
    const problems: string[] = []
    for (const key of STATE_KEYS) {
      const r = await this.load(key)
      values[key] = r.value
      if (r.problem) problems.push(r.problem)
    }
    return { values, problems }
  }

  /** Loads one key: its value, or null and (for a damaged file) a message saying where the file was kept. */
  async load(key: StateKey): Promise<{ value: string | null; problem: string | null }> {
    const path = this.pathOf(key)
    let raw: string
    try {
      raw = await readFile(path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { value: null, problem: null }
      return { value: null, problem: `Your saved ${HUMAN_NAMES[key]} could not be read (${(err as Error).message}); starting without it.` }
    }
    const value = parseEnvelope(raw)
    if (value !== null && value.length <= STATE_LIMITS[key]) return { value, problem: null }
    const aside = `${path}.damaged-${this.now().toISOString().replace(/[:.]/g, '-')}`
    try {
      await rename(path, aside)
    } catch {
      return { value: null, problem: `Your saved ${HUMAN_NAMES[key]} was damaged and could not be moved aside; starting without it.` }
    }
    return { value: null, problem: `Your saved ${HUMAN_NAMES[key]} was damaged, so defaults are in use. The damaged file was kept as ${aside}.` }
  }

  /** Deletes temporary files of saves that were cut short (the app was killed mid-save). */
  private async removeLeftoverTempFiles(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    await Promise.all(names.filter((n) => /^\..+\.tmp$/.test(n)).map((n) => unlink(join(this.dir, n)).catch(() => undefined)))
  }

  /** Saves one key atomically (after any save of the same key still under way). */
  save(key: StateKey, value: string): Promise<void> {
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
