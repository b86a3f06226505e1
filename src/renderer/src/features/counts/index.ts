/** Counts: tokens, characters, words and lines of the text. */
export { CountsPanel } from './CountsPanel'
export { editorEndsWithBreak } from './lines'
