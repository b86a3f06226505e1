import { EDITOR_KEYS_HINT_ID } from '../editor/createEditor'

/** Which modifier the editor's shortcuts use here (macOS binds Tab-indents to Shift+Alt+M). */
const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)

/**
 * The keys the editor takes, under it and as its description for screen readers: what Tab
 * does now (it moves focus unless the user switched it to indenting), and how to step by token.
 */
export function EditorKeysHint({ tabIndents }: { tabIndents: boolean }) {
  const toggle = isMac ? 'Shift+Alt+M' : 'Ctrl+M'
  return (
    <p id={EDITOR_KEYS_HINT_ID} className="editor-keys-hint">
      {tabIndents ? `Tab indents (${toggle}: Tab moves focus; Esc then Tab leaves).` : `Tab moves focus (${toggle}: Tab indents).`} Alt+←/→ steps
      through tokens.
    </p>
  )
}
