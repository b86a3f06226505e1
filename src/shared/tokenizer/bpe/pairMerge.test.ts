import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PairMerges } from './pairMerge'

/** Hugging Face's merge loop written the plain way: lowest rank, leftmost, until none applies. */
function reference(pairs: [number, number, number][], symbols: number[]): number[] {
  const ids = symbols.slice()
  for (;;) {
    let best = -1
    let bestRank = Infinity
    for (let i = 0; i + 1 < ids.length; i++) {
      const rank = pairs.findLastIndex(([a, b]) => a === ids[i] && b === ids[i + 1])
      if (rank >= 0 && rank < bestRank) [best, bestRank] = [i, rank]
    }
    if (best < 0) return ids
    ids.splice(best, 2, pairs[bestRank][2])
  }
}

describe('PairMerges', () => {
  // a=0 b=1 c=2; ab=3, bc=4, abc=5 (only as a + bc), aa=6.
  const pairs: [number, number, number][] = [
    [0, 1, 3],
    [1, 2, 4],
    [0, 4, 5],
    [0, 0, 6],
  ]
  const merges = new PairMerges(pairs, 7)

  it('joins only listed pairs: ab + c stays apart although abc is a token', () => {
    expect(merges.merge([0, 1, 2])).toEqual([3, 2])
    expect(merges.merge([0, 4])).toEqual([5])
  })

  it('takes the leftmost of equal pairs first', () => {
    expect(merges.merge([0, 0, 0])).toEqual([6, 0])
  })

  it('short and long words (heap path) agree with the plain loop', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 80 }), (symbols) => {
        expect(merges.merge(symbols)).toEqual(reference(pairs, symbols))
      }),
      { seed: 7, numRuns: 300 },
    )
  })
})
