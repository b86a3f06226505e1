import { describe, expect, it } from 'vitest'
import { requireFinalCount, stillCounting, stillCountingMessage } from './countingGuard'

describe('stillCounting', () => {
  it('is true without tokens, with pending chunks, or while the editor waits', () => {
    expect(stillCounting(null)).toBe(true)
    expect(stillCounting(undefined)).toBe(true)
    expect(stillCounting({ pending: 2 })).toBe(true)
    expect(stillCounting({ pending: 0 }, true)).toBe(true)
    expect(stillCounting({ pending: 0 })).toBe(false)
  })
})

describe('requireFinalCount', () => {
  it('reports one warning naming the action, and refuses, while counting', () => {
    const reports: unknown[] = []
    expect(requireFinalCount({ pending: 1 }, 'export', (m) => reports.push(m))).toBe(false)
    expect(reports).toEqual([{ tone: 'warning', text: 'Tokenizing is still under way; export again when the count is final.' }])
  })
  it('lets the action go and says nothing once the count is final', () => {
    const reports: unknown[] = []
    expect(requireFinalCount({ pending: 0 }, 'split', (m) => reports.push(m))).toBe(true)
    expect(reports).toEqual([])
  })
  it('builds every message the same way', () => {
    expect(stillCountingMessage('try')).toBe('Tokenizing is still under way; try again when the count is final.')
  })
})
