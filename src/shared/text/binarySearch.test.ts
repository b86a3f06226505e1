import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lastIndexAtMost } from './binarySearch'

describe('lastIndexAtMost', () => {
  it('finds the last index whose value is at most the target, as a linear scan does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (raw, target) => {
        const values = [...raw].sort((a, b) => a - b)
        let expected = -1
        values.forEach((v, i) => v <= target && (expected = i))
        expect(lastIndexAtMost(values.length, (i) => values[i], target)).toBe(expected)
      }),
    )
  })

  it('is -1 for no values and for a target below all of them', () => {
    expect(lastIndexAtMost(0, () => 0, 5)).toBe(-1)
    expect(lastIndexAtMost(3, (i) => 10 + i, 9)).toBe(-1)
  })
})
