import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { StateStore } from './stateStore'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tokenizer-explorer-state-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const fixedNow = () => new Date('2026-11-26T12:00:00Z')

describe('StateStore', () => {
  it('starts empty, then saves and loads every key (a large draft included)', async () => {
    const store = new StateStore(dir, undefined, fixedNow)
    expect(await store.loadAll()).toEqual({ values: { settings: null, draft: null, chat: null, window: null }, problems: [] })
    const draft = 'x🦙'.repeat(2_000_000)
    await Promise.all([store.save('settings', '{"encoding":"cl100k_base"}'), store.save('draft', draft)])
    const again = await new StateStore(dir).loadAll()
    expect(again.values.settings).toBe('{"encoding":"cl100k_base"}')
    expect(again.values.draft).toBe(draft)
  })

  it('queues saves of one key so the last one wins', async () => {
    const store = new StateStore(dir)
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save('chat', `version ${i}`)))
    expect((await store.load('chat')).value).toBe('version 19')
  })

  it('merges saves that wait behind a running one: only the newest is written, and every caller hears when it is on disk', async () => {
    const written: string[] = []
    let release: () => void = () => undefined
    const slowWrite = async (path: string, data: string) => {
      written.push(JSON.parse(data).value as string)
      if (written.length === 1) await new Promise<void>((r) => (release = r)) // the first write is slow (a big draft)
      await writeFile(path, data)
    }
    const store = new StateStore(dir, undefined, fixedNow, slowWrite)
    const first = store.save('draft', 'v0')
    await vi.waitFor(() => expect(written).toEqual(['v0']))
    const later = Array.from({ length: 30 }, (_, i) => store.save('draft', `v${i + 1}`))
    let idle = false
    void store.idle().then(() => (idle = true))
    release()
    await Promise.all([first, ...later])
    expect(written).toEqual(['v0', 'v30'])
    expect((await store.load('draft')).value).toBe('v30')
    await vi.waitFor(() => expect(idle).toBe(true))
  })

  it('state files are private to the user (0600)', async () => {
    const store = new StateStore(dir)
    await store.save('draft', 'secret')
    if (process.platform !== 'win32') expect((await stat(join(dir, 'draft.json'))).mode & 0o777).toBe(0o600)
  })

  it.each([
    ['not JSON', '{"format":1,"value":"trunc'],
    ['JSON of the wrong shape', '[1,2,3]'],
    ['an unknown format', '{"format":2,"value":"x"}'],
    ['binary junk', '\u0000\u0001\u0002'],
  ])('a damaged file (%s) gives defaults and a message, and is kept aside', async (_what, content) => {
    await writeFile(join(dir, 'settings.json'), content)
    const store = new StateStore(dir, undefined, fixedNow)
    const loaded = await store.loadAll()
    expect(loaded.values.settings).toBeNull()
    expect(loaded.problems).toHaveLength(1)
    expect(loaded.problems[0]).toMatch(/Your saved settings was damaged, so defaults are in use. The damaged file was kept as .*settings\.json\.damaged-2026-11-26T12-00-00-000Z/)
    const names = await readdir(dir)
    expect(names).toContain('settings.json.damaged-2026-11-26T12-00-00-000Z')
    expect(names).not.toContain('settings.json')
    expect(await readFile(join(dir, 'settings.json.damaged-2026-11-26T12-00-00-000Z'), 'utf8')).toBe(content)
    // Saving again works and the next launch is clean.
    await store.save('settings', '{}')
    expect((await new StateStore(dir).loadAll()).problems).toEqual([])
  })

  it('a value over its size limit is treated as damaged', async () => {
    await writeFile(join(dir, 'window.json'), JSON.stringify({ format: 1, value: 'x'.repeat(10_000) }))
    const loaded = await new StateStore(dir, undefined, fixedNow).loadAll()
    expect(loaded.values.window).toBeNull()
    expect(loaded.problems[0]).toMatch(/window position was damaged/)
  })

  it('removes temporary files left by a save that was killed', async () => {
    await writeFile(join(dir, '.draft.json.123.abcd.tmp'), 'half a dra')
    await new StateStore(dir).loadAll()
    expect(await readdir(dir)).toEqual([])
  })
})
