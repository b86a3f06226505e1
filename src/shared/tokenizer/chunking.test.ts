import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { isSafeCut, isSafeWordCut, nextChunkEnd } from './chunking'
import { encodeIds } from '../document/tokenize'
import { ENCODING_NAMES, type EncodingName } from './openai/encodings'
import { loadEncoding, type LoadedEncoding } from './openai/encodingLoader'

const encodings = new Map<EncodingName, LoadedEncoding>()
beforeAll(async () => {
  for (const name of ENCODING_NAMES) encodings.set(name, await loadEncoding(name))
})

describe('isSafeCut', () => {
  it('accepts a letter after a newline that follows a non-space', () => {
    expect(isSafeCut('ab\ncd', 3)).toBe(true)
    expect(isSafeCut('a.\nÉtat', 3)).toBe(true)
  })
  it('rejects the traps DESIGN.md names', () => {
    expect(isSafeCut('ab\n\ncd', 4)).toBe(false) // after a run of whitespace
    expect(isSafeCut('a)\n//x', 3)).toBe(false) // before punctuation
    expect(isSafeCut('ab \ncd', 4)).toBe(false) // space before the newline
    expect(isSafeCut('ab\n1', 3)).toBe(false) // digit
    expect(isSafeCut('ab\n', 3)).toBe(false) // end of text
    expect(isSafeCut('\nab', 1)).toBe(false) // too early
  })
  it("uses tiktoken's classes, not the engine's", () => {
    expect(isSafeCut('ab\u0085\ncd', 4)).toBe(false) // U+0085 is white space to tiktoken
    expect(isSafeCut('ab\ufeff\ncd', 4)).toBe(true) // U+FEFF is not
    expect(isSafeCut('ab\n\u088f', 3)).toBe(false) // a Unicode 17 letter is no letter to tiktoken
  })
})

describe('nextChunkEnd', () => {
  it('ends chunks only at safe cuts, at least minChars long, and the last at the text end', () => {
    const text = Array.from({ length: 200 }, (_, i) => `line ${i} text.`).join('\n')
    const cuts = [0]
    while (cuts[cuts.length - 1] < text.length) cuts.push(nextChunkEnd(text, cuts[cuts.length - 1], 100))
    expect(cuts[cuts.length - 1]).toBe(text.length)
    for (let k = 1; k < cuts.length - 1; k++) {
      expect(isSafeCut(text, cuts[k])).toBe(true)
      expect(cuts[k] - cuts[k - 1]).toBeGreaterThanOrEqual(100)
    }
    expect(cuts.length).toBeGreaterThan(10)
  })
  it('gives the whole rest when no cut is safe', () => {
    expect(nextChunkEnd('x'.repeat(1000), 0, 10)).toBe(1000)
    expect(nextChunkEnd('', 0, 10)).toBe(0)
  })
})

describe('property: encoding the pieces either side of a safe cut equals encoding the whole', () => {
  const alphabet = ['\n', '\n', '\n', ' ', '  ', '\t', '\r', '\r\n', 'a', 'Hello', 'Z', 'é', 'ß', '日本', '.', ')', '//', "'s", '1', '23', '🦙', '\u0301', '\u00a0', '<|endoftext|>', '\udc00', '\ud835']
  // Characters whose class differs between JavaScript and tiktoken: white space to Rust only
  // (U+0085), to JavaScript only (U+FEFF), letters and marks new in Unicode 17.
  alphabet.push('\u0085', '\u0085\n', '\ufeff', '\u088f', '\u088f\n', '\ua7ce', '\u1acf', '\u{323b0}')
  // Biased towards lines that end in a non-space and start with a letter, so safe cuts are common.
  const piece = fc.oneof(fc.constantFrom(...alphabet), fc.constantFrom('x\nY', '.\nÉ', '🦙\nb', ')\nab', "'\nsé", '\u0301\n日'))
  const texts = fc.array(piece, { minLength: 1, maxLength: 40 }).map((a) => a.join(''))
  it.each(ENCODING_NAMES)('%s', (name) => {
    const enc = encodings.get(name)!
    let cutsChecked = 0
    fc.assert(
      fc.property(texts, (text) => {
        const whole = enc.encodeOrdinary(text)
        for (let i = 0; i <= text.length; i++) {
          if (!isSafeCut(text, i)) continue
          cutsChecked++
          expect([...enc.encodeOrdinary(text.slice(0, i)), ...enc.encodeOrdinary(text.slice(i))]).toEqual(whole)
        }
      }),
      { numRuns: 400 },
    )
    expect(cutsChecked).toBeGreaterThan(400)
  })
})

describe('isSafeWordCut', () => {
  it('cuts after a letter before punctuation or space, never inside words, contractions or special names', () => {
    expect(isSafeWordCut('abc def', 3)).toBe(true)
    expect(isSafeWordCut('{"v":"the","n":1}', 9)).toBe(true)
    expect(isSafeWordCut('日本語，テキスト', 3)).toBe(true)
    expect(isSafeWordCut('abc def', 2)).toBe(false) // inside a word
    expect(isSafeWordCut("don't", 3)).toBe(false) // contraction
    expect(isSafeWordCut('<|endoftext|>', 11)).toBe(false) // before |>
    expect(isSafeWordCut('<|fim_prefix|>', 5)).toBe(false) // before _
    expect(isSafeWordCut('e\u0301', 1)).toBe(false) // before a combining mark
    expect(isSafeWordCut('abc1', 3)).toBe(false) // before a digit
    expect(isSafeWordCut('1 a', 1)).toBe(false) // after a digit
    expect(isSafeWordCut('𝐀 b', 2)).toBe(true) // after an astral letter
    expect(isSafeWordCut('𝐀 b', 1)).toBe(false) // never inside a surrogate pair
    // A lone second half after a letter is no letter: encoded as U+FFFD, it joins the newline.
    expect(isSafeWordCut('a\udc00\n', 2)).toBe(false)
    expect(isSafeWordCut('a\ud835\n', 2)).toBe(false)
    // tiktoken's classes (Unicode 16), not the engine's: U+088F is no letter, U+1ACF no mark.
    expect(isSafeWordCut('ab\u088f,', 3)).toBe(false)
    expect(isSafeWordCut('ab\u1acf', 2)).toBe(true)
  })
})

describe('long lines are cut inside', () => {
  it('a minified JSON line of 100 KB becomes many chunks, each ending at a safe cut', () => {
    const line = JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ id: i, value: 'word' + (i % 7 === 0 ? '' : 's'), ok: true })))
    const cuts = [0]
    while (cuts[cuts.length - 1] < line.length) cuts.push(nextChunkEnd(line, cuts[cuts.length - 1], 1000))
    expect(cuts.length).toBeGreaterThan(50)
    for (const c of cuts.slice(1, -1)) expect(isSafeWordCut(line, c)).toBe(true)
  })
})

describe('property: encoding the pieces either side of a word cut equals encoding the whole', () => {
  const alphabet = [' ', '  ', 'a', 'Word', 'HTTPServer', 'é', 'ß', '日本', 'ǅ', '\u0301', '1', '23', '.', ',', '"', "'", "'s", "'ll", '’', '{', '}', ':', '/', '|', '_', '<|', '|>', '<|endoftext|>', '<|fim_prefix|>', '\n', '\t', '🦙', '𝐀', '-', '—', '(', ')', '\u00a0', '\u3000', '，', '\udc00', '\ud835']
  alphabet.push('\u0085', '\ufeff', '\u088f', '\ua7ce', '\u1acf', '\u{323b0}', "'\u017f", '\u2028')
  const texts = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 40 }).map((a) => a.join(''))
  it.each(ENCODING_NAMES)('%s, special tokens as text and as special', (name) => {
    const enc = encodings.get(name)!
    const withSpecials = (t: string) => encodeIds(t, enc, 'special')
    let cutsChecked = 0
    fc.assert(
      fc.property(texts, (text) => {
        const whole = enc.encodeOrdinary(text)
        const wholeSpecial = withSpecials(text)
        for (let i = 0; i <= text.length; i++) {
          if (!isSafeWordCut(text, i)) continue
          cutsChecked++
          expect([...enc.encodeOrdinary(text.slice(0, i)), ...enc.encodeOrdinary(text.slice(i))]).toEqual(whole)
          expect([...withSpecials(text.slice(0, i)), ...withSpecials(text.slice(i))]).toEqual(wholeSpecial)
        }
      }),
      { numRuns: 1500 },
    )
    expect(cutsChecked).toBeGreaterThan(500)
  })
})
