/** Chat: compose a chat, count it in the model's chat format, check it against the window; autosaved. */
export { ChatPanel } from './ChatPanel'
export { useChatAutosave } from './useChatAutosave'
