import { describe, expect, it } from 'vitest'
import { PromiseCache } from './promiseCache'

describe('PromiseCache', () => {
  it('makes one promise per key and shares it', async () => {
    const cache = new PromiseCache<string, number>()
    let made = 0
    const make = () => Promise.resolve(++made)
    const [a, b] = [cache.get('x', make), cache.get('x', make)]
    expect(a).toBe(b)
    expect(await a).toBe(1)
    expect(await cache.get('y', make)).toBe(2)
  })
  it('forgets a rejected promise, so the next call tries again', async () => {
    const cache = new PromiseCache<string, number>()
    await expect(cache.get('x', () => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect(await cache.get('x', () => Promise.resolve(7))).toBe(7)
  })
  it('does not forget a newer promise when an older one, already cleared, rejects', async () => {
    const cache = new PromiseCache<string, number>()
    let fail!: (e: Error) => void
    const old = cache.get('x', () => new Promise<number>((_, rej) => (fail = rej)))
    cache.clear()
    const fresh = cache.get('x', () => Promise.resolve(3))
    fail(new Error('late'))
    await expect(old).rejects.toThrow('late')
    expect(cache.get('x', () => Promise.resolve(99))).toBe(fresh)
  })
})
