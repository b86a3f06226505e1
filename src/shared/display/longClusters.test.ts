import { findClusterBreak } from '@codemirror/state'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findLongClusters } from './longClusters'

/** The clusters of text[from, to) as CodeMirror walks them forward from the start, clipped to the range. */
function oracle(text: string, min: number, from: number, to: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = []
  for (let pos = 0; pos < text.length; ) {
    const next = findClusterBreak(text, pos, true)
    const a = Math.max(pos, from)
    const b = Math.min(next, to)
    if (b - a >= min) out.push({ from: a, to: b })
    pos = next
  }
  return out
}

describe('findLongClusters', () => {
  const pieces = ['a', 'e', ' ', '\u0301', '\u0308\u0301', '\u200d', '👩', '🏽', '👩\u200d💻', '❤️', '\ufe0f', '🇩🇪', '🇫', '日', '\u1100', '\u1161', 'क्', '\ud83d', '\udc00', '\r', '\t']
  it('finds exactly the clusters (CodeMirror’s forward walk) at least min long, clipped to any range', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), fc.nat(), fc.nat(), (parts, min, a, b) => {
        const text = parts.join('')
        const from = a % (text.length + 1)
        const to = from + (b % (text.length - from + 1))
        expect(findLongClusters(text, min, from, to)).toEqual(oracle(text, min, from, to))
      }),
      { seed: 42, numRuns: 1000 },
    )
  })

  it('finds a letter with 200,000 combining marks in one linear pass', () => {
    const text = 'before e' + '\u0301\u0308'.repeat(100_000) + ' after'
    const started = performance.now()
    expect(findLongClusters(text, 256)).toEqual([{ from: 7, to: 7 + 200_001 }])
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(findLongClusters('plain text, short 👩🏽‍💻 clusters', 256)).toEqual([])
  })
})
