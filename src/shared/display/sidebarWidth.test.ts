import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clampSidebarWidth, DEFAULT_SIDEBAR_WIDTH, maxSidebarWidth, MIN_SIDEBAR_WIDTH, parseSidebarWidth, SIDEBAR_STEP, sidebarWidthAfterKey } from './sidebarWidth'

describe('sidebar width', () => {
  it('stays within the minimum and the share of the window, whatever is asked', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), fc.integer({ min: 0, max: 8000 }), (w, total) => {
        const c = clampSidebarWidth(w, total)
        expect(Number.isInteger(c)).toBe(true)
        expect(c).toBeGreaterThanOrEqual(MIN_SIDEBAR_WIDTH)
        expect(c).toBeLessThanOrEqual(maxSidebarWidth(total))
      }),
    )
  })
  it('ArrowLeft widens, ArrowRight narrows, by one step or ten with Shift; Home, End and Enter jump', () => {
    expect(sidebarWidthAfterKey(320, 'ArrowLeft', false, 1920)).toBe(320 + SIDEBAR_STEP)
    expect(sidebarWidthAfterKey(320, 'ArrowRight', false, 1920)).toBe(320 - SIDEBAR_STEP)
    expect(sidebarWidthAfterKey(320, 'ArrowLeft', true, 1920)).toBe(320 + 10 * SIDEBAR_STEP)
    expect(sidebarWidthAfterKey(320, 'Home', false, 1920)).toBe(MIN_SIDEBAR_WIDTH)
    expect(sidebarWidthAfterKey(320, 'End', false, 1920)).toBe(maxSidebarWidth(1920))
    expect(sidebarWidthAfterKey(600, 'Enter', false, 1920)).toBe(DEFAULT_SIDEBAR_WIDTH)
    expect(sidebarWidthAfterKey(320, 'a', false, 1920)).toBeNull()
    // At the edges a key keeps it there.
    expect(sidebarWidthAfterKey(MIN_SIDEBAR_WIDTH, 'ArrowRight', false, 1920)).toBe(MIN_SIDEBAR_WIDTH)
    expect(sidebarWidthAfterKey(maxSidebarWidth(1000), 'ArrowLeft', false, 1000)).toBe(maxSidebarWidth(1000))
  })
  it('reads back a saved width and refuses anything else', () => {
    expect(parseSidebarWidth('480')).toBe(480)
    for (const bad of [null, '', '12', 'abc', '-300', '3e2', '99999999', '480px']) expect(parseSidebarWidth(bad)).toBeNull()
  })
})
