import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CliError } from './errors'
import { GitignoreStack } from './gitignore'
import { findFiles } from './inputs'

let dir: string
function write(rel: string, text = 'x\n'): void {
  const path = join(dir, rel)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'te-inputs-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Paths findFiles lists under `dir`, relative and with / separators. */
async function listed(gitignore = true, under = dir): Promise<string[]> {
  const { files } = await findFiles([under], gitignore)
  return files.map((f) => f.path.slice(under.length + 1).split('\\').join('/'))
}

describe('findFiles', () => {
  it('walks folders in name order and leaves out .git', async () => {
    write('b.txt')
    write('a/z.txt')
    write('a/y/x.txt')
    write('.git/config')
    write('.hidden')
    expect(await listed()).toEqual(['.hidden', 'a/y/x.txt', 'a/z.txt', 'b.txt'])
  })

  it('honours .gitignore: patterns, folders, negation, nested files overriding outer ones, anchored paths', async () => {
    write('.gitignore', '*.log\nbuild/\n/top.txt\n!keep.log\n')
    write('app.log')
    write('keep.log')
    write('top.txt')
    write('sub/top.txt')
    write('build/out.js')
    write('sub/build/deep.js')
    write('sub/.gitignore', '!again.log\nlocal.txt\n')
    write('sub/again.log')
    write('sub/other.log')
    write('sub/local.txt')
    write('src/main.ts')
    expect(await listed()).toEqual(['.gitignore', 'keep.log', 'src/main.ts', 'sub/.gitignore', 'sub/again.log', 'sub/top.txt'])
    expect(await listed(false)).toEqual(['.gitignore', 'app.log', 'build/out.js', 'keep.log', 'src/main.ts', 'sub/.gitignore', 'sub/again.log', 'sub/build/deep.js', 'sub/local.txt', 'sub/other.log', 'sub/top.txt', 'top.txt'])
  })

  it('applies the .gitignore files above the folder up to the repository root, and .git/info/exclude', async () => {
    mkdirSync(join(dir, '.git', 'info'), { recursive: true })
    writeFileSync(join(dir, '.git', 'info', 'exclude'), 'secret.txt\n')
    write('.gitignore', '*.tmp\npkg/dist/\n')
    write('pkg/a.tmp')
    write('pkg/a.txt')
    write('pkg/secret.txt')
    write('pkg/dist/x.js')
    expect(await listed(true, join(dir, 'pkg'))).toEqual(['a.txt'])
  })

  it('counts a file named on the command line even if ignored, and each file once', async () => {
    write('.gitignore', '*.log\n')
    write('x.log')
    const { files } = await findFiles([join(dir, 'x.log'), join(dir, 'x.log'), dir], true)
    expect(files.map((f) => f.path)).toEqual([join(dir, 'x.log'), join(dir, '.gitignore')])
  })

  it('reads links to files, does not follow links to folders, and reports broken links', async () => {
    write('real/a.txt')
    symlinkSync(join(dir, 'real', 'a.txt'), join(dir, 'link.txt'))
    symlinkSync(join(dir, 'real'), join(dir, 'loop'))
    symlinkSync(join(dir, 'missing'), join(dir, 'broken'))
    const { files, skipped } = await findFiles([dir], true)
    expect(files.map((f) => f.path.slice(dir.length + 1))).toEqual(['link.txt', join('real', 'a.txt')])
    expect(skipped.map((s) => [s.path.slice(dir.length + 1), s.reason])).toEqual([['broken', 'unreadable']])
  })

  it('throws a usage error (exit 2) for a path that does not exist, before reading anything', async () => {
    const err = await findFiles([dir, join(dir, 'nope.txt')], true, 'count').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(CliError)
    expect((err as CliError).message).toBe(`Cannot read ${join(dir, 'nope.txt')}: no such file or folder.`)
    expect((err as CliError).exitCode).toBe(2)
  })
})

describe('GitignoreStack', () => {
  it('matches folders only with a trailing-slash pattern', () => {
    write('.gitignore', 'logs/\n')
    const rules = GitignoreStack.forFolder(dir)
    expect(rules.ignores(join(dir, 'logs'), true)).toBe(true)
    expect(rules.ignores(join(dir, 'logs'), false)).toBe(false)
  })
})
