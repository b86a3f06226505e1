import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
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
