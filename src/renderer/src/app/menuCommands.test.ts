import { describe, expect, it } from 'vitest'
import { isMenuCommand, type MenuCommand } from '@shared/contract/ipc'
import { runMenuCommand, webShortcut, type MenuActions } from './menuCommands'

/** Actions that record what was called, with which argument. */
function recorder() {
  const calls: [string, unknown?][] = []
  const rec = (name: string) => (arg?: unknown) => void calls.push(arg === undefined ? [name] : [name, arg])
  const actions: MenuActions = {
    newText: rec('newText'),
    openFile: rec('openFile'),
    openTokenizer: rec('openTokenizer'),
    saveTextAs: rec('saveTextAs'),
    exportTokens: rec('exportTokens'),
    setEncoding: rec('setEncoding'),
    toggle: rec('toggle'),
    setTheme: rec('setTheme'),
  }
  return { calls, actions }
}

describe('runMenuCommand', () => {
  it('routes each command to its action with its argument', () => {
    const commands: MenuCommand[] = [
      { type: 'new' },
      { type: 'open' },
      { type: 'open-tokenizer' },
      { type: 'save-text-as' },
      { type: 'export-tokens', format: 'json' },
      { type: 'encoding', encoding: 'cl100k_base' },
      { type: 'theme', theme: 'dark' },
    ]
    const { calls, actions } = recorder()
    for (const c of commands) runMenuCommand(c, actions)
    expect(calls).toEqual([['newText'], ['openFile'], ['openTokenizer'], ['saveTextAs'], ['exportTokens', 'json'], ['setEncoding', 'cl100k_base'], ['setTheme', 'dark']])
  })
  it('maps every View toggle to the setting it flips', () => {
    const { calls, actions } = recorder()
    for (const what of ['whitespace', 'ids', 'density', 'wrap', 'lines', 'trainer', 'embeddings', 'languages'] as const) runMenuCommand({ type: 'toggle', what }, actions)
    expect(calls.map((c) => c[1])).toEqual(['showWhitespace', 'showIds', 'showDensity', 'wrapLines', 'lineNumbers', 'showTrainer', 'showEmbeddings', 'showLanguages'])
    // The page accepts the labs' toggles from main, and no made-up one.
    expect(isMenuCommand({ type: 'toggle', what: 'languages' })).toBe(true)
    expect(isMenuCommand({ type: 'toggle', what: 'sampling' })).toBe(false)
  })
})

describe('webShortcut', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({ ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, key: k, ...mods })
  it('saves on Ctrl+S or Cmd+S (Shift too) and opens on Ctrl+O', () => {
    expect(webShortcut(key('s', { ctrlKey: true }))).toBe('save')
    expect(webShortcut(key('S', { metaKey: true, shiftKey: true }))).toBe('save')
    expect(webShortcut(key('o', { ctrlKey: true }))).toBe('open')
  })
  it('leaves other keys alone: no modifier, Alt, Ctrl+Shift+O', () => {
    expect(webShortcut(key('s'))).toBeNull()
    expect(webShortcut(key('s', { ctrlKey: true, altKey: true }))).toBeNull()
    expect(webShortcut(key('O', { ctrlKey: true, shiftKey: true }))).toBeNull()
    expect(webShortcut(key('x', { ctrlKey: true }))).toBeNull()
  })
})
