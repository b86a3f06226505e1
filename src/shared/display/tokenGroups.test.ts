import { beforeAll, describe, expect, it } from 'vitest'
import { loadEncoding, type LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import { tokenizeAll } from '../document/tokenize'
import { tokenGroup as group } from './tokenGroups'
import { flatTokenView } from '../document/tokenView'
import type { TokenTable } from '../document/tokenize'

const tokenGroup = (table: TokenTable, i: number, isBreak: (p: number) => boolean) => group(flatTokenView(table), i, isBreak)

let o200k: LoadedEncoding
beforeAll(async () => {
  o200k = await loadEncoding('o200k_base')
})

/** Grapheme breaks from Intl.Segmenter: an oracle independent of CodeMirror. */
function breaksOf(text: string): (pos: number) => boolean {
  const set = new Set<number>([0, text.length])
  for (const s of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) set.add(s.index)
  return (pos) => set.has(pos)
}

describe('tokenGroup', () => {
  it('keeps ordinary tokens alone', () => {
    const text = 'Hello world'
    const { table } = tokenizeAll(text, o200k, 'text')
    expect(tokenGroup(table, 1, breaksOf(text))).toEqual({ first: 1, last: 1 })
  })
  it('joins every token of a ZWJ emoji sequence, and the group covers whole clusters', () => {
    const text = 'dev 👩🏽‍💻 ok'
    const { table } = tokenizeAll(text, o200k, 'text')
    const isBreak = breaksOf(text)
    const at = Array.from(table.starts).findIndex((s) => s >= 4) // first token at or after the emoji
    const g = tokenGroup(table, at, isBreak)
    expect(g.last).toBeGreaterThan(g.first)
    expect(isBreak(table.starts[g.first])).toBe(true)
    expect(isBreak(table.starts[g.last + 1])).toBe(true)
    expect(text.slice(table.starts[g.first], table.starts[g.last + 1])).toContain('👩🏽‍💻')
    // Every member reports the same group.
    for (let i = g.first; i <= g.last; i++) expect(tokenGroup(table, i, isBreak)).toEqual(g)
  })
  it('joins byte tokens of one character even where no cluster rule applies', () => {
    const text = 'x 🦙'
    const { table } = tokenizeAll(text, o200k, 'text')
    const g = tokenGroup(table, table.ids.length - 1, () => true)
    expect(g.last - g.first + 1).toBeGreaterThanOrEqual(2)
  })
})
