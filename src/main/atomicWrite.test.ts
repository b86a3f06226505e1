import { spawn } from 'node:child_process'
import { chmod, link, lstat, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFileAtomic } from './atomicWrite'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tokenizer-explorer-atomic-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it('writes text and bytes, replaces what was there, creates missing folders, leaves no temp files', async () => {
    const path = join(dir, 'nested', 'deeper', 'state.json')
    await writeFileAtomic(path, 'first')
    await writeFileAtomic(path, new TextEncoder().encode('second 🦙'))
    expect(await readFile(path, 'utf8')).toBe('second 🦙')
    expect(await readdir(join(dir, 'nested', 'deeper'))).toEqual(['state.json'])
  })

  it('fails without touching the old file when the target cannot be replaced (a folder is in the way)', async () => {
    const path = join(dir, 'blocked')
    await writeFileAtomic(join(path, 'inner.txt'), 'x') // makes `blocked` a folder
    await expect(writeFileAtomic(path, 'data')).rejects.toThrow()
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  // Permissions, links and inodes are POSIX matters; Windows has no modes and needs admin rights for symlinks.
  const posix = process.platform !== 'win32'

  it.runIf(posix)('keeps the permissions of the file it replaces; a new file gets the mode asked for', async () => {
    const shared = join(dir, 'shared.txt')
    await writeFile(shared, 'old')
    await chmod(shared, 0o644)
    await writeFileAtomic(shared, 'new')
    expect((await stat(shared)).mode & 0o777).toBe(0o644)
    const script = join(dir, 'run.sh')
    await writeFile(script, '#!/bin/sh')
    await chmod(script, 0o750)
    await writeFileAtomic(script, '#!/bin/sh\necho hi')
    expect((await stat(script)).mode & 0o777).toBe(0o750)
    await writeFileAtomic(join(dir, 'private.json'), '{}', { newFileMode: 0o600 })
    expect((await stat(join(dir, 'private.json'))).mode & 0o777).toBe(0o600)
  })

  it.runIf(posix)('writes through a symbolic link to its target and leaves the link a link (also a dangling one)', async () => {
    await writeFile(join(dir, 'real.md'), 'old')
    await symlink('real.md', join(dir, 'alias.md'))
    await writeFileAtomic(join(dir, 'alias.md'), 'through the link')
    expect((await lstat(join(dir, 'alias.md'))).isSymbolicLink()).toBe(true)
    expect(await readlink(join(dir, 'alias.md'))).toBe('real.md')
    expect(await readFile(join(dir, 'real.md'), 'utf8')).toBe('through the link')
    // A chain of links, and a link whose target does not exist yet.
    await symlink('alias.md', join(dir, 'alias2.md'))
    await writeFileAtomic(join(dir, 'alias2.md'), 'two hops')
    expect(await readFile(join(dir, 'real.md'), 'utf8')).toBe('two hops')
    await symlink('later.md', join(dir, 'dangling.md'))
    await writeFileAtomic(join(dir, 'dangling.md'), 'created')
    expect((await lstat(join(dir, 'dangling.md'))).isSymbolicLink()).toBe(true)
    expect(await readFile(join(dir, 'later.md'), 'utf8')).toBe('created')
  })

  it.runIf(posix)('a file with two names (a hard link): both names see the new text, the inode stays, no temp file is left', async () => {
    const a = join(dir, 'hard-a.txt')
    const b = join(dir, 'hard-b.txt')
    await writeFile(a, 'the old and longer text')
    await link(a, b)
    const inode = (await stat(a)).ino
    await writeFileAtomic(b, 'new')
    expect(await readFile(a, 'utf8')).toBe('new')
    expect(await readFile(b, 'utf8')).toBe('new')
    expect((await stat(b)).ino).toBe(inode)
    expect((await stat(a)).nlink).toBe(2)
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('a process killed while saving leaves the old or the new content, never a mix (10 kills)', async () => {
    // Run the real module in a child process: compile it to JavaScript next to the test files.
    const source = await readFile(join(__dirname, 'atomicWrite.ts'), 'utf8')
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
    await writeFile(join(dir, 'atomicWrite.mjs'), js)
    const target = join(dir, 'draft.json')
    const payload = (c: string) => c.repeat(8 * 1024 * 1024) // 8 MB, so a write takes a while
    await writeFile(target, payload('a'))
    await writeFile(
      join(dir, 'writer.mjs'),
      `import { writeFileAtomic } from './atomicWrite.mjs'
       const letters = 'bcdefghijk'
       for (let i = 0; ; i++) await writeFileAtomic(${JSON.stringify(target)}, letters[i % 10].repeat(8 * 1024 * 1024))`,
    )
    for (let k = 0; k < 10; k++) {
      const child = spawn(process.execPath, [join(dir, 'writer.mjs')], { stdio: 'ignore' })
      await new Promise((r) => setTimeout(r, 60 + k * 37))
      child.kill('SIGKILL')
      await new Promise((r) => child.once('exit', r))
      const text = await readFile(target, 'utf8')
      expect(text.length).toBe(8 * 1024 * 1024)
      expect(text).toBe(payload(text[0]))
    }
  }, 60_000)
})
