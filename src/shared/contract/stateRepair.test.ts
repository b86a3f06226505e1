import { describe, expect, it } from 'vitest'
import { readChatDraft } from '../tools/chat'
import { DEFAULT_SETTINGS, readSettings } from './settings'
import { stateRepairs } from './stateRepair'

describe('stateRepairs', () => {
  it('lists nothing for values that read whole, or for nothing saved', () => {
    expect(stateRepairs({})).toEqual([])
    expect(stateRepairs({ settings: JSON.stringify(DEFAULT_SETTINGS), chat: null })).toEqual([])
  })

  it('lists a damaged chat with what was lost, and its readable parts, which then read whole', () => {
    const chat = JSON.stringify({ model: 'gpt-4o', reserve: '1', messages: [{ role: 'user', name: '', content: 'kept' }, { role: 'user', content: 99 }] })
    const [repair, ...rest] = stateRepairs({ settings: null, chat })
    expect(rest).toEqual([])
    expect(repair.key).toBe('chat')
    expect(repair.problems.length).toBeGreaterThan(0)
    const again = readChatDraft(repair.repaired)
    expect(again.problems).toEqual([])
    expect(again.draft.messages.map((m) => m.content)).toContain('kept')
  })

  it('lists damaged settings before the chat, each repaired value reading whole', () => {
    const repairs = stateRepairs({ settings: '{"encoding": 42}', chat: '{"model":' })
    expect(repairs.map((r) => r.key)).toEqual(['settings', 'chat'])
    expect(readSettings(repairs[0].repaired).problems).toEqual([])
    expect(readChatDraft(repairs[1].repaired).problems).toEqual([])
  })

  it('repairs saved prices that are malformed, keeping the good ones', () => {
    const settings = JSON.stringify({ ...DEFAULT_SETTINGS, prices: { 'gpt-4o': { input: 1, output: 4 }, o3: { input: 'NaN', output: 1 } } })
    const [repair] = stateRepairs({ settings })
    expect(repair.key).toBe('settings')
    expect(repair.problems[0]).toMatch(/Saved prices for o3 were not valid/)
    const again = readSettings(repair.repaired)
    expect(again.problems).toEqual([])
    expect(again.settings.prices).toEqual({ 'gpt-4o': { input: 1, output: 4 } })
  })
})
