import type { MenuCommand } from '@shared/contract/ipc'
import type { Theme, ViewToggle } from '@shared/contract/settings'
import type { TokenizerId } from '@shared/tokenizer/tokenizerId'

/** The setting each View menu check item flips. */
export const MENU_TOGGLES = { whitespace: 'showWhitespace', ids: 'showIds', density: 'showDensity', wrap: 'wrapLines', lines: 'lineNumbers', trainer: 'showTrainer', embeddings: 'showEmbeddings', languages: 'showLanguages' } as const satisfies Record<
  Extract<MenuCommand, { type: 'toggle' }>['what'],
  ViewToggle
>

/** What the menu commands do, as the app provides it. */
export interface MenuActions {
  newText(): void
  openFile(): void
  /** File > Open Tokenizer…. */
  openTokenizer(): void
  saveTextAs(): void
  exportTokens(format: 'csv' | 'json'): void
  setEncoding(encoding: TokenizerId): void
  toggle(key: ViewToggle): void
  setTheme(theme: Theme): void
}

/** Runs one native menu command with the app's actions. */
export function runMenuCommand(command: MenuCommand, actions: MenuActions): void {
  switch (command.type) {
    case 'new':
      return actions.newText()
    case 'open':
      return actions.openFile()
    case 'open-tokenizer':
      return actions.openTokenizer()
    case 'save-text-as':
      return actions.saveTextAs()
    case 'export-tokens':
      return actions.exportTokens(command.format)
    case 'encoding':
      return actions.setEncoding(command.encoding)
    case 'toggle':
      return actions.toggle(MENU_TOGGLES[command.what])
    case 'theme':
      return actions.setTheme(command.theme)
  }
}

/** The web build's shortcut for a key press (it has no menu to own them): Ctrl/Cmd+S saves, Ctrl/Cmd+O opens. */
export function webShortcut(e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key'>): 'save' | 'open' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null
  const key = e.key.toLowerCase()
  if (key === 's') return 'save'
  if (key === 'o' && !e.shiftKey) return 'open'
  return null
}
