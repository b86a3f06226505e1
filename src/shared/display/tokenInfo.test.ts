import { beforeAll, describe, expect, it } from 'vitest'
import { loadEncoding, type LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import { tokenizeAll } from '../document/tokenize'
import { describeToken as describe_ } from './tokenInfo'
import { flatTokenView } from '../document/tokenView'
import type { TokenTable } from '../document/tokenize'

const describeToken = (text: string, table: TokenTable, i: number) => describe_((a, b) => text.slice(a, b), flatTokenView(table), i)

let o200k: LoadedEncoding
beforeAll(async () => {
  o200k = await loadEncoding('o200k_base')
})

describe('describeToken', () => {
  it('describes a whole token with its span and text', () => {
    const text = 'Hello world'
    const { table } = tokenizeAll(text, o200k, 'text')
    const info = describeToken(text, table, 1)!
    expect(info).toMatchObject({ index: 1, text: ' world', start: 5, end: 11, partial: false, special: false, group: null })
    expect(info.id).toBe(table.ids[1])
  })
  it('groups the tokens that share one character (an emoji split into byte tokens)', () => {
    const text = 'hello 🦙 world' // o200k: " 🦙" is three tokens, two of them partial
    const { table } = tokenizeAll(text, o200k, 'text')
    const partial = Array.from(table.ids.keys()).filter((i) => describeToken(text, table, i)!.partial)
    expect(partial.length).toBeGreaterThanOrEqual(2)
    const group = describeToken(text, table, partial[0])!.group!
    expect(group.last - group.first + 1).toBe(partial.length)
    // The group covers exactly " 🦙" (or "🦙"): the text of its tokens joined.
    const joined = text.slice(table.starts[group.first], table.starts[group.last + 1])
    expect(joined.trim()).toBe('🦙')
    for (let i = group.first; i <= group.last; i++) expect(describeToken(text, table, i)!.group).toEqual(group)
  })
  it('gives the span in code points too: after an emoji, Python’s text[start:end] is the token', () => {
    const text = '🦙🦙 llamas 👩🏽‍💻 code'
    const { table } = tokenizeAll(text, o200k, 'text')
    const points = Array.from(text)
    for (let i = 0; i < table.ids.length; i++) {
      const info = describeToken(text, table, i)!
      expect(points.slice(info.codePointStart, info.codePointEnd).join('')).toBe(info.text)
    }
    const last = describeToken(text, table, table.ids.length - 1)!
    expect([last.text, last.codePointStart, last.codePointEnd, last.start]).toEqual([' code', points.length - 5, points.length, text.length - 5])
  })
  it('marks special tokens and rejects out-of-range indexes', () => {
    const text = 'a<|endoftext|>'
    const { table } = tokenizeAll(text, o200k, 'special')
    expect(describeToken(text, table, 1)).toMatchObject({ special: true, text: '<|endoftext|>' })
    expect(describeToken(text, table, 2)).toBeNull()
    expect(describeToken(text, table, -1)).toBeNull()
    expect(describeToken(text, table, 0.5)).toBeNull()
  })
})
