import { EditorState } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { TokenIndex } from '@shared/document/tokenIndex'
import type { ChunkTokens } from '@shared/document/tokenize'
import { tablePositions } from './positions'
import { setTokens, tokenField } from './tokenState'

/** One-character tokens for text of length `n`, as one chunk. */
function oneCharTokens(n: number): TokenIndex {
  const tokens: ChunkTokens = {
    ids: Uint32Array.from({ length: n }, (_, i) => i),
    starts: Uint32Array.from({ length: n + 1 }, (_, i) => i),
    flags: new Uint8Array(n),
    counts: { characters: n, words: 1, bytes: n, newlines: 0 },
  }
  return new TokenIndex().applySplice({ from: 0, remove: 0, shift: 0, insert: [{ start: 0, end: n, tokens }] })
}

/** A state showing the tokens of "0123456789", then edited by `edit` (not tokenized yet). */
function stateWithEdit(edit?: { from: number; to?: number; insert?: string }): EditorState {
  let state = EditorState.create({ doc: '0123456789', extensions: [tokenField] })
  state = state.update({ effects: setTokens.of({ tokens: oneCharTokens(10), version: 0 }) }).state
  return edit ? state.update({ changes: edit }).state : state
}

describe('tablePositions', () => {
  it('is the identity, clamped to the document, when the tokens describe the document', () => {
    const p = tablePositions(stateWithEdit())
    expect(p.toDoc(4, 1)).toBe(4)
    expect(p.toTable(4, -1)).toBe(4)
    expect(p.toDoc(99, 1)).toBe(10)
    expect(p.toTable(-3, 1)).toBe(0)
    expect(p.tokenAt(4)).toBe(4)
  })

  it('maps over an insert the tokenizer has not answered yet, both ways', () => {
    // "01234" + "abc" + "56789": the table still describes "0123456789".
    const p = tablePositions(stateWithEdit({ from: 5, insert: 'abc' }))
    expect(p.toDoc(3, 1)).toBe(3)
    expect(p.toDoc(7, 1)).toBe(10)
    expect(p.toDoc(5, -1)).toBe(5)
    expect(p.toDoc(5, 1)).toBe(8)
    expect(p.toTable(9, 1)).toBe(6)
    // Inside the insert: the table position where it happened.
    expect(p.toTable(6, -1)).toBe(5)
    expect(p.toTable(6, 1)).toBe(5)
    expect(p.tokenAt(10)).toBe(7)
    expect(p.tokenAt(1)).toBe(1)
  })

  it('stays inside both texts past a delete and at their ends', () => {
    // "01" + "89": the table still describes ten characters.
    const p = tablePositions(stateWithEdit({ from: 2, to: 8 }))
    expect(p.toDoc(5, 1)).toBe(2)
    expect(p.toDoc(10, 1)).toBe(4)
    expect(p.toDoc(50, 1)).toBe(4)
    expect(p.toTable(3, 1)).toBe(9)
    expect(p.toTable(4, 1)).toBe(10)
    expect(p.toTable(40, 1)).toBe(10)
  })

  it('knows no token before the first tokens arrive', () => {
    const p = tablePositions(EditorState.create({ doc: 'abc', extensions: [tokenField] }))
    expect(p.tokens).toBeNull()
    expect(p.tokenAt(1)).toBeNull()
    expect(p.toDoc(2, 1)).toBe(2)
  })
})
