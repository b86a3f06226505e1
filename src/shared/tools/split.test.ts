import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadEncoding, type LoadedEncoding } from '../tokenizer/openai/encodingLoader'
import { unzipSync } from 'fflate'
import { chunkFileNames, chunksToJsonl, chunksToZip, splitRanges, splitVerified } from './split'
import { oracleOrdinary } from '../testing/oracle'
import { tokenizeAll } from '../document/tokenize'
import { FLAG_SPLIT_START } from '../tokenizer/tokenSpans'
import { flatTokenView } from '../document/tokenView'

let enc: LoadedEncoding
beforeAll(async () => {
  enc = await loadEncoding('o200k_base')
})

const viewOf = (text: string) => flatTokenView(tokenizeAll(text, enc, 'text').table)

describe('splitRanges', () => {
  it('rejects a bad size or overlap with a clear message', () => {
    const view = viewOf('a b c')
    expect(() => splitRanges(view, 0, 0)).toThrow(/at least 1/)
    expect(() => splitRanges(view, 4, 4)).toThrow(/less than the chunk size/)
    expect(() => splitRanges(view, 4, -1)).toThrow(RangeError)
    expect(() => splitRanges(view, 2.5, 0)).toThrow(RangeError)
  })

  it('refuses a split into more chunks than the limit with a clear message, never a split that stops short', () => {
    // The case at a smaller scale: the old split kept the first chunks and dropped the rest silently.
    const text = 'Word after word, '.repeat(400)
    const view = viewOf(text)
    expect(() => splitRanges(view, 2, 0, new Map(), 100)).toThrow(/about [\d,]+ chunks; at most 100 can be made at once. Choose a chunk size of at least \d+ tokens\./)
    expect(() => splitRanges(view, 5, 3, new Map(), 100)).toThrow(/or a smaller overlap/)
    // The size it suggests works, and covers the whole text.
    let message = ''
    try {
      splitRanges(view, 2, 0, new Map(), 100)
    } catch (e) {
      message = (e as Error).message
    }
    const needed = Number(/at least (\d+)/.exec(message)![1])
    const chunks = splitRanges(view, needed, 0, new Map(), 100)
    expect(chunks.length).toBeLessThanOrEqual(100)
    expect(chunks.at(-1)!.to).toBe(text.length)
  })

  it('property: chunks hold at most N tokens, overlap exactly M, cover everything, and rebuild the text', () => {
    const unit = fc.constantFrom('a', ' ', 'Word', '\n', '.', '123', 'é', '日本', ' the', ' token')
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 12 }), fc.nat(), (parts, size, o) => {
        const text = parts.join('')
        const view = viewOf(text)
        const overlap = o % size
        const chunks = splitRanges(view, size, overlap)
        expect(chunks[0].first).toBe(0)
        expect(chunks[chunks.length - 1].end).toBe(view.count)
        let rebuilt = text.slice(chunks[0].from, chunks[0].to)
        for (let k = 0; k < chunks.length; k++) {
          const c = chunks[k]
          expect(c.end - c.first).toBeLessThanOrEqual(size)
          if (k > 0) {
            expect(chunks[k - 1].end - c.first).toBe(overlap) // no split characters in this alphabet
            rebuilt += text.slice(chunks[k - 1].to, c.to)
          }
        }
        expect(rebuilt).toBe(text)
      }),
      { numRuns: 300 },
    )
  })

  it('never cuts inside a character (emoji split into byte tokens)', () => {
    const text = '🦙🦙🦙🦙 👩🏽‍💻👩🏽‍💻 done'
    const view = viewOf(text)
    for (let size = 1; size <= 6; size++) {
      const chunks = splitRanges(view, size, 0)
      expect(chunks[chunks.length - 1].to).toBe(text.length)
      chunks.forEach((c, k) => k > 0 && expect(c.first).toBeGreaterThan(chunks[k - 1].first))
      // At most `size` tokens, unless no clean cut exists within the first `size` + 1 tokens (one character takes more).
      for (const c of chunks)
        if (c.end - c.first > size) for (let i = c.first + 1; i < c.end; i++) expect(view.flags(i) & FLAG_SPLIT_START).not.toBe(0)
      expect(chunks.map((c) => text.slice(c.from, c.to)).join('')).toBe(text)
      for (const c of chunks) {
        const piece = text.slice(c.from, c.to)
        expect(/[\ud800-\udbff]$/.test(piece)).toBe(false)
        expect(/^[\udc00-\udfff]/.test(piece)).toBe(false)
      }
    }
  })

  it('exports JSON Lines', () => {
    const text = 'one two three four five'
    const view = viewOf(text)
    const lines = chunksToJsonl(splitRanges(view, 2, 1), (a, b) => text.slice(a, b)).trim().split('\n').map((l) => JSON.parse(l))
    expect(lines[0]).toEqual({ index: 0, tokens: 2, firstToken: 0, text: 'one two' })
    expect(lines[1].text).toBe(' two three')
  })
})

describe('chunksToZip', () => {
  it('names the files so they sort, and holds each chunk as UTF-8 text (tiktoken: each at most N tokens)', () => {
    expect(chunkFileNames(3)).toEqual(['chunk-001.txt', 'chunk-002.txt', 'chunk-003.txt'])
    expect(chunkFileNames(1234)[1233]).toBe('chunk-1234.txt')
    const text = 'Zip me 🦙 into numbered files, line after line.\n'.repeat(40)
    const view = flatTokenView(tokenizeAll(text, enc, 'text').table)
    const chunks = splitRanges(view, 30, 0)
    const files = unzipSync(chunksToZip(chunks, (a, b) => text.slice(a, b)))
    const names = Object.keys(files).sort()
    expect(names).toEqual(chunkFileNames(chunks.length))
    const decoded = names.map((n) => new TextDecoder().decode(files[n]))
    expect(decoded.join('')).toBe(text)
    for (const d of decoded) expect(oracleOrdinary('o200k_base', d).length).toBeLessThanOrEqual(30)
  })
})

describe('splitVerified', () => {
  it('property: every chunk re-encoded on its own (tiktoken) holds at most N tokens, and the chunks still rebuild the text', async () => {
    const unit = fc.constantFrom(' antidisestablishmentarianism', 'numbered', ' 🦙', '👩🏽‍💻', '日本語のテキスト', '1234567', ' ', '\n', 'files,', 'ZZZ')
    let naiveOver = 0
    const countMany = (texts: string[]) => Promise.resolve(texts.map((t) => oracleOrdinary('o200k_base', t).length))
    await fc.assert(
      fc.asyncProperty(fc.array(unit, { minLength: 1, maxLength: 40 }), fc.integer({ min: 2, max: 9 }), async (parts, size) => {
        const text = parts.join('')
        const view = viewOf(text)
        const naive = splitRanges(view, size, 0)
        if ((await countMany(naive.map((c) => text.slice(c.from, c.to)))).some((n) => n > size)) naiveOver++
        const { chunks, counts } = await splitVerified(view, size, 0, (a, b) => text.slice(a, b), countMany)
        expect(chunks.map((c) => text.slice(c.from, c.to)).join('')).toBe(text)
        chunks.forEach((c, k) => {
          expect(counts[k]).toBe(oracleOrdinary('o200k_base', text.slice(c.from, c.to)).length)
          // Over N only when the chunk is a single clean piece (one character's tokens).
          if (counts[k] > size) for (let i = c.first + 1; i < c.end; i++) expect(view.flags(i) & FLAG_SPLIT_START).not.toBe(0)
        })
      }),
      { numRuns: 150 },
    )
    // The plain split really does overshoot on this alphabet, so the check above means something.
    expect(naiveOver).toBeGreaterThan(0)
  })
})
