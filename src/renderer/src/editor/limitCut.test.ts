import { EditorState } from '@codemirror/state'
import { beforeAll, describe, expect, it } from 'vitest'
import { cutText } from '@shared/document/documentModel'
import { loadEncoding, type LoadedEncoding } from '@shared/tokenizer/openai/encodingLoader'
import { oracleFor } from '@shared/testing/oracle'
import { TokenIndex } from '@shared/document/tokenIndex'
import { tokenizeChunk } from '@shared/document/tokenize'
import { firstTokenPastLimit, limitCutPosition } from './limitCut'
import { setTokens, tokenField } from './tokenState'

let o200k: LoadedEncoding
beforeAll(async () => {
  o200k = await loadEncoding('o200k_base')
})

/** An editor state holding `text` and its tokens, as the worker would send them. */
function stateWith(text: string): EditorState {
  const chunks = cutText(text, 16).map((c) => ({ ...c, tokens: tokenizeChunk(text, c.start, c.end, o200k, 'text') }))
  const index = new TokenIndex().applySplice({ from: 0, remove: 0, shift: 0, insert: chunks })
  const state = EditorState.create({ doc: text, extensions: [tokenField] })
  return state.update({ effects: setTokens.of({ tokens: index, version: 0 }) }).state
}

/** The oracle's text of `ids` (tiktoken's bytes, decoded; throws inside a character). */
function decoded(ids: number[]): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(oracleFor('o200k_base').decode(Uint32Array.from(ids)))
}

describe('limitCutPosition', () => {
  const text = 'Where does the limit fall?\nRight here, before 🦙 and 日本語 text.\n'

  it('is the end of the text of the tokens before the limit (tiktoken), and null when the text fits', () => {
    const state = stateWith(text)
    const ids = Array.from(oracleFor('o200k_base').encode_ordinary(text))
    let checked = 0
    for (let limit = 0; limit < ids.length; limit++) {
      let before: string
      try {
        before = decoded(ids.slice(0, limit))
      } catch {
        continue // a cut inside a character is covered below
      }
      expect(limitCutPosition(state, limit)).toBe(before.length)
      checked++
    }
    expect(checked).toBeGreaterThan(ids.length - 3)
    expect(limitCutPosition(state, ids.length)).toBeNull()
    expect(limitCutPosition(state, ids.length + 5)).toBeNull()
  })

  it('follows edits the tokenizer has not answered yet', () => {
    const state = stateWith(text)
    const cut = limitCutPosition(state, 8)!
    const typed = state.update({ changes: { from: 0, insert: 'Hmm. ' } }).state
    expect(limitCutPosition(typed, 8)).toBe(cut + 5)
    const after = state.update({ changes: { from: cut + 2, insert: 'xyz' } }).state
    expect(limitCutPosition(after, 8)).toBe(cut)
  })

  it('is null before there are tokens', () => {
    expect(limitCutPosition(EditorState.create({ doc: text, extensions: [tokenField] }), 1)).toBeNull()
  })
})

describe('firstTokenPastLimit', () => {
  it('selects a non-empty range for every limit, whole characters only, starting at the cut', () => {
    const text = 'a🦙b 🧑🏽‍🚀 c\u0301d 日本語 end'
    const state = stateWith(text)
    const { tokens } = state.field(tokenField)
    for (let limit = 0; limit < tokens!.count; limit++) {
      const range = firstTokenPastLimit(state, limit)!
      expect(range.from).toBe(limitCutPosition(state, limit))
      expect(range.to).toBeGreaterThan(range.from)
      // Never half of a surrogate pair.
      const piece = text.slice(range.from, range.to)
      expect(piece.isWellFormed()).toBe(true)
    }
    expect(firstTokenPastLimit(state, tokens!.count)).toBeNull()
  })

  it('is the first token past the limit when it holds whole characters', () => {
    const text = 'The first token past the limit is selected.'
    const state = stateWith(text)
    const ids = Array.from(oracleFor('o200k_base').encode_ordinary(text))
    const before = decoded(ids.slice(0, 4))
    expect(firstTokenPastLimit(state, 4)).toEqual({ from: before.length, to: before.length + decoded([ids[4]]).length })
  })
})
