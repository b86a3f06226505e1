import { beforeAll, describe, expect, it } from 'vitest'
import { loadEncoding, type LoadedEncoding } from '@shared/tokenizer/openai/encodingLoader'
import { oracleOrdinary } from '@shared/testing/oracle'
import { tokenBytesClient } from '@shared/testing/tokenBytesClient'
import { decodeIdList } from './decodeIds'

let enc: LoadedEncoding
/** The worker's tokenBytes, done in-process. */
let client: ReturnType<typeof tokenBytesClient>
beforeAll(async () => {
  enc = await loadEncoding('o200k_base')
  client = tokenBytesClient(enc)
})

describe('decodeIdList', () => {
  it('decodes tiktoken ids back to the text, split emoji whole', async () => {
    const text = 'Decode me 🦙👩🏽‍💻 please'
    expect(await decodeIdList(client, 'o200k_base', JSON.stringify(oracleOrdinary('o200k_base', text)))).toEqual({ text, problems: [] })
  })
  it('reports bad items by position and unknown ids, and says when nothing was found', async () => {
    const r = await decodeIdList(client, 'o200k_base', '9906, abc, 999999999')
    expect(r.problems.join('\n')).toMatch(/Item 2 \(“abc”\)/)
    expect(r.problems.join('\n')).toMatch(/Item 3: 999999999 is not a token of o200k_base/)
    expect((await decodeIdList(client, 'o200k_base', '  ')).problems).toEqual(['No token ids found.'])
  })
  it('quotes an item once: a quoted item keeps its own quotes, never doubled', async () => {
    const r = await decodeIdList(client, 'o200k_base', '["x", \'y\', z]')
    expect(r.problems.slice(0, 3)).toEqual(['Item 1 ("x"): not a token id (a whole number)', "Item 2 ('y'): not a token id (a whole number)", 'Item 3 (“z”): not a token id (a whole number)'])
    expect(r.problems.join('\n')).not.toMatch(/""|“"|"”/)
  })
})

describe('decodeIdList over the cap (issue 26)', () => {
  it('decodes the first 1,000,000 ids and says how many are left out of the text (and so of Copy and Save)', async () => {
    const one = oracleOrdinary('o200k_base', 'a')[0]
    const r = await decodeIdList(client, 'o200k_base', `${one} `.repeat(1_000_003))
    expect(r.text).toBe('a'.repeat(1_000_000))
    expect(r.problems[0]).toBe(
      'The list has 1,000,003 ids; only the first 1,000,000 were decoded. The text, and so Copy text and Save text, leaves out the last 3: decode them in a second list.',
    )
  })
})
