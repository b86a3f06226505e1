import { Text } from '@codemirror/state'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codePointOffset } from '@shared/text/codePoints'
import { docCodePointOffset } from './docCodePoints'

const line = fc.array(fc.constantFrom('a', 'é', '🦙', '👩🏽‍💻', '日', ' ', '\ud83d'), { maxLength: 12 }).map((p) => p.join(''))

describe('docCodePointOffset', () => {
  it('equals the code-point offset in the document’s string, in big trees and after edits', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 3000 }), fc.nat(), fc.nat(), line, (lines, a, b, insert) => {
        let doc = Text.of(lines)
        const check = () => {
          const s = doc.toString()
          for (const pos of [0, a % (s.length + 1), b % (s.length + 1), s.length]) expect(docCodePointOffset(doc, pos)).toBe(codePointOffset(s, pos))
        }
        check()
        const at = a % (doc.length + 1)
        doc = doc.replace(at, Math.min(doc.length, at + (b % 50)), Text.of(['', insert]))
        check()
      }),
      { numRuns: 60 },
    )
  })
})
