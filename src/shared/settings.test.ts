import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, parseSettings } from './settings'

describe('parseSettings', () => {
  it('round-trips valid settings', () => {
    const s = { ...DEFAULT_SETTINGS, encoding: 'cl100k_base' as const, model: 'gpt-4', customLimit: 8000, activeLimit: 'custom' as const, showCost: false, wrapLines: false, lineNumbers: false, theme: 'dark' as const }
    expect(parseSettings(JSON.stringify(s))).toEqual(s)
  })
  it.each([null, '', '{', 'null', '[]', '42', '"x"'])('falls back to defaults for %j', (json) => {
    expect(parseSettings(json)).toEqual(DEFAULT_SETTINGS)
  })
  it('keeps valid fields and drops bad ones', () => {
    const s = parseSettings(JSON.stringify({ encoding: 'nope', showIds: true, customLimit: -3, activeLimit: 'x', specialMode: 'special', theme: 'pink', showCost: 'yes', lineNumbers: 'no' }))
    expect(s).toEqual({ ...DEFAULT_SETTINGS, showIds: true, specialMode: 'special' })
  })
})
