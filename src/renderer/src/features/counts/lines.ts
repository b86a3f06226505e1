import type { EditorView } from '@codemirror/view'
import { endsWithLineBreak } from '@shared/text/counts'

/** Whether the editor's text ends in a line break (what the Lines count needs beside the counts). */
export function editorEndsWithBreak(view: EditorView | null): boolean {
  if (!view) return false
  const doc = view.state.doc
  return doc.length > 0 && endsWithLineBreak(doc.sliceString(doc.length - 1))
}
