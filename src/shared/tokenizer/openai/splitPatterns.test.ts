import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EncodingName } from './encodings'
import { forEachPiece, isLetter, isSpace, isWordPart, referenceSplitRegex } from './splitPatterns'

function scannerPieces(name: EncodingName, text: string): string[] {
  const pieces: string[] = []
  forEachPiece(name, text, (start, end) => pieces.push(text.slice(start, end)))
  return pieces
}

const compiled = new Map<EncodingName, RegExp>()
function regexPieces(name: EncodingName, text: string): string[] {
  let re = compiled.get(name)
  if (!re) compiled.set(name, (re = referenceSplitRegex(name)))
  return Array.from(text.matchAll(re), (m) => m[0])
}

// The scanners against the patterns they implement (tiktoken's, with the same pinned classes):
// the ids against tiktoken itself are in tiktokenParity.test.ts.
describe('scanners split as the reference patterns', () => {
  const unit = fc.oneof(
    fc.constantFrom(' ', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u0085', '\u00a0', '\u2028', '\u3000', '\ufeff', "'", "'", 's', 'S', '\u017f', 're', 'LL', 'Ve', 'd', 'M', 't', '/', '//', '!', '.'),
    fc.constantFrom('a', 'Z', 'É', 'é', 'ǅ', 'ʰ', '日', '\u0301', '\u0903', '\u20dd', '1', '٣', 'Ⅻ', '½', '🦙', '𝐀', '𝐚', '\u088f', '\ud800', '\udc00'),
    fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  )
  const texts = fc.array(unit, { maxLength: 30 }).map((a) => a.join(''))
  // p50k and o200k_harmony share r50k's and o200k_base's pattern.
  it.each(['r50k_base', 'cl100k_base', 'o200k_base'] as const)('%s', (name) => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(scannerPieces(name, text)).toEqual(regexPieces(name, text))
      }),
      { numRuns: 1500 },
    )
  })
  it('examples', () => {
    expect(scannerPieces('o200k_base', " I'\u017f")).toEqual([" I'\u017f"])
    expect(scannerPieces('r50k_base', " I'\u017f")).toEqual([' I', "'", '\u017f'])
    expect(scannerPieces('cl100k_base', 'a  \n\n  b')).toEqual(['a', '  \n\n', ' ', ' b'])
    expect(scannerPieces('o200k_base', 'HTTPServer')).toEqual(['HTTPServer'])
    expect(scannerPieces('o200k_base', 'x\u0085\u0085y')).toEqual(['x', '\u0085', '\u0085y'])
  })
})

describe('pinned classes', () => {
  it('are Unicode 16 with Rust\'s White_Space, whatever the engine', () => {
    expect([isSpace(0x85), isSpace(0xfeff), isSpace(0x20), isSpace(0x180e)]).toEqual([true, false, true, false])
    expect([isLetter(0x41), isLetter(0xa7cb), isLetter(0x88f), isLetter(0x323b0), isLetter(0x301)]).toEqual([true, true, false, false, false])
    expect([isWordPart(0x301), isWordPart(0x1acf), isWordPart(0x661)]).toEqual([true, false, true])
  })
})
