import { describe, expect, it } from 'vitest'
import { batches, MAX_CHARS, splitInput } from './input'
import { sparseInput, pieceText, checkVocabulary } from './model'

describe('splitInput', () => {
  it('takes one trimmed sentence per line and skips blank lines with a note', () => {
    const r = splitInput('  First one. \n\n\nSecond.\r\nThird\n')
    expect(r.texts).toEqual(['First one.', 'Second.', 'Third'])
    expect(r.lines).toEqual([1, 4, 5])
    expect(r.skippedBlank).toBe(2)
    expect(r.notes).toEqual(['2 empty lines skipped.'])
  })

  it('says nothing for an empty field or a final newline', () => {
    expect(splitInput('')).toMatchObject({ texts: [], notes: [] })
    expect(splitInput('One\n').notes).toEqual([])
  })

  it('keeps at most the limit and says how many were left out', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `Line ${i}`).join('\n')
    const r = splitInput(text, 'lines', 500)
    expect(r.texts).toHaveLength(500)
    expect(r.texts[499]).toBe('Line 499')
    expect(r.overLimit).toBe(9500)
    expect(r.notes[0]).toBe('Only the first 500 lines of 10,000 lines are used; 9,500 left out.')
  })

  it('joins paragraphs and remembers where each starts', () => {
    const r = splitInput('A one.\nA two.\n\n\nB one.\n  \nC', 'paragraphs')
    expect(r.texts).toEqual(['A one. A two.', 'B one.', 'C'])
    expect(r.lines).toEqual([1, 5, 7])
    expect(r.notes).toEqual([])
  })

  it('cuts over-long items without splitting a surrogate pair', () => {
    const long = 'a'.repeat(MAX_CHARS - 1) + '😀' + 'b'
    const r = splitInput(long)
    expect(r.texts[0]).toBe('a'.repeat(MAX_CHARS - 1))
    expect(r.truncated).toBe(1)
    expect(r.notes[0]).toMatch(/cut to that length/)
  })
})

describe('batches', () => {
  it('splits in order and refuses a size below 1', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(batches([], 3)).toEqual([])
    expect(() => batches([1], 0)).toThrow(/at least 1/)
  })
})

describe('model input', () => {
  it('builds the sparse [sentence, position] input', () => {
    const { indices, values } = sparseInput([[7, 8], [9]])
    expect([...indices]).toEqual([0, 0, 0, 1, 1, 0])
    expect([...values]).toEqual([7, 8, 9])
  })

  it('shows word starts as spaces and rejects a malformed vocabulary', () => {
    expect(pieceText('\u2581sun')).toBe(' sun')
    expect(() => checkVocabulary({ not: 'a list' })).toThrow(/vocab.json/)
    expect(() => checkVocabulary([[1, 'x']])).toThrow(/vocab.json/)
  })
})
