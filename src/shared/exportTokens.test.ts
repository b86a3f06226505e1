import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadEncoding, type LoadedEncoding } from './encodingLoader'
import { exportBody, exportedTokens, partialTokenIndexes, tokensToCsv, tokensToJson, tokenTableOf } from './exportTokens'
import { tokenizeAll } from './tokenize'
import { flatTokenView } from './tokenView'

let enc: LoadedEncoding
beforeAll(async () => {
  enc = await loadEncoding('o200k_base')
})

function rowsFor(text: string) {
  const { table } = tokenizeAll(text, enc, 'text')
  return exportedTokens(flatTokenView(table), (a, b) => text.slice(a, b), (i) => enc.tokenBytes(table.ids[i]))
}

describe('token export', () => {
  const text = 'a, "quoted",\r\nnew line; comma,comma "" 🦙 end'

  it('CSV quotes commas, quotes and newlines so a CSV reader gets every field back', () => {
    const rows = rowsFor(text)
    const csv = tokensToCsv(rows)
    expect(csv.startsWith('index,id,text,bytes,start,end\r\n')).toBe(true)
    const back = parse(csv, { columns: true }) as Record<string, string>[]
    expect(back.length).toBe(rows.length)
    back.forEach((r, i) => {
      expect(r.text).toBe(rows[i].text)
      expect(Number(r.id)).toBe(rows[i].id)
      expect(r.bytes).toBe(rows[i].bytes)
      expect([Number(r.start), Number(r.end)]).toEqual([rows[i].start, rows[i].end])
    })
    expect(back.map((r) => r.text).join('')).toBe(text)
  })

  it('exports real bytes for tokens that hold part of a character', () => {
    const rows = rowsFor(text)
    const allHex = rows.map((r) => r.bytes).join(' ')
    const expected = Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join(' ')
    expect(allHex).toBe(expected)
    // The llama is split into byte tokens: some rows cover no characters, none shows U+FFFD.
    expect(rows.some((r) => r.text === '')).toBe(true)
    expect(rows.every((r) => !r.text.includes('\ufffd'))).toBe(true)
  })

  it('JSON round-trips', () => {
    const rows = rowsFor(text)
    expect(JSON.parse(tokensToJson(rows))).toEqual(rows)
  })

  it('a packed job (what the export worker gets) writes the same file as the tokens themselves', () => {
    const text = 'Split 🦙 and 👩🏽‍💻, "quoted"\r\n' + 'é\u0301'.repeat(3)
    const { table } = tokenizeAll(text, enc, 'text')
    const view = flatTokenView(table)
    const packed = tokenTableOf(view, view.count)
    expect(packed).toEqual(table)
    const indexes = partialTokenIndexes(packed)
    expect(indexes.length).toBeGreaterThan(0)
    const partial = { indexes, bytes: Array.from(indexes, (i) => enc.tokenBytes(table.ids[i])) }
    const rows = rowsFor(text)
    for (const format of ['csv', 'json'] as const) {
      const body = new TextDecoder().decode(exportBody({ format, table: packed, text, partial }))
      expect(body).toBe(format === 'csv' ? tokensToCsv(rows) : tokensToJson(rows))
    }
    // The first n tokens only: the table ends where token n - 1 ends.
    const first3 = tokenTableOf(view, 3)
    expect(Array.from(first3.starts)).toEqual(Array.from(table.starts.subarray(0, 4)))
  })

  it('stops at the limit', () => {
    const { table } = tokenizeAll('one two three four', enc, 'text')
    expect(exportedTokens(flatTokenView(table), () => '', () => new Uint8Array(), 2)).toHaveLength(2)
  })
})
