import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bytesToHex, utf8ByteLength } from './utf8'

describe('utf8ByteLength', () => {
  it('agrees with TextEncoder on any UTF-16 string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff })), (units) => {
        const s = String.fromCharCode(...units)
        expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length)
      }),
    )
  })
})

describe('bytesToHex', () => {
  it('formats bytes as two-digit lower-case hex', () => {
    expect(bytesToHex([0, 15, 240, 255])).toBe('00 0f f0 ff')
    expect(bytesToHex([])).toBe('')
  })
})
