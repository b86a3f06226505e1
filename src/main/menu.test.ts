import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/contract/settings'
import { CATALOG } from '@shared/tokenizer/catalog'
import { buildMenuTemplate, type MenuActions } from './menu'

const actions = (): MenuActions => ({ command: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), openRecentTokenizer: vi.fn(), clearRecentTokenizers: vi.fn(), about: vi.fn() })
const items = (menu: MenuItemConstructorOptions) => menu.submenu as MenuItemConstructorOptions[]
const find = (list: MenuItemConstructorOptions[], label: RegExp) => list.find((i) => label.test((i.label ?? '').replace('&', '')))!
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)()

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help with the expected items and accelerators (Windows/Linux)', () => {
    const a = actions()
    const menu = buildMenuTemplate({ settings: DEFAULT_SETTINGS, recent: [], platform: 'linux' }, a)
    expect(menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help'])
    const file = items(menu[0])
    expect(find(file, /New/).accelerator).toBe('CmdOrCtrl+N')
    expect(find(file, /Open…/).accelerator).toBe('CmdOrCtrl+O')
    expect(find(file, /Save Text As/).accelerator).toBe('CmdOrCtrl+Shift+S')
    expect(find(file, /Quit/)).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' })
    expect(items(find(file, /Open Recent/))).toEqual([{ label: 'No Recent Files', enabled: false }])
    expect(items(menu[1]).filter((i) => i.role).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'])
    click(find(file, /New/))
    click(find(items(find(file, /Export Tokens/)), /CSV/))
    expect(a.command).toHaveBeenNthCalledWith(1, { type: 'new' })
    expect(a.command).toHaveBeenNthCalledWith(2, { type: 'export-tokens', format: 'csv' })
  })

  it('View reflects the settings: encoding radio, toggles, zoom roles and theme', () => {
    const a = actions()
    const settings = { ...DEFAULT_SETTINGS, encoding: 'cl100k_base' as const, showIds: true, theme: 'dark' as const }
    const view = items(buildMenuTemplate({ settings, recent: [], platform: 'win32' }, a)[2])
    const encodings = items(find(view, /Encoding/))
    expect(encodings).toHaveLength(CATALOG.length)
    expect(encodings.slice(0, 6).map((e) => e.accelerator)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `CmdOrCtrl+Alt+${n}`))
    expect(encodings.find((e) => /^Claude/.test(String(e.label)))?.label).toMatch(/approximate for Claude 3 and later/)
    expect(encodings.filter((e) => e.checked).map((e) => e.label)).toEqual([expect.stringMatching(/^cl100k_base/)])
    expect(find(view, /Token IDs/).checked).toBe(true)
    expect(find(view, /Whitespace/).checked).toBe(false)
    expect(find(view, /Wrap Lines/)).toMatchObject({ checked: true, accelerator: 'Alt+Z' })
    expect(find(view, /Train a Tokenizer/).checked).toBe(false)
    expect(find(view, /Languages Lab/).checked).toBe(false)
    click(find(view, /Languages Lab/))
    expect(a.command).toHaveBeenCalledWith({ type: 'toggle', what: 'languages' })
    expect(view.filter((i) => i.role).map((i) => i.role)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
    const themes = items(find(view, /Theme/))
    expect(themes.find((t) => t.checked)?.label).toBe('Dark')
    click(encodings[4])
    click(themes[0])
    expect(a.command).toHaveBeenCalledWith({ type: 'encoding', encoding: 'o200k_base' })
    expect(a.command).toHaveBeenCalledWith({ type: 'theme', theme: 'system' })
  })

  it('lists recent files by name, opens and clears them', () => {
    const a = actions()
    const file = items(buildMenuTemplate({ settings: DEFAULT_SETTINGS, recent: ['/home/ada/notes.txt', '/tmp/prompt.md'], platform: 'linux' }, a)[0])
    const recent = items(find(file, /Open Recent/))
    expect(recent[0]).toMatchObject({ label: '&1 notes.txt', toolTip: '/home/ada/notes.txt' })
    click(recent[1])
    expect(a.openRecent).toHaveBeenCalledWith('/tmp/prompt.md')
    click(find(recent, /Clear/))
    expect(a.clearRecent).toHaveBeenCalled()
  })

  it('File > Open Tokenizer… sends its command, with an accelerator no other item uses', () => {
    const a = actions()
    const menu = buildMenuTemplate({ settings: DEFAULT_SETTINGS, recent: [], platform: 'linux' }, a)
    const file = items(menu[0])
    const open = find(file, /Open Tokenizer…/)
    expect(open.accelerator).toBe('CmdOrCtrl+Shift+O')
    click(open)
    expect(a.command).toHaveBeenCalledWith({ type: 'open-tokenizer' })
    expect(items(find(file, /Open Recent Tokenizer|Open Recent To/))).toEqual([{ label: 'No Recent Tokenizers', enabled: false }])
    const accelerators: string[] = []
    const walk = (list: MenuItemConstructorOptions[]) => list.forEach((i) => (i.accelerator && accelerators.push(String(i.accelerator)), Array.isArray(i.submenu) && walk(i.submenu)))
    walk(menu)
    expect(accelerators.filter((k) => k === 'CmdOrCtrl+Shift+O')).toHaveLength(1)
  })

  it('lists recent tokenizers by folder and file, opens and clears them', () => {
    const a = actions()
    const recentTokenizers = ['/models/Llama-3-8B/tokenizer.json', '/models/qwen3']
    const file = items(buildMenuTemplate({ settings: DEFAULT_SETTINGS, recent: [], recentTokenizers, platform: 'linux' }, a)[0])
    const list = items(find(file, /Open Recent To/))
    expect(list.slice(0, 2)).toMatchObject([
      { label: '&1 Llama-3-8B/tokenizer.json', toolTip: '/models/Llama-3-8B/tokenizer.json' },
      { label: '&2 qwen3', toolTip: '/models/qwen3' },
    ])
    click(list[1])
    expect(a.openRecentTokenizer).toHaveBeenCalledWith('/models/qwen3')
    click(find(list, /Clear/))
    expect(a.clearRecentTokenizers).toHaveBeenCalled()
    expect(a.clearRecent).not.toHaveBeenCalled()
  })

  it('on macOS puts the app menu first with About and Quit, and no Quit in File', () => {
    const a = actions()
    const menu = buildMenuTemplate({ settings: DEFAULT_SETTINGS, recent: [], platform: 'darwin' }, a)
    expect(menu[0].label).toBe('Tokenizer Explorer')
    expect(items(menu[0]).some((i) => i.role === 'quit')).toBe(true)
    expect(items(menu[1]).some((i) => i.role === 'quit')).toBe(false)
    click(items(menu[0])[0])
    expect(a.about).toHaveBeenCalled()
  })
})
