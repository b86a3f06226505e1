import { describe, expect, it } from 'vitest'
import { addedNewlineCuts } from './chunkRules'

describe('addedNewlineCuts', () => {
  const nl = (content: string, id: number) => ({ id, content, special: false })

  it('cuts after a newline run when every added token with a newline is newlines only', () => {
    const rule = addedNewlineCuts([nl('\n', 1), nl('\n\n', 2), { id: 3, content: '<b>', special: true }])!
    expect(rule.isSafeCut('ab\n\ncd', 4)).toBe(true)
    expect(rule.isSafeCut('ab\n\ncd', 3)).toBe(false)
    expect(rule.isSafeCut('ab\n\ncd', 2)).toBe(false)
  })

  it('gives no rule when a newline could belong to a longer added token, or "\\n" is not one', () => {
    expect(addedNewlineCuts([nl('\n', 1), nl('\nx', 2)])).toBeNull()
    expect(addedNewlineCuts([nl('\n\n', 2)])).toBeNull()
  })
})
