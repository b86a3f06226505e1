import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, LAB_TOGGLES, parseSettings, readSettings, settingsForStart, withToggle } from './settings'

describe('parseSettings', () => {
  it('round-trips valid settings', () => {
    const s = { ...DEFAULT_SETTINGS, encoding: 'cl100k_base' as const, model: 'gpt-4', customLimit: 8000, activeLimit: 'custom' as const, showDensity: false, wrapLines: false, lineNumbers: false, theme: 'dark' as const, showLanguages: true, prices: { 'gpt-4o': { input: 1, output: 4 }, '': { input: 0, output: 0.5 } }, replyReserve: 800 }
    expect(parseSettings(JSON.stringify(s))).toEqual(s)
  })
  it('keeps the embeddings lab open or closed, and ignores a non-boolean', () => {
    expect(parseSettings(JSON.stringify({ showEmbeddings: true })).showEmbeddings).toBe(true)
    expect(parseSettings(JSON.stringify({ showEmbeddings: 'yes' })).showEmbeddings).toBe(false)
  })
  it.each([null, '', '{', 'null', '[]', '42', '"x"'])('falls back to defaults for %j', (json) => {
    expect(parseSettings(json)).toEqual(DEFAULT_SETTINGS)
  })
  it('carries the density strip setting saved under its old name (showCost) over to showDensity', () => {
    expect(parseSettings(JSON.stringify({ showCost: false })).showDensity).toBe(false)
    expect(parseSettings(JSON.stringify({ showCost: false, showDensity: true })).showDensity).toBe(true)
    expect(parseSettings(JSON.stringify({ showCost: false }))).not.toHaveProperty('showCost')
  })
  it('keeps one lab open: of several saved open, the first', () => {
    const s = parseSettings(JSON.stringify({ showEmbeddings: true, showLanguages: true }))
    expect([s.showSampling, s.showTrainer, s.showEmbeddings, s.showLanguages]).toEqual([false, false, true, false])
  })
  it('keeps valid fields and drops bad ones', () => {
    const s = parseSettings(JSON.stringify({ encoding: 'nope', showIds: true, customLimit: -3, activeLimit: 'x', specialMode: 'special', theme: 'pink', showDensity: 'yes', lineNumbers: 'no', replyReserve: -5 }))
    expect(s).toEqual({ ...DEFAULT_SETTINGS, showIds: true, specialMode: 'special' })
  })
})

describe('readSettings', () => {
  it('names the fields that were reset and keeps the rest', () => {
    const report = readSettings(JSON.stringify({ encoding: 'cl100k_base', showIds: 'yes', theme: 'purple', wrapLines: false }))
    expect(report.settings).toMatchObject({ encoding: 'cl100k_base', showIds: false, theme: 'system', wrapLines: false })
    expect(report.problems).toEqual(['Some saved settings were not valid and were reset to their defaults: showIds, theme. The others were kept.'])
  })
  it('keeps a saved non-OpenAI tokenizer and repairs an unknown one to the default with a message', () => {
    expect(readSettings(JSON.stringify({ encoding: 'llama3' }))).toEqual({ settings: { ...DEFAULT_SETTINGS, encoding: 'llama3' }, problems: [] })
    const report = readSettings(JSON.stringify({ encoding: 'llama9', theme: 'purple' }))
    expect(report.settings.encoding).toBe('o200k_base')
    expect(report.problems).toEqual([
      'The saved tokenizer "llama9" is not one this version has, so o200k_base is in use.',
      'Some saved settings were not valid and were reset to their defaults: theme. The others were kept.',
    ])
  })
  it('says when the whole file could not be read; says nothing for good, missing or unknown fields', () => {
    expect(readSettings('{"encoding": "cl100k_base", ').problems[0]).toMatch(/could not be read .*defaults are in use/)
    expect(readSettings('[1,2]').problems[0]).toMatch(/not in the expected form/)
    expect(readSettings(JSON.stringify({ ...DEFAULT_SETTINGS, customLimit: 8000, future: 1 })).problems).toEqual([])
    expect(readSettings(JSON.stringify({ encoding: 'r50k_base' })).problems).toEqual([])
    expect(readSettings(null).problems).toEqual([])
  })
  it('keeps valid saved prices and names the malformed ones it removed', () => {
    const saved = { prices: { 'gpt-4o': { input: 1, output: 4 }, '': { input: 0, output: 0 }, 'gpt-4.1': { input: -2, output: 8 }, o3: { input: 'cheap', output: 1 }, o1: { input: 1e9, output: 1 } } }
    const report = readSettings(JSON.stringify(saved))
    expect(report.settings.prices).toEqual({ 'gpt-4o': { input: 1, output: 4 }, '': { input: 0, output: 0 } })
    expect(report.problems).toHaveLength(1)
    expect(report.problems[0]).toMatch(/^Saved prices for gpt-4\.1, o3, o1 were not valid .* and were removed/)
    expect(readSettings(JSON.stringify({ prices: { 'gpt-4o': { input: 1, output: 4 } } })).problems).toEqual([])
    expect(readSettings(JSON.stringify({ prices: [1, 2] })).problems[0]).toMatch(/reset to their defaults: prices\./)
    expect(readSettings(JSON.stringify({ prices: [1, 2] })).settings.prices).toEqual({})
  })
})

describe('a tokenizer opened from a file, saved as the tokenizer in use', () => {
  it('is kept by parseSettings and readSettings without a problem (not "a tokenizer this version does not have")', () => {
    const json = JSON.stringify({ encoding: 'file: Llama-3-8B', showIds: true })
    expect(parseSettings(json).encoding).toBe('file: Llama-3-8B')
    expect(readSettings(json)).toEqual({ settings: { ...DEFAULT_SETTINGS, encoding: 'file: Llama-3-8B', showIds: true }, problems: [] })
  })

  it('starts on the default tokenizer with the file to restore; catalog ids start as saved', () => {
    const saved = parseSettings(JSON.stringify({ encoding: 'file: Llama-3-8B (2)', model: 'gpt-4o', showIds: true }))
    expect(settingsForStart(saved)).toEqual({ settings: { ...saved, encoding: DEFAULT_SETTINGS.encoding, model: null }, restoreTokenizer: 'file: Llama-3-8B (2)' })
    const catalog = parseSettings(JSON.stringify({ encoding: 'qwen3' }))
    expect(settingsForStart(catalog)).toEqual({ settings: catalog, restoreTokenizer: null })
  })

  it('a malformed file id is reset like any unknown tokenizer', () => {
    const report = readSettings(JSON.stringify({ encoding: 'file: ' }))
    expect(report.settings.encoding).toBe(DEFAULT_SETTINGS.encoding)
    expect(report.problems[0]).toMatch(/The saved tokenizer "file: " is not one this version has/)
  })
})

describe('withToggle', () => {
  it('opening a lab closes the others; other toggles and closing touch nothing else', () => {
    const two = withToggle(withToggle(DEFAULT_SETTINGS, 'showSampling', true), 'showTrainer', true)
    expect([two.showSampling, two.showTrainer]).toEqual([false, true])
    const ws = withToggle(two, 'showWhitespace', true)
    expect([ws.showWhitespace, ws.showTrainer]).toEqual([true, true])
    expect(withToggle(ws, 'showTrainer', false).showTrainer).toBe(false)
    expect(LAB_TOGGLES.every((k) => !withToggle(ws, 'showTrainer', false)[k])).toBe(true)
  })
})
