import { beforeAll, describe, expect, it } from 'vitest'
import { loadEncoding, type LoadedEncoding } from '@shared/tokenizer/openai/encodingLoader'
import { oracleOrdinary } from '@shared/testing/oracle'
import { tokenBytesClient } from '@shared/testing/tokenBytesClient'
import { tokenizeAll } from '@shared/document/tokenize'
import { flatTokenView } from '@shared/document/tokenView'
import { tokenExport } from './tokenExport'

let enc: LoadedEncoding
/** The worker's tokenBytes, done in-process. */
let client: ReturnType<typeof tokenBytesClient>
beforeAll(async () => {
  enc = await loadEncoding('o200k_base')
  client = tokenBytesClient(enc)
})

describe('tokenExport', () => {
  it('exports every token with bytes from the vocabulary for partial ones (CSV and JSON)', async () => {
    const text = 'a,"b"\n🦙'
    const view = flatTokenView(tokenizeAll(text, enc, 'text').table)
    const json = await tokenExport(view, (a, b) => text.slice(a, b), client, 'o200k_base', 'json')
    const rows = JSON.parse(new TextDecoder().decode(json.body)) as { id: number; bytes: string }[]
    expect(rows.map((r) => r.id)).toEqual(oracleOrdinary('o200k_base', text))
    expect(rows.map((r) => r.bytes.replace(/ /g, '')).join('')).toBe(Buffer.from(text).toString('hex'))
    const csv = await tokenExport(view, (a, b) => text.slice(a, b), client, 'o200k_base', 'csv')
    expect(csv.exported).toBe(view.count)
    expect(new TextDecoder().decode(csv.body).split('\n')[0]).toMatch(/^index,id,text,bytes,codepoint_start,codepoint_end,byte_start,byte_end\r$/)
  })
})
