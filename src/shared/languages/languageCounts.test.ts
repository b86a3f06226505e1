import { afterAll, describe, expect, it } from 'vitest'
import { loadTokenizer } from '../tokenizer/catalog'
import { sourceReader } from '../testing/bundledSources'
import { freeOracles, oracleOrdinary } from '../testing/oracle'
import { oracleForTokenizer } from '../testing/tokenizerOracle'
import { udhrCorpus } from '../testing/udhrSource'
import { ENGLISH_CODE, isComplete } from './corpus'
import { countLanguage, extremes, filterRows, incompleteCount, languageRows, ratioTo, sortRows, type LanguageCount } from './languageCounts'

afterAll(() => freeOracles())

describe('counting each language', () => {
  const corpus = udhrCorpus()

  it.each(['cl100k_base', 'o200k_base'] as const)("every translation's count in %s equals tiktoken's count of the same text", async (name) => {
    const tokenizer = await loadTokenizer(name, sourceReader)
    for (const l of corpus.languages) {
      expect(countLanguage(l.text, tokenizer, 'text').tokens, l.code).toBe(oracleOrdinary(name, l.text).length)
    }
  })

  it("a sample of scripts counts as Hugging Face's Rust tokenizers does (Qwen 3)", async () => {
    const tokenizer = await loadTokenizer('qwen3', sourceReader)
    const oracle = oracleForTokenizer('qwen3')
    for (const code of ['eng', 'arb', 'hin', 'cmn_hans', 'jpn', 'rus', 'kor', 'amh', 'tam', 'khk_mong']) {
      const text = corpus.languages.find((l) => l.code === code)?.text
      expect(text, code).toBeTruthy()
      expect(countLanguage(text!, tokenizer, 'text').tokens, code).toBe((await oracle.encode(text!, 'text')).length)
    }
  })

  it('counts characters as code points', async () => {
    const tokenizer = await loadTokenizer('cl100k_base', sourceReader)
    expect(countLanguage('a\u{1F600}é\n', tokenizer, 'text')).toEqual({ tokens: oracleOrdinary('cl100k_base', 'a\u{1F600}é\n').length, characters: 4 })
  })
})

describe('the table', () => {
  const languages = [
    { code: 'eng', name: 'English', bcp47: 'en', direction: 'ltr' as const, stage: 4, articles: 30 },
    { code: 'fra', name: 'Français', bcp47: 'fr', direction: 'ltr' as const, stage: 5, articles: 30 },
    { code: 'arb', name: 'Arabic, Standard', bcp47: 'ar', direction: 'rtl' as const, stage: 4, articles: 30 },
    { code: 'xyz', name: 'Partial', bcp47: 'und', direction: 'ltr' as const, stage: 4, articles: 23 },
    { code: 'abc', name: 'Early', bcp47: 'und', direction: 'ltr' as const, stage: 1, articles: 1 },
  ]
  const counts = new Map<string, LanguageCount>([
    ['eng', { tokens: 200, characters: 1000 }],
    ['fra', { tokens: 300, characters: 1100 }],
    ['arb', { tokens: 500, characters: 900 }],
    ['xyz', { tokens: 100, characters: 400 }],
  ])
  const rows = languageRows(languages, counts)

  it('gives each language its ratio to English (English 1), none while uncounted', () => {
    expect(rows.map((r) => [r.code, r.ratio, r.complete])).toEqual([
      ['eng', 1, true],
      ['fra', 1.5, true],
      ['arb', 2.5, true],
      ['xyz', 0.5, false],
      ['abc', null, false],
    ])
    expect(languageRows(languages, new Map([['fra', { tokens: 3, characters: 3 }]]))[1].ratio).toBeNull()
    expect(ratioTo(5, 0)).toBeNull()
  })

  it('sorts by any column either way, uncounted rows last', () => {
    expect(sortRows(rows, { key: 'ratio', descending: true }).map((r) => r.code)).toEqual(['arb', 'fra', 'eng', 'xyz', 'abc'])
    expect(sortRows(rows, { key: 'ratio', descending: false }).map((r) => r.code)).toEqual(['xyz', 'eng', 'fra', 'arb', 'abc'])
    expect(sortRows(rows, { key: 'characters', descending: false }).map((r) => r.code)).toEqual(['xyz', 'arb', 'eng', 'fra', 'abc'])
    expect(sortRows(rows, { key: 'name', descending: false }).map((r) => r.name)).toEqual(['Arabic, Standard', 'Early', 'English', 'Français', 'Partial'])
    expect(sortRows(rows, { key: 'name', descending: true })[0].name).toBe('Partial')
  })

  it('shows complete translations unless told otherwise, filtered by name (case and accents ignored), code or tag', () => {
    expect(filterRows(rows, '', false).map((r) => r.code)).toEqual(['eng', 'fra', 'arb'])
    expect(filterRows(rows, '', true)).toHaveLength(5)
    expect(filterRows(rows, 'FRANCAIS', false).map((r) => r.code)).toEqual(['fra'])
    expect(filterRows(rows, ' ar ', false).map((r) => r.code)).toEqual(['arb'])
    expect(filterRows(rows, 'part', false)).toEqual([])
    expect(filterRows(rows, 'part', true).map((r) => r.code)).toEqual(['xyz'])
    expect(incompleteCount(languages)).toBe(2)
  })

  it('marks the tokenizers needing the fewest and the most tokens, ties included, nothing when all agree', () => {
    expect(extremes(new Map([['a', 10], ['b', 7], ['c', 12], ['d', 7]]))).toEqual({ fewest: ['b', 'd'], most: ['c'] })
    expect(extremes(new Map([['a', 10], ['b', null], ['c', 12]]))).toEqual({ fewest: ['a'], most: ['c'] })
    expect(extremes(new Map([['a', 10], ['b', 10]]))).toEqual({ fewest: [], most: [] })
    expect(extremes(new Map([['a', 10]]))).toEqual({ fewest: [], most: [] })
  })

  it("with the real corpus, English's own ratio is 1 and the complete count is the table's default size", async () => {
    const corpus = udhrCorpus()
    const tokenizer = await loadTokenizer('o200k_base', sourceReader)
    const real = new Map(corpus.languages.map((l) => [l.code, countLanguage(l.text, tokenizer, 'text')]))
    const table = languageRows(corpus.languages, real)
    expect(table.find((r) => r.code === ENGLISH_CODE)?.ratio).toBe(1)
    expect(filterRows(table, '', false)).toHaveLength(corpus.languages.filter(isComplete).length)
  })
})
