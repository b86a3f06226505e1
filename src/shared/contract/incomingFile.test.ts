import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decideIncoming, hasUnsavedText, smallestChange } from './incomingFile'

describe('decideIncoming', () => {
  const facts = (reason: 'opened' | 'launched' | 'changed' | 'restored', current: string, incoming: string, unsaved: boolean) =>
    decideIncoming({ reason, current, incoming, unsaved })

  it('a file changed on disk never replaces unsaved edits without asking (the autosave would keep the replacement)', () => {
    expect(facts('changed', 'my edits', 'their version', true)).toBe('ask')
  })
  it('a changed file with nothing unsaved here is reloaded quietly; a change back to what is shown does nothing', () => {
    expect(facts('changed', 'v1', 'v2', false)).toBe('reload')
    expect(facts('changed', 'same', 'same', true)).toBe('ignore')
  })
  it('a launch with a file asks before replacing unsaved text, replaces otherwise, and takes only the name when equal', () => {
    expect(facts('launched', 'a draft I wrote', 'the file', true)).toBe('ask')
    expect(facts('launched', 'sample', 'the file', false)).toBe('replace')
    expect(facts('launched', 'the file', 'the file', true)).toBe('name-only')
  })
  it('opening in the app replaces (undoable); a restored session keeps the draft', () => {
    expect(facts('opened', 'mine', 'file', true)).toBe('replace')
    expect(facts('restored', 'mine', 'file', true)).toBe('name-only')
  })
})

describe('hasUnsavedText', () => {
  it('counts edits, and an untitled text that is not empty or the sample', () => {
    expect(hasUnsavedText({ name: 'a.txt', edited: true }, 'x', 'S')).toBe(true)
    expect(hasUnsavedText({ name: 'a.txt', edited: false }, 'x', 'S')).toBe(false)
    expect(hasUnsavedText({ name: null, edited: false }, 'a draft', 'S')).toBe(true)
    expect(hasUnsavedText({ name: null, edited: false }, 'S', 'S')).toBe(false)
    expect(hasUnsavedText({ name: null, edited: false }, ' \n', 'S')).toBe(false)
  })
})

describe('smallestChange', () => {
  const apply = (text: string, c: ReturnType<typeof smallestChange>) => (c ? text.slice(0, c.from) + c.insert + text.slice(c.to) : text)

  it('a file that grew is an insertion at its end, not a replacement of the whole text', () => {
    const log = 'line\n'.repeat(100_000)
    expect(smallestChange(log, `${log}one more line\n`)).toEqual({ from: log.length, to: log.length, insert: 'one more line\n' })
    expect(smallestChange('same', 'same')).toBeNull()
  })

  it('never splits a surrogate pair', () => {
    const c = smallestChange('a\u{1F999}b', 'a\u{1F998}b')!
    expect(c).toEqual({ from: 1, to: 3, insert: '\u{1F998}' })
  })

  it('turns any text into any other, touching only the differing middle (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\u{1F999}', '\u{1F998}', '\uD83D', 'é'), maxLength: 30 })
    fc.assert(
      fc.property(text, text, text, text, (prefix, a, b, suffix) => {
        const before = prefix + a + suffix
        const after = prefix + b + suffix
        const c = smallestChange(before, after)
        expect(apply(before, c)).toBe(after)
        if (c) {
          expect(c.to - c.from).toBeLessThanOrEqual(a.length + 1)
          // Both ends fall on code point boundaries of both texts.
          for (const [t, at] of [[before, c.from], [before, c.to], [after, c.from], [after, after.length - (before.length - c.to)]] as const) {
            const code = t.charCodeAt(at)
            const prev = t.charCodeAt(at - 1)
            expect(at > 0 && at < t.length && prev >= 0xd800 && prev <= 0xdbff && code >= 0xdc00 && code <= 0xdfff).toBe(false)
          }
        }
      }),
      { numRuns: 2000 },
    )
  })
})
