import { findClusterBreak } from '@codemirror/state'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isClusterBoundary, type FlagRunCache } from './clusterBoundary'

/** Every cluster boundary of `text` as CodeMirror finds them, walking forward from the start. */
function codeMirrorBoundaries(text: string): Set<number> {
  const out = new Set([0])
  for (let pos = 0; pos < text.length; ) {
    pos = findClusterBreak(text, pos, true)
    out.add(pos)
  }
  return out
}

describe('isClusterBoundary', () => {
  const pieces = ['a', ' ', '\n', 'é', 'e\u0301', '\u0301', '\u0308\u0301', '\u200d', '\u200c', '👩', '🏽', '👩\u200d💻', '🧑🏽‍🚀', '❤️', '\ufe0f', '🇩🇪', '🇫', '🇷', '日', '\u1100', '\u1161', 'क्', '\ud83d', '\udc00', '\r\n', '\t']
  it('agrees with CodeMirror at every position of random text (marks, joiners, flags, lone surrogates)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.array(fc.nat({ max: 120 }), { maxLength: 30 }), (parts, order) => {
        const text = parts.join('')
        const expected = codeMirrorBoundaries(text)
        for (let pos = 0; pos <= text.length; pos++) expect([pos, isClusterBoundary(text, pos)]).toEqual([pos, expected.has(pos)])
        // With a cache of flag runs, asked in order (as the editor asks) and in any order.
        const cache: FlagRunCache = { text: '', start: 0, end: 0 }
        for (let pos = 0; pos <= text.length; pos++) expect([pos, isClusterBoundary(text, pos, cache)]).toEqual([pos, expected.has(pos)])
        for (const pos of order) if (pos <= text.length) expect([pos, isClusterBoundary(text, pos, cache)]).toEqual([pos, expected.has(pos)])
      }),
      { numRuns: 500 },
    )
  })

  it('finds no boundary inside a cluster of 200,000 combining marks, and one at each end', () => {
    const text = 'x' + 'e' + '\u0301'.repeat(200_000) + 'y'
    expect(isClusterBoundary(text, 1)).toBe(true)
    expect(isClusterBoundary(text, 100_000)).toBe(false)
    expect(isClusterBoundary(text, text.length - 1)).toBe(true)
  })

  it('pairs the flags of a run of 30,000 from its start, with or without the cache', () => {
    const text = 'a' + '🇩🇪'.repeat(30_000) + 'b'
    const cache: FlagRunCache = { text: '', start: 0, end: 0 }
    for (const pos of [1, 3, 5, 7, 1001, 59_997, 59_999, 60_001]) {
      const expected = (pos - 1) % 4 === 0 // every second indicator starts a flag
      expect([pos, isClusterBoundary(text, pos, cache)]).toEqual([pos, expected])
      expect([pos, isClusterBoundary(text, pos)]).toEqual([pos, expected])
    }
  })
})
