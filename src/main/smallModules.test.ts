import { describe, expect, it } from 'vitest'
import { windowTitle } from '@shared/contract/title'
import { fileFromArgv } from './commandLine'
import { addRecent, MAX_RECENT, parseRecent } from './recentFiles'
import { restoreBounds } from './windowBounds'

describe('recent files', () => {
  it('moves a reopened file to the top, keeps no duplicates and at most MAX_RECENT', () => {
    let list: string[] = []
    for (let i = 0; i < 15; i++) list = addRecent(list, `/docs/${i}.txt`)
    expect(list).toHaveLength(MAX_RECENT)
    expect(list[0]).toBe('/docs/14.txt')
    list = addRecent(list, '/docs/10.txt')
    expect(list.slice(0, 2)).toEqual(['/docs/10.txt', '/docs/14.txt'])
    expect(new Set(list).size).toBe(list.length)
  })
  it('reads its saved form defensively', () => {
    expect(parseRecent(JSON.stringify(['/a.txt', 'relative.txt', '/a.txt', 42, '/b.txt']))).toEqual(['/a.txt', '/b.txt'])
    for (const bad of [null, '', '{', '{"a":1}', '"x"']) expect(parseRecent(bad)).toEqual([])
  })
})

describe('restoreBounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }]
  it('restores sane bounds on a display that exists', () => {
    expect(restoreBounds(JSON.stringify({ x: 100, y: 50, width: 1000, height: 700, maximized: true }), screen)).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: true })
  })
  it('refuses bounds on a display that is gone, junk, and absurd numbers', () => {
    expect(restoreBounds(JSON.stringify({ x: 3000, y: 0, width: 800, height: 600 }), screen)).toBeNull()
    for (const bad of [null, '{', '[]', '{"x":"1","y":0,"width":800,"height":600}', JSON.stringify({ x: 0, y: 0, width: 1e9, height: 600 })]) {
      expect(restoreBounds(bad, screen)).toBeNull()
    }
  })
  it('grows a tiny window to the minimum size', () => {
    expect(restoreBounds(JSON.stringify({ x: 10, y: 10, width: 50, height: 20 }), screen)).toMatchObject({ width: 640, height: 420 })
  })
})

describe('fileFromArgv', () => {
  it('finds the file in a packaged app, skipping flags', () => {
    expect(fileFromArgv(['/opt/app/tokenizer-explorer', '--no-sandbox', 'notes.txt'], '/home/ada', false)).toBe('/home/ada/notes.txt')
    expect(fileFromArgv(['/opt/app/tokenizer-explorer', '/tmp/a.md'], '/home/ada', false)).toBe('/tmp/a.md')
  })
  it('skips the app path when run as `electron .`', () => {
    expect(fileFromArgv(['/usr/bin/electron', '.', 'notes.txt'], '/w', true)).toBe('/w/notes.txt')
    expect(fileFromArgv(['/usr/bin/electron', '.'], '/w', true)).toBeNull()
  })
  it('is null without a file', () => {
    expect(fileFromArgv(['/opt/app/tokenizer-explorer'], '/', false)).toBeNull()
    expect(fileFromArgv(['/opt/app/tokenizer-explorer', '--inspect'], '/', false)).toBeNull()
  })
})

describe('windowTitle', () => {
  it('names the file and marks edits', () => {
    expect(windowTitle({ name: 'notes.txt', edited: false })).toBe('notes.txt — Tokenizer Explorer')
    expect(windowTitle({ name: 'notes.txt', edited: true })).toBe('• notes.txt — Tokenizer Explorer')
    expect(windowTitle({ name: null, edited: false })).toBe('Untitled — Tokenizer Explorer')
  })
})
