import { parse } from 'csv-parse/sync'
import { spawnSync } from 'node:child_process'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadEncoding, type LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import { EXPORT_COLUMNS, exportBody, exportFileName, exportedTokens, partialTokenIndexes, tokensToCsv, tokensToJson, tokenTableOf } from './exportTokens'
import { tokenizeAll } from '../document/tokenize'
import { flatTokenView } from '../document/tokenView'
import { bytesToHex } from '../text/utf8'
import { readStrictCsv } from '../testing/strictCsv'

let enc: LoadedEncoding
beforeAll(async () => {
  enc = await loadEncoding('o200k_base')
})

function rowsFor(text: string) {
  const { table } = tokenizeAll(text, enc, 'text')
  return exportedTokens(flatTokenView(table), text, (i) => enc.tokenBytes(table.ids[i]))
}

/** Python's csv module, if python3 is on this machine: the rows it reads from a file. */
function readWithPython(csv: string): string[][] | null {
  const script = 'import csv, io, json, sys\nrows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")))\nprint(json.dumps(rows))'
  const r = spawnSync('python3', ['-c', script], { input: Buffer.from(csv, 'utf8'), maxBuffer: 64 << 20 })
  if (r.error) return null
  if (r.status !== 0) throw new Error(r.stderr.toString())
  return JSON.parse(r.stdout.toString()) as string[][]
}
const hasPython = readWithPython('a\r\n') !== null

// Text with astral characters, newlines of every kind, commas and quotes, lone surrogates.
const piece = fc.oneof(
  fc.constantFrom('\n', '\r', '\r\n', ',', '"', ' ', '🦙', '👩🏽‍💻', '𝔸𝔹', 'é\u0301', '日本語', '\ud83d', '\udc99', 'word', ' x', '\t'),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
)
const mixedText = fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join(''))

describe('token export', () => {
  const text = 'a, "quoted",\r\nnew line; comma,comma "" 🦙 end'

  it('CSV quotes commas, quotes and newlines so a CSV reader gets every field back', () => {
    const rows = rowsFor(text)
    const csv = tokensToCsv(rows)
    expect(csv.startsWith('index,id,text,bytes,codepoint_start,codepoint_end,byte_start,byte_end\r\n')).toBe(true)
    const back = parse(csv, { columns: true }) as Record<string, string>[]
    expect(back.length).toBe(rows.length)
    back.forEach((r, i) => {
      expect(r.text).toBe(rows[i].text)
      expect(Number(r.id)).toBe(rows[i].id)
      expect(r.bytes).toBe(rows[i].bytes)
      expect([Number(r.codepoint_start), Number(r.codepoint_end)]).toEqual([rows[i].codepoint_start, rows[i].codepoint_end])
      expect([Number(r.byte_start), Number(r.byte_end)]).toEqual([rows[i].byte_start, rows[i].byte_end])
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
    expect(exportedTokens(flatTokenView(table), 'one two three four', () => new Uint8Array(), 2)).toHaveLength(2)
  })

  it('CSV: a strict RFC 4180 reader gets one record per token and every field back (bare LF and CR quoted)', () => {
    fc.assert(
      fc.property(mixedText, (t) => {
        const rows = rowsFor(t)
        const records = readStrictCsv(tokensToCsv(rows))
        expect(records).toHaveLength(rows.length + 1)
        records.slice(1).forEach((r, i) => expect(r).toEqual(EXPORT_COLUMNS.map((c) => String(rows[i][c]))))
      }),
    )
  })

  it.skipIf(!hasPython)('CSV: Python’s csv module reads one row per token, the texts joined give the text back (skipped without python3)', () => {
    const t = 'line one\nline two\rthree\r\n"quoted", comma, 🦙\n\n'.repeat(40)
    const rows = rowsFor(t)
    const read = readWithPython(tokensToCsv(rows))!
    expect(read).toHaveLength(rows.length + 1)
    expect(read[0]).toEqual([...EXPORT_COLUMNS])
    expect(read.slice(1).map((r) => r[2]).join('')).toBe(t)
    expect(read.slice(1).map((r) => Number(r[1]))).toEqual(rows.map((r) => r.id))
  })

  it('offsets: code-point offsets slice the text’s code points, byte offsets its UTF-8 bytes, for every token', () => {
    fc.assert(
      fc.property(mixedText, (t) => {
        const rows = rowsFor(t)
        const points = Array.from(t)
        const utf8 = new TextEncoder().encode(t)
        for (const r of rows) {
          expect(points.slice(r.codepoint_start, r.codepoint_end).join('')).toBe(r.text)
          expect(bytesToHex(utf8.subarray(r.byte_start, r.byte_end))).toBe(r.bytes)
        }
        // They tile the text: each token starts where the last one ended, the last ends at the end.
        rows.forEach((r, i) => expect([r.codepoint_start, r.byte_start]).toEqual(i === 0 ? [0, 0] : [rows[i - 1].codepoint_end, rows[i - 1].byte_end]))
        const last = rows.at(-1) ?? { codepoint_end: 0, byte_end: 0 }
        expect([last.codepoint_end, last.byte_end]).toEqual([points.length, utf8.length])
      }),
    )
  })

  it('a partial export says so in its file name', () => {
    expect(exportFileName('o200k_base', 'csv', 10, 10)).toBe('tokens-o200k_base.csv')
    expect(exportFileName('cl100k_base', 'json', 1_000_000, 2_345_678)).toBe('tokens-cl100k_base-first-1000000-of-2345678.json')
    // A tokenizer opened from a file: its id's colon, spaces and brackets are no part of a file name.
    expect(exportFileName('file: Llama-3.1 8B/x (2)', 'csv', 3, 3)).toBe('tokens-file-Llama-3.1-8B-x-2.csv')
    expect(exportFileName('file: ???', 'json', 3, 3)).toBe('tokens-file.json')
    expect(exportFileName(`file: ${'n'.repeat(400)}`, 'json', 3, 3).length).toBeLessThan(120)
  })
})
