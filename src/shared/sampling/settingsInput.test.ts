import { describe, expect, it } from 'vitest'
import { readNumberField } from './settingsInput'

describe('readNumberField', () => {
  it('reads numbers in range', () => {
    expect(readNumberField('temperature', '0')).toEqual({ value: 0 })
    expect(readNumberField('temperature', ' 1.5 ')).toEqual({ value: 1.5 })
    expect(readNumberField('topK', '5')).toEqual({ value: 5 })
    expect(readNumberField('topP', '1')).toEqual({ value: 1 })
    expect(readNumberField('seed', '4294967295')).toEqual({ value: 4294967295 })
  })
  it('explains what is wrong', () => {
    expect(readNumberField('temperature', '')).toEqual({ error: 'Temperature is empty: type a number from 0 to 2.' })
    expect(readNumberField('temperature', '2.5')).toEqual({ error: 'Temperature must be a number from 0 to 2; 2.5 is not.' })
    expect(readNumberField('topK', '2.5')).toEqual({ error: 'Top-k must be a whole number from 0 to 100,000; 2.5 is not.' })
    expect(readNumberField('topP', 'abc')).toEqual({ error: 'Top-p must be a number from 0 to 1, not "abc".' })
    expect(readNumberField('minP', '-0.1')).toEqual({ error: 'Min-p must be a number from 0 to 1; -0.1 is not.' })
  })
})
