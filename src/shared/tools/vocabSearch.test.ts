// The vocabulary search (issue 12) against tiktoken's own token bytes: ids, exact text,
// substrings, special tokens, the result limit and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadEncoding } from '../tokenizer/openai/encodingLoader'
import type { EncodingName } from '../tokenizer/openai/encodings'
import { createRequire } from 'node:module'
import { freeOracles, harmonyExtraSpecials, oracleFor } from '../testing/oracle'
import { visibleTokenBytes } from '../display/visibleText'
import { flatTokenView } from '../document/tokenView'
import { hexBytes, occurrencesOf, parseVocabQuery, searchVocabulary, vocabularyOf, type Vocabulary } from './vocabSearch'

const vocabs = new Map<EncodingName, Vocabulary>()
beforeAll(async () => {
  for (const name of ['cl100k_base', 'o200k_base', 'o200k_harmony'] as const) vocabs.set(name, vocabularyOf(await loadEncoding(name)))
})
afterAll(() => freeOracles())

const utf8 = new TextEncoder()
const require = createRequire(import.meta.url)

/**
 * Whether tiktoken has token `id`: its table's one line is "! 0 b64 b64 …" (ids 0 to n-1),
 * plus the special tokens. (Asking tiktoken for an id it lacks panics the WASM instance.)
 */
function oracleHas(name: EncodingName, id: number): boolean {
  let known = oracleKnown.get(name)
  if (!known) oracleKnown.set(name, (known = oracleIdTable(name)))
  return (id >= 0 && id < known.ordinary) || known.specials.has(id)
}
const oracleKnown = new Map<EncodingName, { ordinary: number; specials: Set<number> }>()

function oracleIdTable(name: EncodingName): { ordinary: number; specials: Set<number> } {
  const file = name === 'o200k_harmony' ? 'o200k_base' : name
  const json = require(`tiktoken/encoders/${file}.json`) as { bpe_ranks: string; special_tokens: Record<string, number> }
  const ordinary = json.bpe_ranks.split(' ').length - 2
  const specials = name === 'o200k_harmony' ? { ...json.special_tokens, ...harmonyExtraSpecials() } : json.special_tokens
  return { ordinary, specials: new Set(Object.values(specials)) }
}

/** tiktoken's bytes for an id, or null when tiktoken has no such token. */
function oracleBytes(name: EncodingName, id: number): Uint8Array | null {
  return oracleHas(name, id) ? oracleFor(name).decode_single_token_bytes(id) : null
}

/** Every id (ordinary and special) whose tiktoken bytes satisfy `test`, in id order. */
function oracleIdsWhere(name: EncodingName, test: (bytes: Uint8Array) => boolean): number[] {
  const out: number[] = []
  const limit = vocabs.get(name)!.idLimit + 10
  for (let id = 0; id < limit; id++) {
    const b = oracleBytes(name, id)
    if (b && test(b)) out.push(id)
  }
  return out
}

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(hay).includes(Buffer.from(needle))
}

describe('parseVocabQuery', () => {
  it('reads ids, text and mistakes', () => {
    expect(parseVocabQuery('')).toEqual({ kind: 'empty' })
    expect(parseVocabQuery('#290')).toEqual({ kind: 'id', id: 290 })
    expect(parseVocabQuery(' # 290 ')).toEqual({ kind: 'id', id: 290 })
    expect(parseVocabQuery('290')).toEqual({ kind: 'text', text: '290', id: 290 })
    expect(parseVocabQuery(' the')).toEqual({ kind: 'text', text: ' the' })
    expect(parseVocabQuery('   ')).toEqual({ kind: 'text', text: '   ' })
    expect(parseVocabQuery('#include')).toEqual({ kind: 'text', text: '#include' })
    expect(parseVocabQuery('#')).toEqual({ kind: 'text', text: '#' })
    for (const bad of ['#-1', '#1.5', '#1e3', '#+4', '#100,257']) expect(parseVocabQuery(bad).kind, bad).toBe('invalid')
  })
})

describe('searchVocabulary', () => {
  it('finds an id exactly, with the bytes tiktoken gives', () => {
    for (const name of ['cl100k_base', 'o200k_base'] as const) {
      for (const id of [0, 290, 1000, 100255, 199997]) {
        const expected = oracleBytes(name, id)
        const r = searchVocabulary(vocabs.get(name)!, `#${id}`)
        if (!expected) {
          expect(r.matches, `${name} ${id}`).toEqual([])
          expect(r.message).toMatch(/has no token/)
          continue
        }
        expect(r.matches, `${name} ${id}`).toHaveLength(1)
        expect(r.matches[0]).toMatchObject({ id, match: 'id', hex: hexBytes(expected), shown: visibleTokenBytes(expected), special: false })
      }
    }
  })

  it('shows a token that is not whole UTF-8 by its bytes, never U+FFFD', () => {
    const name = 'o200k_base'
    const partial = oracleIdsWhere(name, (b) => b.length === 1 && b[0] >= 0x80)[0]
    const r = searchVocabulary(vocabs.get(name)!, `#${partial}`)
    expect(r.matches[0].shown).toMatch(/^\\x[89A-F][0-9A-F]$/)
    expect(r.matches[0].shown).not.toContain('\ufffd')
  })

  it('finds special tokens by id and by name (tiktoken decodes them the same)', () => {
    const cl = vocabs.get('cl100k_base')!
    const eot = searchVocabulary(cl, '#100257').matches
    expect(eot).toHaveLength(1)
    expect(eot[0]).toMatchObject({ id: 100257, special: true, shown: '<|endoftext|>' })
    expect(new TextDecoder().decode(oracleBytes('cl100k_base', 100257)!)).toBe('<|endoftext|>')
    const byName = searchVocabulary(cl, '<|endofprompt|>').matches
    expect(byName[0]).toMatchObject({ id: 100276, match: 'exact', special: true })
    // o200k_harmony's 200018 has two names: both find it.
    const harmony = vocabs.get('o200k_harmony')!
    expect(searchVocabulary(harmony, '<|reserved_200018|>').matches[0]).toMatchObject({ id: 200018, match: 'exact' })
    expect(searchVocabulary(harmony, '<|endofprompt|>').matches[0]).toMatchObject({ id: 200018, match: 'exact' })
  })

  it('finds exact text: the id tiktoken encodes it as, listed first', () => {
    const name = 'o200k_base'
    for (const text of [' the', 'hello', '\n\n', ' 🦙']) {
      const ids = Array.from(oracleFor(name).encode_ordinary(text))
      const r = searchVocabulary(vocabs.get(name)!, text)
      const exact = r.matches.filter((m) => m.match === 'exact').map((m) => m.id)
      // A text that is one token is found as exactly that id; one that is not, not at all.
      expect(exact, JSON.stringify(text)).toEqual(ids.length === 1 ? ids : [])
      if (ids.length === 1) expect(r.matches[0].id).toBe(ids[0])
    }
  })

  it('finds every substring match, in id order, as tiktoken bytes say', () => {
    const name = 'cl100k_base'
    for (const text of ['llama', 'ção', ' Tokeniz', '\t\t']) {
      const needle = utf8.encode(text)
      const expected = oracleIdsWhere(name, (b) => b.length > needle.length && contains(b, needle))
      const r = searchVocabulary(vocabs.get(name)!, text, 100_000)
      expect(r.matches.filter((m) => m.match === 'substring').map((m) => m.id), text).toEqual(expected)
      expect(r.more).toBe(0)
    }
  })

  it('finds part of a character in tokens that hold only part of it', () => {
    // "é" is C3 A9; tokens holding just C3 (not valid UTF-8 alone) contain the first byte only,
    // so searching é finds whole-character tokens; the lone-byte token is found by id.
    const name = 'o200k_base'
    const needle = utf8.encode('é')
    const expected = oracleIdsWhere(name, (b) => b.length > needle.length && contains(b, needle)).length
    const r = searchVocabulary(vocabs.get(name)!, 'é', 1_000_000)
    expect(r.matches.filter((m) => m.match === 'substring')).toHaveLength(expected)
  })

  it('lists at most the limit and counts the rest', () => {
    const name = 'o200k_base'
    const needle = utf8.encode('e')
    const all = oracleIdsWhere(name, (b) => contains(b, needle)).length
    const r = searchVocabulary(vocabs.get(name)!, 'e')
    expect(r.matches).toHaveLength(200)
    expect(r.matches.length + r.more).toBe(all)
    expect(searchVocabulary(vocabs.get(name)!, 'e', 5).matches).toHaveLength(5)
  })

  it('a bare number is an id and text', () => {
    const r = searchVocabulary(vocabs.get('cl100k_base')!, '290')
    expect(r.matches[0]).toMatchObject({ id: 290, match: 'id' })
    const textIds = Array.from(oracleFor('cl100k_base').encode_ordinary('290'))
    if (textIds.length === 1) expect(r.matches[1]).toMatchObject({ id: textIds[0], match: 'exact' })
    expect(r.matches.slice(1).every((m) => m.match !== 'id')).toBe(true)
  })

  it('explains bad input and finds nothing', () => {
    const cl = vocabs.get('cl100k_base')!
    expect(searchVocabulary(cl, '')).toEqual({ matches: [], more: 0 })
    expect(searchVocabulary(cl, '#-1').message).toMatch(/whole numbers from 0/)
    expect(searchVocabulary(cl, '#999999999').message).toBe('cl100k_base has no token 999,999,999 (its ids run 0–100,276).')
    expect(searchVocabulary(cl, '#100256').message).toBe('cl100k_base has no token 100,256 (the id is unused).')
    expect(searchVocabulary(cl, '#99999999999999999999999').matches).toEqual([])
    expect(searchVocabulary(cl, 'x'.repeat(100_000))).toEqual({ matches: [], more: 0 })
    expect(searchVocabulary(cl, '\ud800').matches.every((m) => !m.shown.includes('\ufffd') || m.hex.includes('EF BF BD'))).toBe(true)
  })
})

describe('occurrencesOf', () => {
  it('counts each id and finds its first token, as the encoded ids say', () => {
    const text = 'the cat and the hat and the bat'
    const ids = oracleFor('o200k_base').encode_ordinary(text)
    const view = flatTokenView({ ids: Uint32Array.from(ids), starts: new Uint32Array(ids.length + 1), flags: new Uint8Array(ids.length) })
    const the = Array.from(oracleFor('o200k_base').encode_ordinary(' the'))[0]
    const wanted = [the, the, ids[0], 12345678]
    const got = occurrencesOf(view, wanted)
    const all = Array.from(ids)
    expect(got).toEqual(wanted.map((id) => ({ count: all.filter((x) => x === id).length, first: all.indexOf(id) })))
    expect(got[0].count).toBe(2)
  })
})
