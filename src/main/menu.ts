import type { MenuItemConstructorOptions } from 'electron'
import { basename, dirname } from 'node:path'
import { tokenizerGroups } from '@shared/tokenizer/tokenizerId'
import type { MenuCommand } from '@shared/contract/ipc'
import type { Settings, Theme } from '@shared/contract/settings'
import { APP_NAME } from '@shared/contract/title'

/** What the menu shows: the page's settings (for check marks), the recent files and the recent tokenizers. */
export interface MenuState {
  settings: Settings
  recent: readonly string[]
  /** Tokenizer files and model folders opened before (File > Open Recent Tokenizer); none when absent. */
  recentTokenizers?: readonly string[]
  platform: NodeJS.Platform
}

/** What menu items do. */
export interface MenuActions {
  /** Sends a command to the focused window's page. */
  command(command: MenuCommand): void
  openRecent(path: string): void
  clearRecent(): void
  openRecentTokenizer(path: string): void
  clearRecentTokenizers(): void
  about(): void
}

/** A recent tokenizer's menu label: its model folder's name ("Llama-3-8B/tokenizer.json"), or the folder alone. */
function tokenizerLabel(path: string): string {
  const parent = basename(dirname(path))
  return /\.json$/i.test(path) && parent ? `${parent}/${basename(path)}` : basename(path)
}

const THEME_LABELS: Record<Theme, string> = { system: 'Follow System', light: 'Light', dark: 'Dark' }

/**
 * The application menu with platform accelerators (CmdOrCtrl: ⌘ on macOS, Ctrl elsewhere),
 * Electron's standard roles for Edit and zoom, and on macOS the app menu first.
 */
export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin'
  const { settings } = state
  const send = (command: MenuCommand) => () => actions.command(command)
  const recentList = (paths: readonly string[], none: string, open: (path: string) => void, clear: () => void, name: (path: string) => string): MenuItemConstructorOptions[] =>
    paths.length === 0
      ? [{ label: none, enabled: false }]
      : [
          ...paths.map((path, i) => ({
            label: `${i < 9 ? `&${i + 1} ` : ''}${name(path)}`,
            toolTip: path,
            click: () => open(path),
          })),
          { type: 'separator' },
          { label: 'Clear Recently Opened', click: clear },
        ]
  const recent = recentList(state.recent, 'No Recent Files', actions.openRecent, actions.clearRecent, basename)
  const recentTokenizers = recentList(state.recentTokenizers ?? [], 'No Recent Tokenizers', actions.openRecentTokenizer, actions.clearRecentTokenizers, tokenizerLabel)

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: '&New', accelerator: 'CmdOrCtrl+N', click: send({ type: 'new' }) },
      { label: '&Open…', accelerator: 'CmdOrCtrl+O', click: send({ type: 'open' }) },
      { label: 'Open &Recent', submenu: recent },
      { label: 'Open &Tokenizer…', accelerator: 'CmdOrCtrl+Shift+O', click: send({ type: 'open-tokenizer' }) },
      { label: 'Open Recent To&kenizer', submenu: recentTokenizers },
      { type: 'separator' },
      { label: '&Save Text As…', accelerator: 'CmdOrCtrl+Shift+S', click: send({ type: 'save-text-as' }) },
      {
        label: '&Export Tokens',
        submenu: [
          { label: 'As &CSV…', accelerator: 'CmdOrCtrl+E', click: send({ type: 'export-tokens', format: 'csv' }) },
          { label: 'As &JSON…', accelerator: 'CmdOrCtrl+Shift+E', click: send({ type: 'export-tokens', format: 'json' }) },
        ],
      },
      ...(mac ? [] : ([{ type: 'separator' }, { role: 'quit', label: '&Quit', accelerator: 'CmdOrCtrl+Q' }] as MenuItemConstructorOptions[])),
    ],
  }

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      {
        label: '&Encoding',
        // Every tokenizer in one radio group (a separator would split the group; each label
        // names its family). The six OpenAI encodings keep their accelerators.
        submenu: tokenizerGroups()
          .flatMap((g) => g.options)
          .map(({ id, label }, i) => ({
            label,
            type: 'radio' as const,
            checked: settings.encoding === id,
            ...(i < 6 ? { accelerator: `CmdOrCtrl+Alt+${i + 1}` } : {}),
            click: send({ type: 'encoding', encoding: id }),
          })),
      },
      { type: 'separator' },
      { label: 'Show &Whitespace', type: 'checkbox', checked: settings.showWhitespace, accelerator: 'CmdOrCtrl+Shift+W', click: send({ type: 'toggle', what: 'whitespace' }) },
      { label: 'Show Token &IDs', type: 'checkbox', checked: settings.showIds, accelerator: 'CmdOrCtrl+Shift+I', click: send({ type: 'toggle', what: 'ids' }) },
      { label: 'Show &Density Strip', type: 'checkbox', checked: settings.showDensity, click: send({ type: 'toggle', what: 'density' }) },
      { label: 'Show &Line Numbers', type: 'checkbox', checked: settings.lineNumbers, click: send({ type: 'toggle', what: 'lines' }) },
      { label: 'W&rap Lines', type: 'checkbox', checked: settings.wrapLines, accelerator: 'Alt+Z', click: send({ type: 'toggle', what: 'wrap' }) },
      { label: 'Train a &Tokenizer', type: 'checkbox', checked: settings.showTrainer, click: send({ type: 'toggle', what: 'trainer' }) },
      { label: '&Embeddings Lab', type: 'checkbox', checked: settings.showEmbeddings, click: send({ type: 'toggle', what: 'embeddings' }) },
      { label: 'L&anguages Lab', type: 'checkbox', checked: settings.showLanguages, click: send({ type: 'toggle', what: 'languages' }) },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      {
        label: '&Theme',
        submenu: (['system', 'light', 'dark'] as const).map((theme) => ({
          label: THEME_LABELS[theme],
          type: 'radio' as const,
          checked: settings.theme === theme,
          click: send({ type: 'theme', theme }),
        })),
      },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [{ label: `&About ${APP_NAME}`, click: () => actions.about() }],
  }

  const appMenu: MenuItemConstructorOptions = {
    label: APP_NAME,
    submenu: [
      { label: `About ${APP_NAME}`, click: () => actions.about() },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }

  return mac ? [appMenu, file, edit, view, { role: 'windowMenu' }, help] : [file, edit, view, help]
}
