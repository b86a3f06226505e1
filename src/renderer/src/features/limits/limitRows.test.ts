import { describe, expect, it } from 'vitest'
import { STANDARD_LIMITS } from '@shared/models/limits'
import type { ModelInfo } from '@shared/models/models'
import { limitRows } from './limitRows'

describe('limitRows', () => {
  it('lists the standard limits, then the model window and the custom limit when there are', () => {
    const model = { name: 'gpt-4o', contextWindow: 128_000 } as ModelInfo
    const rows = limitRows(model, 5_000)
    expect(rows.map((r) => r.value)).toEqual([...STANDARD_LIMITS, 128_000, 5_000])
    expect(rows.map((r) => r.key)).toEqual(['l1024', 'l4096', 'model', 'custom'])
    expect(rows[2].title).toBe('gpt-4o window')
  })
  it('has only the standard limits without a model or custom limit', () => {
    expect(limitRows(null, null).map((r) => r.key)).toEqual(['l1024', 'l4096'])
    expect(limitRows(null, null)[1].title).toBe('4,096 tokens')
  })
})
