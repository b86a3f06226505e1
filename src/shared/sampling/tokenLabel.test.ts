import { describe, expect, it } from 'vitest'
import { labelsFor, tokenLabel } from './tokenLabel'

describe('tokenLabel', () => {
  it('whole characters as text, parts of a character as escapes', () => {
    expect(tokenLabel(new TextEncoder().encode(' the'))).toBe(' the')
    expect(tokenLabel(Uint8Array.from([0xf0, 0x9f]))).toBe('\\xf0\\x9f')
  })
  it('labels are unique; missing bytes and empty text name the id', () => {
    const e = (s: string) => new TextEncoder().encode(s)
    expect(labelsFor([1, 2, 3, 4], [e('a'), e('a'), null, e('')])).toEqual(['a #1', 'a #2', '#3', ' #4'])
  })
})
