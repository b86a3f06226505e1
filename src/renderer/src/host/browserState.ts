import type { StateKey } from '@shared/contract/ipc'
import { stateRepairs } from '@shared/contract/stateRepair'
import { formatBytes, formatCount } from '@shared/text/format'
import type { HostNotice } from './host'

/** Prefix of this app's keys in localStorage. */
export const STORAGE_PREFIX = 'tokenizer-explorer:'

/** The keys this app keeps in localStorage. */
const OWN_KEYS: readonly StateKey[] = ['settings', 'draft', 'chat']

/**
 * Keys that hold the user's own text: another tab writing one of them is a conflict (the
 * settings are preferences, where the last change may win silently).
 */
const TEXT_KEYS: readonly StateKey[] = ['draft', 'chat']

const LABEL: Partial<Record<StateKey, string>> = { draft: 'text', chat: 'chat prompt', settings: 'settings' }

/** True for the error a browser throws when an origin's storage quota is used up. */
export function isQuotaError(err: unknown): boolean {
  if (!(err instanceof DOMException)) return false
  // Chrome and Safari: QuotaExceededError (code 22); Firefox: NS_ERROR_DOM_QUOTA_REACHED (code 1014).
  return err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22 || err.code === 1014
}

/** Bytes a localStorage item takes (browsers count UTF-16: two bytes per unit, key and value). */
const itemBytes = (key: string, value: string) => 2 * (key.length + value.length)

/**
 * The browser build's saved state in localStorage, with three guards:
 * - Two tabs: another tab's write of the draft or chat arrives here as a `storage` event.
 *   This tab then stops autosaving that key (each tab would silently undo the other's
 *   text) and says so, with an action to make this tab's text the saved one again. The
 *   `storage` event is used because it reports exactly the fact needed (another tab's
 *   write landed, which key) in every browser with no protocol of our own; a tab lock
 *   (Web Locks) would turn the second tab read-only or let the tab that gets the lock
 *   last overwrite the first silently; BroadcastChannel would need messages that
 *   duplicate what `storage` already reports.
 * - A full storage: says that the quota is full (not that the text is too large), keeps
 *   the value to write later (the text itself stays in the editor), and offers to free
 *   space by removing, after a confirmation that names them, the items this app does not need.
 * - Every failure is described for the status bar (lastProblem).
 */
export class BrowserState {
  private readonly taken = new Set<StateKey>()
  private readonly problems = new Map<StateKey, HostNotice>()
  /** The latest value of each key this tab tried to save (written again after a take-over or freeing space). */
  private readonly latest = new Map<StateKey, string>()
  /** What this tab read of each key when it loaded (a late event carrying that value is no conflict). */
  private readonly loaded = new Map<StateKey, string>()

  /**
   * @param storage localStorage (or a stand-in)
   * @param events where `storage` events arrive (the window), or null
   * @param confirm asks the user a yes/no question (window.confirm)
   * @param notify tells the user something that happened without an action of theirs
   */
  constructor(
    private readonly storage: Storage,
    events: Pick<Window, 'addEventListener'> | null,
    private readonly confirm: (question: string) => boolean,
    private readonly notify: (notice: HostNotice) => void,
  ) {
    events?.addEventListener('storage', (e: StorageEvent) => this.onStorage(e))
  }

  /** Reads a key; null when absent or storage is unavailable. */
  load(key: StateKey): string | null {
    try {
      const value = this.storage.getItem(STORAGE_PREFIX + key)
      if (value !== null) this.loaded.set(key, value)
      return value
    } catch {
      return null
    }
  }

  /**
   * Loads the settings, draft and chat. Settings or a chat with damaged parts are repaired:
   * the readable parts are kept and saved back, the stored text as it was is kept under
   * `<key>.damaged` (when there is room), and `problems` says what was lost.
   */
  loadAll(): { values: Partial<Record<StateKey, string | null>>; problems: string[] } {
    const values: Partial<Record<StateKey, string | null>> = { settings: this.load('settings'), draft: this.load('draft'), chat: this.load('chat') }
    const problems: string[] = []
    for (const { key, problems: lost, repaired } of stateRepairs(values)) {
      const copyKey = `${STORAGE_PREFIX}${key}.damaged`
      let kept = false
      try {
        this.storage.setItem(copyKey, values[key] ?? '')
        kept = true
      } catch {
        // No room: the message says so.
      }
      problems.push(...lost, kept ? `The stored text as it was is kept in this browser’s storage as “${copyKey}”.` : 'There was no room to keep a copy of the stored text as it was.')
      values[key] = repaired
      this.save(key, repaired)
    }
    return { values, problems }
  }

  /** Saves a key; false (and lastProblem says why) when another tab owns it, storage is full or unavailable. */
  save(key: StateKey, value: string): boolean {
    this.latest.set(key, value)
    if (this.taken.has(key)) {
      this.problems.set(key, this.takenNotice(key))
      return false
    }
    return this.write(key, value)
  }

  /** Why the last save of `key` failed, or null when it succeeded. */
  lastProblem(key: StateKey): HostNotice | null {
    return this.problems.get(key) ?? null
  }

  private write(key: StateKey, value: string): boolean {
    try {
      this.storage.setItem(STORAGE_PREFIX + key, value)
      this.problems.delete(key)
      return true
    } catch (err) {
      this.problems.set(key, isQuotaError(err) ? this.fullNotice(key, value) : { tone: 'warning', text: `This browser does not let the page save its ${LABEL[key] ?? key} (${err instanceof Error ? err.message : String(err)}). It stays in this tab while it is open; save it to a file to keep it.` })
      return false
    }
  }

  private onStorage(e: StorageEvent): void {
    if (e.storageArea !== this.storage || e.key === null || !e.key.startsWith(STORAGE_PREFIX) || e.newValue === null) return
    const key = e.key.slice(STORAGE_PREFIX.length) as StateKey
    if (!TEXT_KEYS.includes(key) || this.taken.has(key)) return
    // A write of the very value this tab loaded or last saved takes nothing away from it. Such
    // events do arrive: a write made by the page this one replaced (a reload) can be delivered
    // to the new page after it has read that value.
    if (e.newValue === this.loaded.get(key) || e.newValue === this.latest.get(key)) return
    this.taken.add(key)
    this.notify(this.takenNotice(key))
  }

  private takenNotice(key: StateKey): HostNotice {
    const what = LABEL[key] ?? key
    return {
      tone: 'warning',
      text: `Another tab saved its ${what}, so this tab no longer autosaves its own (each would replace the other’s). This tab’s ${what} stays here.`,
      action: { label: `Save this tab’s ${what}`, run: () => this.takeOver(key) },
    }
  }

  /** Makes this tab's value of `key` the saved one again (the other tab is then told, as this one was). */
  takeOver(key: StateKey): HostNotice {
    this.taken.delete(key)
    const value = this.latest.get(key)
    if (value !== undefined && !this.write(key, value)) return this.problems.get(key)!
    return { tone: 'info', text: `This tab’s ${LABEL[key] ?? key} is the saved one again.` }
  }

  /** The items in storage: this app's own keys and everything else of this site, with their sizes. */
  usage(): { own: number; other: { key: string; bytes: number }[] } {
    let own = 0
    const other: { key: string; bytes: number }[] = []
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i)
      if (key === null) continue
      const bytes = itemBytes(key, this.storage.getItem(key) ?? '')
      if (OWN_KEYS.some((k) => STORAGE_PREFIX + k === key)) own += bytes
      else other.push({ key, bytes })
    }
    return { own, other: other.sort((a, b) => b.bytes - a.bytes) }
  }

  private fullNotice(key: StateKey, value: string): HostNotice {
    const { other } = this.usage()
    const otherBytes = other.reduce((s, o) => s + o.bytes, 0)
    const what = LABEL[key] ?? key
    const why = other.length
      ? `${other.length === 1 ? '1 item' : `${other.length} items`} this app does not use ${other.length === 1 ? 'takes' : 'take'} ${formatBytes(otherBytes)} of it`
      : 'this app’s own saved state fills it'
    return {
      tone: 'warning',
      text: `Browser storage for this page is full: ${why}. Your ${what} (${formatCount(value.length)} characters) is not autosaved; it stays in this tab while it is open.`,
      ...(other.length ? { action: { label: 'Free space', run: () => this.freeSpace() } } : {}),
    }
  }

  /** After the user's yes, removes the items of this site this app does not use, then saves what could not be saved. */
  freeSpace(): HostNotice {
    const { other } = this.usage()
    if (!other.length) return { tone: 'info', text: 'There is nothing this app can remove; save your text to a file to keep it.' }
    const total = formatBytes(other.reduce((s, o) => s + o.bytes, 0))
    const names = other.slice(0, 5).map((o) => `“${o.key}” (${formatBytes(o.bytes)})`).join(', ')
    const question = `Remove ${other.length} item${other.length === 1 ? '' : 's'} (${total}) that this site stored and this app does not use? ${names}${other.length > 5 ? ', …' : ''}. They cannot be brought back.`
    if (!this.confirm(question)) return { tone: 'info', text: 'Nothing was removed; your text is still only in this tab.' }
    for (const o of other) {
      try {
        this.storage.removeItem(o.key)
      } catch {
        // Left as it is; the save below says whether there is room now.
      }
    }
    const failed = [...this.problems.keys()].filter((k) => !this.taken.has(k) && this.latest.has(k) && !this.write(k, this.latest.get(k)!))
    if (failed.length) return this.problems.get(failed[0])!
    return { tone: 'info', text: `Removed ${other.length} item${other.length === 1 ? '' : 's'} (${total}); your text is saved again.` }
  }
}
