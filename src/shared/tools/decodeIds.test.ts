import { beforeAll, describe, expect, it } from 'vitest'
import { countIdItems, DECODE_EXAMPLE, decodePlaceholder, decodeTokenBytes, MAX_DECODE_IDS, parseIdList, textPreview } from './decodeIds'
import { loadEncoding, type LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import { oracleOrdinary } from '../testing/oracle'

let enc: LoadedEncoding
beforeAll(async () => {
  enc = await loadEncoding('o200k_base')
})

const bytesOf = (ids: number[]) => (i: number) => {
  try {
    return enc.tokenBytes(ids[i])
  } catch {
    return null
  }
}

describe('parseIdList', () => {
  it.each([
    ['1, 2, 3', [1, 2, 3]],
    ['1 2\n3', [1, 2, 3]],
    ['[1,2,3]', [1, 2, 3]],
    ['  [ 10 , 20 ]  ', [10, 20]],
    ['', []],
  ])('%j', (input, ids) => {
    expect(parseIdList(input)).toMatchObject({ ids, errors: [] })
  })
  it('reports malformed items by position and keeps the rest', () => {
    const r = parseIdList('5, x7, 8, -1, 3.5, 99999999999')
    expect(r.ids).toEqual([5, 8])
    expect(r.errors.map((e) => [e.item, e.text])).toEqual([
      [2, 'x7'],
      [4, '-1'],
      [5, '3.5'],
      [6, '99999999999'],
    ])
    expect(r.errors[0].offset).toBe(3)
  })
  it('reads an empty JSON array as no ids', () => {
    expect(parseIdList('[]')).toEqual({ ids: [], items: [], errors: [], total: 0 })
    expect(parseIdList(' [ ] ')).toEqual({ ids: [], items: [], errors: [], total: 0 })
  })

  it('reports a missing closing bracket', () => {
    expect(parseIdList('[1, 2').errors[0].message).toMatch(/closing/)
  })
})

describe('decodeTokenBytes', () => {
  it('round-trips with the oracle, emoji split across tokens included', () => {
    const text = 'Hello 🦙 world, 日本語 👩🏽‍💻!'
    const ids = oracleOrdinary('o200k_base', text)
    const r = decodeTokenBytes(ids, ids.map((_, i) => i + 1), bytesOf(ids))
    expect(r).toEqual({ text, unknown: [], invalidBytes: 0 })
  })
  it('reports ids the encoding does not have, by item', () => {
    const ids = [9906, 99999999, 1917]
    const r = decodeTokenBytes(ids, [1, 2, 3], bytesOf(ids))
    expect(r.unknown).toEqual([{ item: 2, id: 99999999 }])
    expect(r.text).toBe(new TextDecoder().decode(new Uint8Array([...enc.tokenBytes(9906), ...enc.tokenBytes(1917)])))
  })
  it('counts the bytes of a character cut short', () => {
    const ids = oracleOrdinary('o200k_base', ' 🦙')
    const part = ids.slice(0, -1)
    const r = decodeTokenBytes(part, part.map((_, i) => i + 1), bytesOf(part))
    expect(r.invalidBytes).toBeGreaterThan(0)
  })
})

describe('textPreview', () => {
  it('shows a short text whole', () => {
    expect(textPreview('short', 10)).toEqual({ shown: 'short', hidden: 0 })
  })
  it('cuts a long text, never inside a surrogate pair, and counts the characters left out', () => {
    const text = 'ab🦙cd🦙'
    // Cut at 3 units would split the llama: the preview stops before it.
    expect(textPreview(text, 3)).toEqual({ shown: 'ab', hidden: Array.from(text).length - 2 })
    expect(textPreview(text, 4)).toEqual({ shown: 'ab🦙', hidden: 3 })
    const long = '🦙 llama '.repeat(5_000)
    const p = textPreview(long)
    expect(long.startsWith(p.shown)).toBe(true)
    expect(p.shown.length).toBeLessThanOrEqual(10_000)
    expect(Array.from(p.shown).length + p.hidden).toBe(Array.from(long).length)
  })
})

describe('the cap of 1,000,000 ids (issue 26)', () => {
  it('parseIdList keeps the first MAX_DECODE_IDS ids and counts the whole list', () => {
    const r = parseIdList(Array.from({ length: MAX_DECODE_IDS + 5 }, (_, i) => i % 1000).join(' '))
    expect(r.ids).toHaveLength(MAX_DECODE_IDS)
    expect(r.total).toBe(MAX_DECODE_IDS + 5)
    expect(r.errors).toEqual([])
  })
  it('countIdItems counts the items of a list as parseIdList does, without keeping them', () => {
    for (const input of ['', '  ', '1 2 3', '[1, 2, 3]', ' 1,,2\n3,', 'a b', '[]', '[ 1 ]', '1,2 ,3 \t4']) {
      expect(countIdItems(input), JSON.stringify(input)).toBe(parseIdList(input).total)
    }
    expect(countIdItems('7 '.repeat(1_200_000))).toBe(1_200_000)
  })
})

describe('decodePlaceholder (issue 26)', () => {
  it('gives ids of the encoding in use that decode to the example phrase (tiktoken as the oracle)', () => {
    for (const name of ['o200k_base', 'cl100k_base', 'r50k_base'] as const) {
      const placeholder = decodePlaceholder((text) => oracleOrdinary(name, text))
      const ids = JSON.parse(placeholder) as number[]
      expect(ids).toEqual(oracleOrdinary(name, DECODE_EXAMPLE))
    }
    expect(decodePlaceholder(() => [1, 2])).toBe('[1, 2]')
  })
})
