import { describe, expect, it } from 'vitest'
import { readMerges } from './mergesInput'

describe('readMerges', () => {
  it('takes whole numbers from 1 to 50,000, with or without separators', () => {
    expect(readMerges('1')).toEqual({ value: 1 })
    expect(readMerges(' 10,000 ')).toEqual({ value: 10_000 })
    expect(readMerges('50000')).toEqual({ value: 50_000 })
  })
  it('refuses anything else with one message', () => {
    for (const bad of ['', '0', '-5', '1.5', '50001', 'ten', '1e3', '99999999999999999999']) {
      expect(readMerges(bad)).toEqual({ error: 'Merges must be a whole number from 1 to 50,000.' })
    }
  })
})
