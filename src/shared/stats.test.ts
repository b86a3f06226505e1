import { describe, expect, it } from 'vitest'
import { tokenFrequencies } from './stats'
import type { TokenView } from './tokenView'

const viewOf = (ids: number[]): TokenView => ({
  count: ids.length,
  id: (i) => ids[i],
  start: (i) => i,
  end: (i) => i + 1,
  flags: () => 0,
  indexAt: (p) => Math.min(p, ids.length - 1),
})

describe('tokenFrequencies', () => {
  it('ranks ids by count, then by first occurrence, with shares', () => {
    const r = tokenFrequencies(viewOf([5, 7, 5, 9, 7, 5, 1]), 3)
    expect(r).toEqual([
      { id: 5, count: 3, share: 3 / 7, firstIndex: 0 },
      { id: 7, count: 2, share: 2 / 7, firstIndex: 1 },
      { id: 9, count: 1, share: 1 / 7, firstIndex: 3 },
    ])
  })
  it('is empty for no tokens', () => {
    expect(tokenFrequencies(viewOf([]))).toEqual([])
  })
})
