// Each formula on the provider's own published examples.
import { describe, expect, it } from 'vitest'
import { imageSupport, type ImageCostMethod } from './imageCost'

const method = (model: string, imageInput?: boolean): ImageCostMethod => {
  const s = imageSupport(model, imageInput)
  if (!s.ok) throw new Error(s.reason)
  return s.method
}

describe('image costs', () => {
  it('OpenAI GPT-4o class, detail high: 1024 x 1024 = 765, 2048 x 4096 = 1,105; detail low: 85 (OpenAI’s examples)', () => {
    const m = method('gpt-4o', true)
    expect(m.cost(1024, 1024, 'high').tokens).toBe(765)
    expect(m.cost(2048, 4096, 'high').tokens).toBe(1105)
    expect(m.cost(4096, 8192, 'low').tokens).toBe(85)
    expect(m.cost(2048, 4096, 'high').how).toBe('scaled to 768 x 1536: 6 tiles, 85 + 170 x 6')
    // auto is counted as high, and says so; a small image is not scaled up.
    expect(m.cost(1024, 1024, 'auto')).toMatchObject({ tokens: 765, how: expect.stringMatching(/auto counted as high/) })
    expect(m.cost(500, 300, 'high').tokens).toBe(85 + 170)
    expect(m.hasDetail && !m.estimate).toBe(true)
    for (const name of ['gpt-4o-2024-08-06', 'gpt-4.1', 'chatgpt-4o-latest', 'gpt-4-turbo']) expect(method(name, true).name).toMatch(/85 \+ 170/)
  })

  it('gpt-4o-mini: 2833 + 5667 per tile (the same 1024 x 1024 image: 4 tiles)', () => {
    const m = method('gpt-4o-mini', true)
    expect(m.cost(1024, 1024, 'high').tokens).toBe(2833 + 4 * 5667)
    expect(m.cost(1024, 1024, 'low').tokens).toBe(2833)
  })

  it('OpenAI patches (gpt-4.1-mini): 1024 x 1024 = 1,024 patches; 1800 x 2400 scaled to 1,452 patches (OpenAI’s examples)', () => {
    const m = method('gpt-4.1-mini', true)
    expect(m.cost(1024, 1024, 'auto').how).toMatch(/^1024 patches/)
    expect(m.cost(1024, 1024, 'auto').tokens).toBe(Math.ceil(1024 * 1.62))
    expect(m.cost(1800, 2400, 'auto').how).toMatch(/1452 patches/)
    expect(m.hasDetail).toBe(false)
  })

  it('Anthropic: about w x h / 750 (its table: 200 x 200 ~54, 1000 x 1000 ~1,334, 1092 x 1092 ~1,590), capped by scaling; an estimate', () => {
    const m = method('claude-sonnet-4-5')
    expect(m.cost(200, 200, 'auto').tokens).toBe(54)
    expect(m.cost(1000, 1000, 'auto').tokens).toBe(1334)
    expect(m.cost(1092, 1092, 'auto').tokens).toBe(1590)
    // A big image is scaled down first: never more than about 1,600.
    expect(m.cost(8000, 6000, 'auto').tokens).toBeLessThanOrEqual(1600)
    expect(m.cost(8000, 6000, 'auto').tokens).toBeGreaterThan(1550)
    expect(m.estimate).toBe(true)
  })

  it('Gemini: 258 up to 384 x 384, else 258 per 768-px tile (an estimate); Gemma 3: 256', () => {
    const m = method('gemini-2.0-flash')
    expect(m.cost(384, 384, 'auto').tokens).toBe(258)
    expect(m.cost(1024, 1024, 'auto').tokens).toBe(258 * 4)
    expect(m.estimate).toBe(true)
    expect(method('gemma-3-27b-it').cost(3000, 3000, 'auto').tokens).toBe(256)
  })

  it('models without image input say so (no number)', () => {
    expect(imageSupport('gpt-3.5-turbo', false)).toEqual({ ok: false, reason: 'gpt-3.5-turbo takes no images.' })
    expect(imageSupport('o3-mini', false).ok).toBe(false)
    expect(imageSupport('llama-3.1-8b-instruct')).toMatchObject({ ok: false, reason: expect.stringMatching(/takes no images/) })
    expect(imageSupport('gemma-3-1b-it').ok).toBe(false)
    expect(imageSupport('sora-2', true)).toMatchObject({ ok: false, reason: expect.stringMatching(/not published/) })
  })
})

describe('imageSupport', () => {
  it('gives the same method object for the same model (a panel passing it down does not redraw every row)', () => {
    expect(method('gpt-4o', true)).toBe(method('gpt-4o', true))
    expect(method('claude-3-haiku')).toBe(method('claude-opus-4'))
  })
})
