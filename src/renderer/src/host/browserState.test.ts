// The browser build's storage guards, with a Map standing in for localStorage (quota
// included) and `storage` events sent by hand as another tab's writes would arrive.
import { describe, expect, it, vi } from 'vitest'
import type { HostNotice } from './host'
import { BrowserState, isQuotaError, STORAGE_PREFIX } from './browserState'

/** A localStorage with a quota in UTF-16 units (keys and values), like a browser's. */
function fakeStorage(quotaUnits = 5_000_000): Storage {
  const map = new Map<string, string>()
  const used = () => [...map].reduce((s, [k, v]) => s + k.length + v.length, 0)
  return {
    get length() {
      return map.size
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem(k, v) {
      const old = map.get(k)
      if (used() - (old === undefined ? 0 : k.length + old.length) + k.length + v.length > quotaUnits) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      map.set(k, v)
    },
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  }
}

function setup(storage = fakeStorage(), confirm = () => true) {
  let onStorage: ((e: StorageEvent) => void) | null = null
  const events = { addEventListener: (_type: string, fn: (e: StorageEvent) => void) => (onStorage = fn) } as unknown as Window
  const notices: HostNotice[] = []
  const state = new BrowserState(storage, events, confirm, (n) => notices.push(n))
  /** Another tab writes `key` (its storage event arrives here). */
  const otherTabWrites = (key: string, value: string) => {
    storage.setItem(STORAGE_PREFIX + key, value)
    onStorage!({ storageArea: storage, key: STORAGE_PREFIX + key, newValue: value } as unknown as StorageEvent)
  }
  return { state, storage, notices, otherTabWrites }
}

describe('BrowserState', () => {
  it('saves and loads this app’s keys', () => {
    const { state } = setup()
    expect(state.save('draft', 'hello')).toBe(true)
    expect(state.load('draft')).toBe('hello')
    expect(state.lastProblem('draft')).toBeNull()
  })

  it('two tabs: another tab’s draft save is reported at once, and this tab stops overwriting it until the user says so', () => {
    const { state, storage, notices, otherTabWrites } = setup()
    state.save('draft', 'tab A text')
    otherTabWrites('draft', 'tab B text')
    expect(notices).toHaveLength(1)
    expect(notices[0].text).toMatch(/Another tab saved its text, so this tab no longer autosaves its own/)
    // Autosaves here no longer replace the other tab's text, and say why.
    expect(state.save('draft', 'tab A text, edited')).toBe(false)
    expect(storage.getItem(STORAGE_PREFIX + 'draft')).toBe('tab B text')
    expect(state.lastProblem('draft')!.text).toMatch(/Another tab/)
    // The user decides this tab's text is the one to keep.
    const after = notices[0].action!.run()
    expect(after!.text).toBe('This tab’s text is the saved one again.')
    expect(storage.getItem(STORAGE_PREFIX + 'draft')).toBe('tab A text, edited')
    expect(state.save('draft', 'tab A, more')).toBe(true)
  })

  it('a late event carrying the value this tab loaded or saved (the page before a reload wrote it) is no conflict', () => {
    const { state, storage, notices, otherTabWrites } = setup()
    storage.setItem(STORAGE_PREFIX + 'chat', '{"model":42}')
    expect(state.load('chat')).toBe('{"model":42}')
    state.save('chat', '{"model":"gpt-4o"}') // repaired and saved back, as loadAll does
    otherTabWrites('chat', '{"model":42}')
    otherTabWrites('chat', '{"model":"gpt-4o"}')
    expect(notices).toEqual([])
    otherTabWrites('chat', '{"model":"other"}')
    expect(notices).toHaveLength(1)
  })

  it('two tabs: settings may follow the last change silently; a removal is not a conflict', () => {
    const { notices, otherTabWrites, storage } = setup()
    otherTabWrites('settings', '{}')
    storage.removeItem(STORAGE_PREFIX + 'draft')
    expect(notices).toEqual([])
  })

  it('a full storage says the quota is full (not that a 3 KB draft is too large), and frees space only after a yes', () => {
    const storage = fakeStorage(100_000)
    storage.setItem('some-other-app:cache', 'x'.repeat(99_000))
    const confirm = vi.fn(() => false)
    const { state } = setup(storage, confirm)
    const draft = 'y'.repeat(3_000)
    expect(state.save('draft', draft)).toBe(false)
    const problem = state.lastProblem('draft')!
    expect(problem.text).toMatch(/^Browser storage for this page is full: 1 item this app does not use takes .* of it\. Your text \(3,000 characters\) is not autosaved; it stays in this tab/)
    expect(problem.text).not.toMatch(/too large/)
    expect(problem.action!.label).toBe('Free space')
    // No: nothing is removed.
    expect(problem.action!.run()!.text).toMatch(/Nothing was removed/)
    expect(confirm.mock.calls[0][0]).toMatch(/“some-other-app:cache”/)
    expect(storage.getItem('some-other-app:cache')).not.toBeNull()
    // Yes: the other item goes and the waiting draft is written.
    confirm.mockReturnValue(true)
    expect(problem.action!.run()!.text).toMatch(/Removed 1 item .*your text is saved again/)
    expect(storage.getItem(STORAGE_PREFIX + 'draft')).toBe(draft)
    expect(state.lastProblem('draft')).toBeNull()
  })

  it('recognises the quota errors of Chrome, Safari and Firefox, and nothing else', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true)
    expect(isQuotaError(new DOMException('x', 'NS_ERROR_DOM_QUOTA_REACHED'))).toBe(true)
    expect(isQuotaError(new DOMException('x', 'SecurityError'))).toBe(false)
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false)
  })
})

describe('BrowserState.loadAll', () => {
  it('repairs damaged settings and chat once: readable parts kept and saved back, a copy kept, the loss named', () => {
    const storage = fakeStorage()
    const chat = JSON.stringify({ model: 42, reserve: '1', messages: [{ role: 'user', name: '', content: 'keep me' }] })
    storage.setItem(STORAGE_PREFIX + 'chat', chat)
    storage.setItem(STORAGE_PREFIX + 'settings', '{"encoding": "cl100k_base", ')
    storage.setItem(STORAGE_PREFIX + 'draft', 'my draft')
    const { state } = setup(storage)
    const { values, problems } = state.loadAll()
    expect(values.draft).toBe('my draft')
    expect(JSON.parse(values.chat!)).toEqual({ model: 'gpt-4o', reserve: '1', messages: [{ role: 'user', name: '', content: 'keep me' }] })
    expect(problems.join(' ')).toMatch(/Your saved settings could not be read .* Parts of your saved chat prompt were damaged and could not be kept: the model/)
    expect(problems).toContain('The stored text as it was is kept in this browser’s storage as “tokenizer-explorer:chat.damaged”.')
    expect(storage.getItem(STORAGE_PREFIX + 'chat.damaged')).toBe(chat)
    // The next load finds sound values: nothing to say.
    expect(setup(storage).state.loadAll().problems).toEqual([])
  })
})
