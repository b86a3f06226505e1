import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isSafeCut, isSafeWordCut } from '../tokenizer/chunking'
import { DocumentModel } from './documentModel'
import { REGEX_SPLIT_CUTS } from '../tokenizer/chunkRules'
import { guardAddedTokens } from '../tokenizer/hf/deriveChunkCuts'

/** Chunks tile the text and every cut is safe; `minChars` also checks sizes (a fresh cut's). */
function expectWellFormed(model: DocumentModel, minChars: number | null) {
  const { text, chunks } = model
  expect(model.length).toBe(text.length)
  for (const c of chunks) expect(model.chunkText(c)).toBe(text.slice(c.start, c.end))
  if (text.length === 0) {
    expect(chunks.length).toBe(0)
    return
  }
  expect(chunks[0].start).toBe(0)
  expect(chunks[chunks.length - 1].end).toBe(text.length)
  for (let k = 0; k < chunks.length; k++) {
    if (k > 0) expect(chunks[k].start).toBe(chunks[k - 1].end)
    if (k < chunks.length - 1) {
      expect(isSafeCut(text, chunks[k].end) || isSafeWordCut(text, chunks[k].end)).toBe(true)
      if (minChars !== null) expect(chunks[k].end - chunks[k].start).toBeGreaterThanOrEqual(minChars)
    }
  }
}

describe('DocumentModel', () => {
  it('cuts a document into chunks at safe cuts', () => {
    const m = new DocumentModel(20)
    const splice = m.reset(Array.from({ length: 50 }, (_, i) => `line ${i} says hello.`).join('\n'))
    expect(splice.from).toBe(0)
    expect(splice.insert.length).toBeGreaterThan(5)
    expectWellFormed(m, 20)
  })

  it('re-cuts only near an edit: a keystroke in a big document touches one or two chunks', () => {
    const m = new DocumentModel(64)
    m.reset(Array.from({ length: 5000 }, (_, i) => `Paragraph ${i} has some words.`).join('\n'))
    const before = m.chunks.length
    const mid = m.chunks[Math.floor(before / 2)].start + 5
    const splice = m.edit(mid, mid, 'x')
    expect(splice.insert.length).toBeLessThanOrEqual(2)
    expect(splice.remove).toBeLessThanOrEqual(2)
    expect(splice.shift).toBe(1)
    expectWellFormed(m, 64)
  })

  it('after any sequence of edits, cuts are safe, splices describe the change, and short edits give a fresh cut', () => {
    // Astral letters (𝐀) and pairs right at a window's edge, long unbroken lines (word cuts),
    // newlines that are and are not cuts.
    const alphabet = ['\n', ' ', 'a', 'Word', '.', 'é', '🦙', '\n\n', 'x\nY', ')\n', '𝐀', '\n𝐀', '日本', "'s", '|_', ',"k":']
    const textArb = fc.array(fc.constantFrom(...alphabet), { maxLength: 200 }).map((a) => a.join(''))
    const editArb = fc.record({ a: fc.nat(), b: fc.nat(), insert: textArb.map((t) => t.slice(0, 30)) })
    fc.assert(
      fc.property(textArb, fc.array(editArb, { maxLength: 12 }), (text, edits) => {
        const m = new DocumentModel(8)
        m.reset(text)
        // Re-cuts stop early only 32 characters (4 × minChars) past an edit.
        let everLong = m.length >= 32
        for (const e of edits) {
          const len = m.text.length
          const from = len === 0 ? 0 : e.a % (len + 1)
          const to = from + (len - from === 0 ? 0 : e.b % (len - from + 1))
          const before = m.chunks.map((c) => ({ ...c }))
          const splice = m.edit(from, to, e.insert)
          // The splice describes the change exactly.
          const rebuilt = [...before.slice(0, splice.from), ...splice.insert, ...before.slice(splice.from + splice.remove).map((c) => ({ start: c.start + splice.shift, end: c.end + splice.shift }))]
          expect(rebuilt).toEqual(m.chunks)
          expectWellFormed(m, null)
          everLong ||= m.length >= 32
          // Texts too short for a re-cut to stop early are cut exactly as from scratch.
          if (!everLong) {
            const fresh = new DocumentModel(8)
            fresh.reset(m.text)
            expect(m.chunks).toEqual(fresh.chunks)
          }
        }
      }),
      { numRuns: 500 },
    )
  })

  it('with a rule that reads further (added tokens guarded: ChunkCutRule.reach), edits never leave a cut inside a token', () => {
    const rule = guardAddedTokens(REGEX_SPLIT_CUTS, [
      { id: 1, content: 'ab.cd', special: false },
      { id: 2, content: '<s>', special: true },
    ])
    expect(rule.reach).toBe(5)
    // Completing "ab.cd" three characters after a cut inside it re-decides that cut.
    const m0 = new DocumentModel(8, rule)
    m0.reset('y'.repeat(14) + 'ab.cx and more words after it')
    expect(m0.chunks[0].end).toBe(16)
    m0.edit(18, 19, 'd')
    expect(m0.chunks.map((c) => c.end)).not.toContain(16)
    expect(m0.chunks.every((c, k) => k === m0.chunks.length - 1 || rule.isSafeWordCut!(m0.text, c.end) || rule.isSafeCut(m0.text, c.end))).toBe(true)
    const alphabet = ['\n', ' ', 'a', 'ab', '.', 'cd', 'ab.c', 'd', '<', 's', '>', '<s', 'x\nY', 'Word']
    const textArb = fc.array(fc.constantFrom(...alphabet), { maxLength: 200 }).map((a) => a.join(''))
    const editArb = fc.record({ a: fc.nat(), b: fc.nat(), insert: fc.constantFrom('d', 'ab.', 'c', '>', 'x', '') })
    fc.assert(
      fc.property(textArb, fc.array(editArb, { maxLength: 12 }), (text, edits) => {
        const m = new DocumentModel(8, rule)
        m.reset(text)
        for (const e of edits) {
          const len = m.text.length
          const from = len === 0 ? 0 : e.a % (len + 1)
          const to = from + (len - from === 0 ? 0 : e.b % (len - from + 1))
          m.edit(from, to, e.insert)
          for (const c of m.chunks.slice(0, -1)) expect(rule.isSafeCut(m.text, c.end) || rule.isSafeWordCut!(m.text, c.end), JSON.stringify(m.text)).toBe(true)
        }
      }),
      { numRuns: 500, seed: 7 },
    )
  })

  it('an edit that removes a cut looks past the chunks it touched until the cuts meet again', () => {
    const line = (i: number) => `Line ${i} has a few words in it.`
    const m = new DocumentModel(64)
    m.reset(Array.from({ length: 2000 }, (_, i) => line(i)).join('\n'))
    const before = m.chunks.map((c) => ({ ...c }))
    // Joining two chunks: delete the newline at a cut, so the next cut is further on.
    const cut = before[10].end
    const splice = m.edit(cut - 1, cut, ' ')
    expect(splice.from).toBe(10)
    expect(splice.remove).toBeGreaterThanOrEqual(2)
    expect(splice.remove).toBeLessThan(before.length - 10)
    expectWellFormed(m, null)
  })

  it('in text with a repeating layout, an edit re-cuts a few chunks, not the rest of the document', () => {
    // Identical 16-character lines, cuts every 64: inserting one more line moves every later
    // cut by 16, so a plain re-cut never meets the old cuts again.
    const m = new DocumentModel(64)
    m.reset('Same line here!\n'.repeat(20_000))
    const splice = m.edit(0, 0, 'Same line here!\n')
    expect(splice.remove).toBeLessThanOrEqual(6)
    expect(splice.insert.length).toBeLessThanOrEqual(7)
    expect(m.length).toBe(16 * 20_001)
    expectWellFormed(m, null)
  })

  it('rejects a chunk that is no longer current', () => {
    const m = new DocumentModel(8)
    m.reset('hello there\nWorld again\nAnd more')
    const first = m.chunks[0]
    m.edit(0, 0, 'x')
    expect(() => m.chunkText(first)).toThrow(RangeError)
  })

  it('rejects edits outside the text', () => {
    const m = new DocumentModel(8)
    m.reset('hello')
    expect(() => m.edit(3, 9, '')).toThrow(RangeError)
    expect(() => m.edit(4, 2, '')).toThrow(RangeError)
  })
})
