import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FileOpenedEvent } from '@shared/contract/ipc'
import { OpenFileTracker } from './openFile'

let dir: string
let tracker: OpenFileTracker | null = null
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tokenizer-explorer-watch-'))
})
afterEach(async () => {
  tracker?.dispose()
  await rm(dir, { recursive: true, force: true })
})

/** Waits until `fn` stops throwing (file events arrive asynchronously). */
async function eventually(fn: () => void, ms = 3000): Promise<void> {
  const end = Date.now() + ms
  for (;;) {
    try {
      fn()
      return
    } catch (err) {
      if (Date.now() > end) throw err
      await new Promise((r) => setTimeout(r, 50))
    }
  }
}

describe('OpenFileTracker', () => {
  it('opens a file, adds it to the recent list, and sends it again when it changes on disk', async () => {
    const path = join(dir, 'prompt.txt')
    await writeFile(path, 'first version')
    const send = vi.fn<(e: FileOpenedEvent) => void>()
    const opened = vi.fn()
    tracker = new OpenFileTracker(send, opened)
    expect(await tracker.open(path)).toMatchObject({ kind: 'opened', file: { text: 'first version' } })
    expect(opened).toHaveBeenCalledWith(path)
    expect(tracker.current).toBe(path)
    await writeFile(path, 'second version')
    await eventually(() => expect(send).toHaveBeenLastCalledWith({ reason: 'changed', result: { kind: 'opened', file: { name: 'prompt.txt', text: 'second version', warning: null } } }))
  })

  it('follows editors that save by renaming a new file over the old one', async () => {
    const path = join(dir, 'notes.md')
    await writeFile(path, 'v1')
    const send = vi.fn<(e: FileOpenedEvent) => void>()
    tracker = new OpenFileTracker(send)
    await tracker.open(path)
    await writeFile(join(dir, 'notes.md.swp'), 'v2')
    await rename(join(dir, 'notes.md.swp'), path)
    await eventually(() => expect(send.mock.calls.at(-1)?.[0].result).toMatchObject({ file: { text: 'v2' } }))
    // A second save after the rename is still seen.
    await writeFile(path, 'v3')
    await eventually(() => expect(send.mock.calls.at(-1)?.[0].result).toMatchObject({ file: { text: 'v3' } }))
  })

  it('ignores other files in the folder, unchanged content, and everything after forget()', async () => {
    const path = join(dir, 'a.txt')
    await writeFile(path, 'same')
    const send = vi.fn()
    tracker = new OpenFileTracker(send)
    await tracker.open(path)
    await writeFile(join(dir, 'other.txt'), 'noise')
    await writeFile(path, 'same') // touched, not changed
    await new Promise((r) => setTimeout(r, 600))
    expect(send).not.toHaveBeenCalled()
    tracker.forget()
    expect(tracker.current).toBeNull()
    await writeFile(path, 'changed after forget')
    await new Promise((r) => setTimeout(r, 600))
    expect(send).not.toHaveBeenCalled()
  })

  it('a file that cannot be opened is not watched or added to the recent list', async () => {
    const opened = vi.fn()
    tracker = new OpenFileTracker(vi.fn(), opened)
    expect(await tracker.open(join(dir, 'missing.txt'))).toMatchObject({ kind: 'error' })
    expect(opened).not.toHaveBeenCalled()
    expect(tracker.current).toBeNull()
  })
})
