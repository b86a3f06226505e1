import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, parseSettings, readSettings } from './settings'

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

describe('readSettings', () => {
  it('names the fields that were reset and keeps the rest', () => {
    const report = readSettings(JSON.stringify({ encoding: 'cl100k_base', showIds: 'yes', theme: 'purple', wrapLines: false }))
    expect(report.settings).toMatchObject({ encoding: 'cl100k_base', showIds: false, theme: 'system', wrapLines: false })
    expect(report.problems).toEqual(['Some saved settings were not valid and were reset to their defaults: showIds, theme. The others were kept.'])
  })
  it('says when the whole file could not be read; says nothing for good, missing or unknown fields', () => {
    expect(readSettings('{"encoding": "cl100k_base", ').problems[0]).toMatch(/could not be read .*defaults are in use/)
    expect(readSettings('[1,2]').problems[0]).toMatch(/not in the expected form/)
    expect(readSettings(JSON.stringify({ ...DEFAULT_SETTINGS, customLimit: 8000, future: 1 })).problems).toEqual([])
    expect(readSettings(JSON.stringify({ encoding: 'r50k_base' })).problems).toEqual([])
    expect(readSettings(null).problems).toEqual([])
  })
})
