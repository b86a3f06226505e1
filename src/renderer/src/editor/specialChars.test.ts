import { Text } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { TOKEN_BOX_MIN_LINE_CHARS } from '@shared/display/tokenBoxes'
import { specialCharDecorations } from './specialChars'

/** The positions and character codes the placeholders cover. */
function covered(doc: Text, visible: { from: number; to: number }[], screen: { from: number; to: number } | null): [number, number][] {
  const out: [number, number][] = []
  for (const it = specialCharDecorations(doc, visible, screen).iter(); it.value; it.next()) {
    expect(it.to).toBe(it.from + 1)
    out.push([it.from, doc.sliceString(it.from, it.to).charCodeAt(0)])
  }
  return out
}

describe('specialCharDecorations', () => {
  it('covers each control and invisible character of a short line, not tabs, spaces or letters', () => {
    const text = 'a\x01b\tc\x1b[31m\u00a0\u200b\r\x7fé'
    const doc = Text.of([text])
    const specials = new Set(['\x01', '\x1b', '\u00a0', '\u200b', '\r', '\x7f'])
    const expected = [...text].flatMap((ch, i) => (specials.has(ch) ? [[i, ch.charCodeAt(0)] as [number, number]] : []))
    expect(covered(doc, [{ from: 0, to: doc.length }], null)).toEqual(expected)
  })

  it('draws only inside the on-screen window, and leaves controls in long lines to the browser (no element per character)', () => {
    const long = 'a\x01b'.repeat(TOKEN_BOX_MIN_LINE_CHARS)
    const doc = Text.of(['x\x02y', long, '\u200b\r\x03'])
    const all = [{ from: 0, to: doc.length }]
    const lastLine = doc.line(3).from
    // Short lines keep their placeholders; the long line's controls have none; CR and zero-width space still show.
    expect(covered(doc, all, null)).toEqual([
      [1, 2],
      [lastLine, 0x200b],
      [lastLine + 1, 13],
      [lastLine + 2, 3],
    ])
    // The window cuts what is drawn.
    expect(covered(doc, all, { from: 0, to: 2 })).toEqual([[1, 2]])
    expect(covered(doc, all, { from: lastLine + 1, to: doc.length })).toEqual([
      [lastLine + 1, 13],
      [lastLine + 2, 3],
    ])
  })
})

describe('runs of one special character', () => {
  it('draw as one placeholder across the rendered text, not one per character (10,000 right-to-left overrides, issue 26)', () => {
    const doc = Text.of(['ab' + '\u202e'.repeat(10_000) + 'c\u202ed'])
    const all = [{ from: 0, to: doc.length }]
    // The screen shows only the start of the run: the run is still one placeholder, the lone override its own.
    const ranges: [number, number][] = []
    for (const it = specialCharDecorations(doc, all, { from: 0, to: 3_000 }).iter(); it.value; it.next()) ranges.push([it.from, it.to])
    expect(ranges).toEqual([[2, 10_002]])
    const whole: [number, number][] = []
    for (const it = specialCharDecorations(doc, all, null).iter(); it.value; it.next()) whole.push([it.from, it.to])
    expect(whole).toEqual([
      [2, 10_002],
      [10_003, 10_004],
    ])
  })

  it('shorter runs keep one placeholder per character', () => {
    const doc = Text.of(['x' + '\u200b'.repeat(15) + 'y'])
    expect(covered(doc, [{ from: 0, to: doc.length }], null)).toHaveLength(15)
  })
})
