import type { DocumentState } from './ipc'

/** The app's name as windows and menus show it. */
export const APP_NAME = 'Tokenizer Explorer'

/** The window title: the open file's name (or Untitled), a • when the text was edited, then the app's name. */
export function windowTitle(state: DocumentState): string {
  return `${state.edited ? '• ' : ''}${state.name ?? 'Untitled'} — ${APP_NAME}`
}
