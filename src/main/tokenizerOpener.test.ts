// The tokenizer opener without Electron's dialog: what is remembered across a restart (the
// recent list and the file opened last), and how the start-up restore reads that file again.
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ dialog: { showOpenDialog: vi.fn() } }))
const { TokenizerOpener, lastTokenizerPath } = await import('./tokenizerOpener')
const { OpenablePaths } = await import('./pathPolicy')

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tokenizer-opener-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** An opener whose saved files are kept in `disk`, as a restart would find them. */
function opener(disk: { recent: string | null; session: string | null }) {
  const openable = new OpenablePaths()
  const o = new TokenizerOpener({
    openable,
    save: async (json) => (disk.recent = json),
    saveSession: async (json) => (disk.session = json),
    changed: () => undefined,
  })
  o.load(disk.recent, disk.session)
  return { o, openable }
}

async function tokenizerFolder(name: string, json = '{"model": {"type": "BPE"}}'): Promise<string> {
  const folder = join(dir, name)
  await mkdir(folder, { recursive: true })
  await writeFile(join(folder, 'tokenizer.json'), json)
  return folder
}

describe('lastTokenizerPath', () => {
  it('reads a saved absolute path; anything else is none', () => {
    expect(lastTokenizerPath(JSON.stringify({ path: '/models/llama/tokenizer.json' }))).toBe('/models/llama/tokenizer.json')
    for (const bad of [null, '', 'not json', '{"path": 42}', '{"path": "relative/tokenizer.json"}', JSON.stringify({ path: `/${'x'.repeat(5000)}` }), '{"path": null}']) {
      expect(lastTokenizerPath(bad), String(bad)).toBeNull()
    }
  })
})

describe('TokenizerOpener across a restart', () => {
  it('after a restart the recent list is back and its paths open; the file opened last is restored without the page naming it', async () => {
    const disk = { recent: null as string | null, session: null as string | null }
    const llama = await tokenizerFolder('llama')
    const qwen = await tokenizerFolder('qwen', '{"model": {"type": "BPE", "vocab": {}}}')
    const first = opener(disk)
    // Nothing opened yet: nothing to restore.
    expect(await first.o.restore()).toEqual({ kind: 'cancelled' })
    // Two drops (proven by digest) make the recent list; qwen was opened last.
    const { createHash } = await import('node:crypto')
    const digest = (s: string) => createHash('sha256').update(s).digest('hex')
    expect(await first.o.openForPage(llama, digest('{"model": {"type": "BPE"}}'))).toMatchObject({ kind: 'opened' })
    expect(await first.o.openForPage(qwen, digest('{"model": {"type": "BPE", "vocab": {}}}'))).toMatchObject({ kind: 'opened' })
    await new Promise((r) => setTimeout(r, 10))

    const next = opener(disk)
    expect(next.o.recent).toEqual([qwen, llama])
    expect(next.openable.has(llama)).toBe(true)
    const restored = await next.o.restore()
    expect(restored).toMatchObject({ kind: 'opened', files: { sourceName: 'qwen' } })
    expect(new TextDecoder().decode((restored as { files: { tokenizer: Uint8Array } }).files.tokenizer)).toBe('{"model": {"type": "BPE", "vocab": {}}}')
    // Open Recent of the other one makes it the one restored next time.
    expect(await next.o.openRecent(llama)).toMatchObject({ kind: 'opened', files: { sourceName: 'llama' } })
    await new Promise((r) => setTimeout(r, 10))
    expect(await opener(disk).o.restore()).toMatchObject({ kind: 'opened', files: { sourceName: 'llama' } })
  })

  it('a file gone or grown too large since is an error that says so, and is forgotten (the next start does not try again)', async () => {
    const disk = { recent: null as string | null, session: null as string | null }
    const gone = await tokenizerFolder('gone')
    disk.session = JSON.stringify({ path: gone })
    const a = opener(disk)
    await rm(gone, { recursive: true })
    expect(await a.o.restore()).toEqual({ kind: 'error', message: 'Could not open gone: the file does not exist.' })
    await new Promise((r) => setTimeout(r, 10))
    expect(lastTokenizerPath(disk.session)).toBeNull()
    expect(await opener(disk).o.restore()).toEqual({ kind: 'cancelled' })

    const big = await tokenizerFolder('big')
    await truncate(join(big, 'tokenizer.json'), 101 * 1024 * 1024)
    disk.session = JSON.stringify({ path: join(big, 'tokenizer.json') })
    expect(await opener(disk).o.restore()).toMatchObject({ kind: 'error', message: expect.stringContaining('it is 101.0 MB, and the largest tokenizer.json Tokenizer Explorer opens is 100.0 MB') })
  })

  it('a saved network path is refused unread', async () => {
    const disk = { recent: null, session: JSON.stringify({ path: '//attacker.example/share/tokenizer.json' }) }
    // parseable as absolute on POSIX, but main never reads another computer's path.
    expect(await opener(disk).o.restore()).toMatchObject({ kind: 'error', message: expect.stringMatching(/another computer/) })
  })
})
