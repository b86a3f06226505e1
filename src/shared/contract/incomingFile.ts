/**
 * What the page does with a file text that arrives from main (opened, launched, changed
 * on disk, restored), decided from the facts alone so it can be tested without an editor.
 * The rule: text the user typed is never replaced without their say.
 */
import type { FileOpenedEvent } from './ipc'

/**
 * - 'replace': put the file's text in the editor (an undoable step).
 * - 'reload': the open file changed and nothing here is unsaved: update quietly, by the smallest change.
 * - 'ask': unsaved text would be replaced: ask (keep mine / load the file's / compare counts).
 * - 'name-only': the text stays; only the title takes the file's name.
 * - 'ignore': nothing to do (the file changed back to what is shown).
 */
export type IncomingAction = 'replace' | 'reload' | 'ask' | 'name-only' | 'ignore'

/** The facts decideIncoming looks at. */
export interface IncomingFacts {
  reason: FileOpenedEvent['reason']
  /** The editor's text now. */
  current: string
  /** The file's text. */
  incoming: string
  /** True when the editor holds text that is in no file (see hasUnsavedText). */
  unsaved: boolean
}

/** Decides what to do with a file's text (see IncomingAction). */
export function decideIncoming({ reason, current, incoming, unsaved }: IncomingFacts): IncomingAction {
  switch (reason) {
    case 'restored':
      return 'name-only'
    case 'opened':
      // The user asked for this file in the app; Undo brings the previous text back.
      return 'replace'
    case 'changed':
      if (current === incoming) return 'ignore'
      return unsaved ? 'ask' : 'reload'
    case 'launched':
      if (current === incoming) return 'name-only'
      return unsaved ? 'ask' : 'replace'
  }
}

/**
 * True when the editor's text exists nowhere else: edited since it was opened or saved,
 * or an untitled text that is neither empty nor the sample (a draft the user wrote).
 */
export function hasUnsavedText(state: { name: string | null; edited: boolean }, text: string, sample: string): boolean {
  return state.edited || (state.name === null && text.trim() !== '' && text !== sample)
}

/** One replacement that turns one text into another. */
export interface TextChange {
  from: number
  to: number
  insert: string
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff

/**
 * The smallest single change from `before` to `after`: the text between their common
 * start and common end (never splitting a surrogate pair). A file that grew by a line
 * becomes an insertion of that line, not a replacement of the whole text, so undo
 * history and the tokenizer see only what changed. Null when the texts are equal.
 */
export function smallestChange(before: string, after: string): TextChange | null {
  if (before === after) return null
  const max = Math.min(before.length, after.length)
  let start = 0
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++
  if (start > 0 && isHigh(before.charCodeAt(start - 1)) && (isLow(before.charCodeAt(start)) || isLow(after.charCodeAt(start)))) start--
  let end = 0
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++
  if (end > 0 && isLow(before.charCodeAt(before.length - end)) && (isHigh(before.charCodeAt(before.length - end - 1)) || isHigh(after.charCodeAt(after.length - end - 1)))) end--
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) }
}
