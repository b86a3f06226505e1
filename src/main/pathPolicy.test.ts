import { describe, expect, it } from 'vitest'
import { OpenablePaths, pathRefusal } from './pathPolicy'

describe('pathRefusal', () => {
  it('refuses UNC and device paths on Windows: opening \\\\host\\share makes Windows connect over SMB and offer the user’s NTLM hash to that host', () => {
    for (const path of ['\\\\attacker.example\\share\\x.txt', '//attacker.example/share/x.txt', '\\\\?\\UNC\\host\\share\\x', '\\\\.\\PhysicalDrive0', '\\\\?\\C:\\x.txt', '/?/C:/x'])
      expect(pathRefusal(path, 'win32'), path).toMatch(/another computer or a device/)
  })
  it('refuses relative paths (they resolve against wherever the app started) and drive-relative ones', () => {
    expect(pathRefusal('notes.txt', 'linux')).toMatch(/not a full path/)
    expect(pathRefusal('../../etc/passwd', 'linux')).toMatch(/not a full path/)
    expect(pathRefusal('C:notes.txt', 'win32')).toMatch(/not a full path/)
    expect(pathRefusal('\\notes.txt', 'win32')).toMatch(/no drive/)
    expect(pathRefusal('//host/share/x', 'linux')).toMatch(/another computer/)
  })
  it('lets local full paths through', () => {
    expect(pathRefusal('/home/ada/notes.txt', 'linux')).toBeNull()
    expect(pathRefusal('C:\\Users\\ada\\notes.txt', 'win32')).toBeNull()
    expect(pathRefusal('d:/notes.txt', 'win32')).toBeNull()
  })
})

describe('OpenablePaths', () => {
  it('knows only the paths it was given, after normalising them', () => {
    const paths = new OpenablePaths('linux')
    paths.allow('/home/ada/notes.txt')
    expect(paths.has('/home/ada/notes.txt')).toBe(true)
    expect(paths.has('/home/ada/./notes.txt')).toBe(true)
    expect(paths.has('/home/ada/Notes.txt')).toBe(false)
    expect(paths.has('/etc/passwd')).toBe(false)
    expect(paths.has('/home/ada/../ada/notes.txt')).toBe(true)
  })
  it('never remembers network or relative paths, even when given them', () => {
    const paths = new OpenablePaths('win32')
    paths.allow('\\\\host\\share\\x.txt')
    paths.allow('x.txt')
    expect(paths.has('\\\\host\\share\\x.txt')).toBe(false)
    expect(paths.has('x.txt')).toBe(false)
    paths.allow('C:\\Users\\Ada\\x.txt')
    expect(paths.has('c:\\users\\ada\\X.TXT')).toBe(true)
  })
})
